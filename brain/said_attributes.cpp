#include "brain/said_attributes.hpp"

#include "brain/nlu_internal.hpp"
#include "brain/nlu_tokens.hpp"
#include "brain/text.hpp"

namespace parley::brain {

SaidAttributes read_price_and_size(const std::string& text) {
  const auto tk = nlu::tokenize_message(text);
  auto price = nlu::parse_price(tk);
  std::set<size_t> used = std::move(price.used);
  std::map<std::string, std::string> slots;
  nlu::said_size(tk, /*bare_sizes=*/false, &slots, &used);
  if (!slots.count("size")) {
    // Without a size word only a shoe size ("botines 40", "del 37") is a
    // size to filter by; "M8", "XL" or "60 mm" stay words of the product's
    // name, where search finds them.
    std::set<size_t> bare_used = used;
    std::map<std::string, std::string> bare;
    nlu::said_size(tk, /*bare_sizes=*/true, &bare, &bare_used);
    if (bare.count("size") && is_number(fold(bare["size"]))) {
      slots = std::move(bare);
      used = std::move(bare_used);
    }
  }
  SaidAttributes out{price.min, price.max, slots.count("size") ? slots["size"] : "", text};
  for (size_t i = 0; i < tk.size(); ++i)
    if (used.count(i) || nlu::is_currency_word(tk.f(i)))
      for (size_t b = tk.t[i].begin; b < tk.t[i].end && b < out.rest.size(); ++b) out.rest[b] = ' ';
  return out;
}

}  // namespace parley::brain
