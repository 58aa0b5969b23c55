#include "projections/search_query.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "brain/romanize.hpp"
#include "brain/said_attributes.hpp"
#include "brain/text.hpp"

namespace parley::projections {
namespace {

int64_t cents(double amount) {
  return static_cast<int64_t>(std::llround(amount * 100));
}

}  // namespace

SearchQuery parse_search_query(const std::string& text, const brain::Lexicon& lexicon) {
  SearchQuery q;
  // A SKU (DEPT-CAT-NNN style) answers by itself.
  {
    std::string trimmed;
    for (char c : text)
      if (!std::isspace(static_cast<unsigned char>(c))) trimmed.push_back(c);
    size_t dashes = std::count(trimmed.begin(), trimmed.end(), '-');
    bool skuish = dashes >= 2 && trimmed.size() <= 32 &&
                  std::all_of(trimmed.begin(), trimmed.end(),
                              [](unsigned char c) { return std::isalnum(c) || c == '-'; });
    if (skuish) {
      for (auto& c : trimmed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      q.sku = trimmed;
    }
  }
  // Prices and sizes are read as understanding reads them; what is left is
  // searched for.
  const auto said = brain::read_price_and_size(text);
  if (said.price_max) q.price_max_cents = cents(*said.price_max);
  if (said.price_min) q.price_min_cents = cents(*said.price_min);
  q.size = brain::fold(said.size);
  if (brain::has_devanagari(q.size)) q.size = brain::romanize_devanagari(q.size);
  const auto folded_tokens = brain::tokenize(brain::fold(said.rest));
  // Colour words match in either script; the words searched for keep theirs.
  std::vector<std::string> tokens;
  for (const auto& t : folded_tokens)
    tokens.push_back(brain::has_devanagari(t) ? brain::romanize_devanagari(t) : t);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (lexicon.is_stopword(tokens[i]) || lexicon.is_stopword(folded_tokens[i])) continue;
    auto color = lexicon.color_of(folded_tokens[i]);
    if (color.empty()) color = lexicon.color_of(tokens[i]);
    if (!color.empty()) {
      if (std::find(q.colors.begin(), q.colors.end(), color) == q.colors.end())
        q.colors.push_back(color);
      continue;
    }
    q.words.push_back({folded_tokens[i], q.words.size(), i});
  }
  return q;
}

}  // namespace parley::projections
