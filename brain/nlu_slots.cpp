// Cart and search slots: quantities, ordinals, products and queries as typed,
// colours, sizes, categories.
#include "brain/nlu_slots.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "brain/lexicon.hpp"
#include "brain/nlu_cues.hpp"
#include "brain/nlu_internal.hpp"
#include "brain/text.hpp"

namespace parley::brain::nlu {
namespace {

std::string trim(std::string s) {
  return trim_slot(std::move(s));
}

bool is_punct(const Tokens& tk, size_t i) {
  return i < tk.size() && tk.t[i].kind == Token::punct;
}
bool is_sep(const Tokens& tk, size_t i) {
  if (!is_punct(tk, i)) return false;
  const auto& p = tk.f(i);
  return p == "," || p == ":" || p == ";" || p == "." || p == "-" || p == "–" || p == "—" ||
         p == "।" || p == "!" || p == "?";
}

// Words that carry no slot content in commerce messages.

bool is_content(const Tokens& tk, size_t i) {
  if (i >= tk.size() || tk.t[i].kind == Token::punct) return false;
  const auto& w = tk.f(i);
  if (function_words().count(w) || is_cue_word(w)) return false;
  if ((cardinal(w) && !light_verb_do(tk, i)) || ordinal(w)) return false;
  if (tk.t[i].kind == Token::number) return false;
  return true;
}

// Price: bounds and amounts, in the currency's units.

// "40 number", "40 नंबर": a shoe size said the Indian way. Small numbers
// before "number" are positions ("2 number wala"), not sizes.
bool shoe_number(const Tokens& tk, size_t i) {
  static const Cues number_words = {"number", "nambar", "नंबर", "नम्बर"};
  int n = 0;
  return cue_length_at(tk, number_words, i) && i > 0 &&
         (n = std::atoi(tk.f(i - 1).c_str())) >= 20 && n <= 50;
}

// What can follow a size word as its value: a number ("38", "7.5", "m8") or
// a letter size; not "is" in "what size is it" nor "kya" in "size kya hai".
bool size_value(const std::string& w) {
  static const std::set<std::string> letters = {"xxs", "xs",  "s",    "m",   "l",
                                                "xl",  "xxl", "xxxl", "2xl", "3xl"};
  if (letters.count(w)) return true;
  for (char c : w)
    if (c >= '0' && c <= '9') return true;
  return false;
}

}  // namespace

void said_size(const Tokens& tk, bool bare_sizes, std::map<std::string, std::string>* slots,
               std::set<size_t>* used) {
  static const Cues size_words = {"size", "talla", "размер", "ukuran", "saiz", "साइज", "साइज़"};
  for (size_t i = 0; i < tk.size() && !slots->count("size"); ++i) {
    if (tk.t[i].kind != Token::word) continue;
    const bool number_before = i > 0 && tk.t[i - 1].kind == Token::number && !used->count(i - 1);
    const bool number_after = i + 1 < tk.size() && tk.t[i + 1].kind == Token::number;
    if (cue_length_at(tk, size_words, i) && i + 1 < tk.size() && !is_punct(tk, i + 1) &&
        (number_after || !number_before) && size_value(tk.f(i + 1))) {
      (*slots)["size"] = tk.span(i + 1, i + 1);
      used->insert(i);
      used->insert(i + 1);
    } else if (number_before && (cue_length_at(tk, size_words, i) || shoe_number(tk, i))) {
      // "39 size", "40 नंबर": the size before its word.
      (*slots)["size"] = tk.span(i - 1, i - 1);
      used->insert(i - 1);
      used->insert(i);
    }
  }
  if (bare_sizes) sizes_without_a_size_word(tk, slots, used);
}

namespace {

void color_and_size(const Tokens& tk, Understanding* u, std::set<size_t>* used) {
  const auto& lx = Lexicon::builtin();
  for (size_t i = 0; i < tk.size() && !u->text_slots.count("color"); ++i) {
    if (tk.t[i].kind != Token::word || lx.color_of(tk.f(i)).empty()) continue;
    u->text_slots["color"] = tk.span(i, i);
    used->insert(i);
  }
  // A size in a product's own name ("the M4 screws", "70 mm heels") is not
  // asked for: only a search or an add reads one without its word.
  said_size(tk, u->intent == "product_search" || u->intent == "add_to_cart", &u->text_slots, used);
}

// The longest run of content words, as typed; inner function words are kept
// ("zapatillas para correr", "relojes de pulsera").

std::string content_span(const Tokens& tk, const std::set<size_t>& used) {
  size_t first = tk.size(), last = 0;
  for (size_t i = 0; i < tk.size(); ++i) {
    if (used.count(i) || !is_content(tk, i)) continue;
    if (first == tk.size()) first = i;
    // stop at a clause break or at a used token after the first run
    last = i;
  }
  if (first == tk.size()) return "";
  // cut at the first used/cue token or separator inside the run
  size_t end = first;
  for (size_t i = first; i <= last; ++i) {
    if (used.count(i) || is_sep(tk, i)) break;
    const auto& w = tk.f(i);
    if (is_cue_word(w) && !is_content(tk, i)) break;
    if (tk.t[i].kind == Token::number || cardinal(w) || ordinal(w)) break;
    if (is_content(tk, i)) end = i;
  }
  return trim(tk.span(first, end));
}

}  // namespace

namespace {

// Words that number a line or an item: "item 2", "line 3", "#2", "número 2", "пункт 2".
bool is_item_word(const std::string& w) {
  static const std::set<std::string> words = {
      "item",     "line",  "#",       "no",      "nr",    "number", "numero", "número",
      "articulo", "пункт", "позицию", "позиция", "номер", "nomor",  "barang", "item-nya"};
  return words.count(w) > 0;
}

// Words before the new amount of a change: "to 6", "a 6", "на 6", "jadi 6".
bool is_target_word(const std::string& w) {
  static const std::set<std::string> words = {"to", "a", "на", "до", "jadi", "menjadi", "ke", "ko"};
  return words.count(w) > 0;
}

// Quantities said with counting words and numbers that name a line or the
// new amount, before the plain numbers of cart_slots.
void cart_numbers(const Tokens& tk, Understanding* u, std::set<size_t>* used) {
  for (size_t i = 0; i < tk.size(); ++i) {
    size_t len = 0;
    if (auto q = counted_quantity(tk, i, &len); q && !u->number_slots.count("quantity")) {
      u->number_slots["quantity"] = *q;
      for (size_t k = i; k < i + len; ++k) used->insert(k);
      i += len - 1;
      continue;
    }
    if (tk.t[i].kind != Token::number || i == 0) continue;
    const auto n = cardinal(tk.f(i));
    if (!n) continue;
    if (is_item_word(tk.f(i - 1)) && !u->number_slots.count("ordinal")) {
      u->number_slots["ordinal"] = *n;
      used->insert(i);
    } else if (is_target_word(tk.f(i - 1)) && *n > 0 && *n < 1000) {
      u->number_slots["quantity"] = *n;
      used->insert(i);
    }
  }
}

// A number taken back: "not 3, 2", "не 3 а 2", "5 не надо", "bukan 3 tapi 2", "teen nahi do".
bool negated(const Tokens& tk, size_t i) {
  static const std::set<std::string> before = {"not", "no", "не", "bukan", "ni"};
  static const std::set<std::string> after = {"नहीं", "नही", "nahi", "nhi", "nahin", "nai", "не"};
  return (i > 0 && before.count(tk.f(i - 1))) || (i + 1 < tk.size() && after.count(tk.f(i + 1)));
}

}  // namespace

void cart_slots(const Tokens& tk, Understanding* u) {
  std::set<size_t> used;
  color_and_size(tk, u, &used);
  cart_numbers(tk, u, &used);
  for (size_t i = 0; i < tk.size(); ++i) {
    if (used.count(i) || tk.t[i].kind == Token::punct) continue;
    const auto& w = tk.f(i);
    if (auto o = ordinal(w); o && !u->number_slots.count("ordinal")) {
      u->number_slots["ordinal"] = *o;
      used.insert(i);
    } else if (auto c = light_verb_do(tk, i) || negated(tk, i) ? std::nullopt : cardinal(w);
               c && !u->number_slots.count("quantity") && *c > 0 && *c < 1000) {
      // "one" in "the second one" / "the first one" is not a quantity
      if ((w == "one" || w == "uno" || w == "una") && i > 0) continue;
      u->number_slots["quantity"] = *c;
      used.insert(i);
    }
  }
  // Quoted or capitalised product names ("the Classic Denim Jacket") are kept whole.
  size_t best_b = 0, best_len = 0;
  for (size_t i = 0; i < tk.size(); ++i) {
    if (!tk.t[i].capitalized || tk.t[i].kind != Token::word || is_cue_word(tk.f(i))) continue;
    size_t j = i;
    while (j + 1 < tk.size() && tk.t[j + 1].kind != Token::punct &&
           (tk.t[j + 1].capitalized || tk.t[j + 1].kind == Token::number ||
            std::isdigit(static_cast<unsigned char>(tk.f(j + 1).back()))))
      ++j;
    if (j - i + 1 > best_len) {
      best_b = i;
      best_len = j - i + 1;
    }
    i = j;
  }
  if (best_len >= 2) {
    u->text_slots["product"] = tk.span(best_b, best_b + best_len - 1);
    return;
  }
  auto product = content_span(tk, used);
  if (!product.empty()) u->text_slots["product"] = product;
}

void search_slots(const Tokens& tk, Understanding* u) {
  std::set<size_t> used;
  Price price = parse_price(tk);
  if (price.min) u->number_slots["price_min"] = *price.min;
  if (price.max) u->number_slots["price_max"] = *price.max;
  used = price.used;
  color_and_size(tk, u, &used);
  auto cat = find_cue(tk, cues::category);
  if (cat != std::string::npos) {
    used.insert(cat);
    size_t after = cat + 1;
    if (after < tk.size() && is_content(tk, after)) {
      u->text_slots["category"] = tk.span(after, after);
      return;
    }
    for (size_t i = cat; i-- > 0;)
      if (is_content(tk, i)) {
        u->text_slots["category"] = tk.span(i, i);
        return;
      }
  }
  auto query = content_span(tk, used);
  if (!query.empty()) u->text_slots["query"] = query;
}

}  // namespace parley::brain::nlu
