// Helpers shared by the slot extractors of brain/nlu_*.cpp. Not for other layers.
#pragma once

#include <map>
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

// A size said without a size word (brain/nlu_sizes.cpp): "M8", "XL", "8mm",
// a shoe size after the shoe ("botines 40", "del 37"). Nothing when the
// slots have a size already.
void sizes_without_a_size_word(const Tokens& tk, std::map<std::string, std::string>* text_slots,
                               std::set<size_t>* used);

// A size said with its word ("size 38", "talla M", "39 size", "40 नंबर") and,
// with `bare_sizes`, without one (above), into (*slots)["size"] as typed.
void said_size(const Tokens& tk, bool bare_sizes, std::map<std::string, std::string>* slots,
               std::set<size_t>* used);

// A currency or price word that says nothing about the product ("euros",
// "рублей", "रुपये", "harga").
bool is_currency_word(const std::string& folded);

}  // namespace parley::brain::nlu
