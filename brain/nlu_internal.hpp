// Helpers shared by the slot extractors of brain/nlu_*.cpp. Not for other layers.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "brain/nlu_tokens.hpp"

namespace parley::brain::nlu {

// Words that carry no slot content in commerce messages (folded).
const std::set<std::string>& function_words();

// Price bounds said in a message, in the currency's units, and the tokens they used.
struct Price {
  std::optional<double> min, max;
  std::set<size_t> used;
};
Price parse_price(const Tokens& tk);

}  // namespace parley::brain::nlu
