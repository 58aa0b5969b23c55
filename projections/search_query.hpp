// What a shopper's search text asks for: terms to rank by, and the filters
// said in words ("under 50 euros", "talla 40", "красные", "20 euro se kam").
// Pure; uses the lexicon for colours, stop words and translations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "brain/lexicon.hpp"

namespace parley::projections {

struct QueryTerm {
  std::string text;  // folded token as typed (not translated)
  size_t group = 0;  // index of the typed word it came from
  size_t token = 0;  // index into brain::tokenize(brain::fold(text))
};

struct SearchQuery {
  std::vector<QueryTerm> words;            // content words, folded, in order
  std::optional<int64_t> price_max_cents;  // strict: price < max
  std::optional<int64_t> price_min_cents;  // strict: price > min
  std::string size;                        // "38", "m8" …; empty if none
  std::vector<std::string> colors;         // English colour names
  std::string sku;                         // when the query is a SKU
};

SearchQuery parse_search_query(const std::string& text, const brain::Lexicon& lexicon);

}  // namespace parley::projections
