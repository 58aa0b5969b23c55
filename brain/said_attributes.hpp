// The price bounds and the size a shopper said, read by the same code for
// understanding (the price_min/price_max/size slots) and for search (its
// filters): "under 50", "entre 30 y 50€", "от 2000 до 4000", "200rb sampai
// 350rb", "2000 se kam", "size 38", "botines 40", "40 नंबर". Pure.
#pragma once

#include <optional>
#include <string>

namespace parley::brain {

struct SaidAttributes {
  std::optional<double> price_min, price_max;  // in the currency's units
  // As typed, said with a size word ("size M", "talla 38", "39 size") or a
  // shoe size after the shoe ("botines 40"): a size to filter by.
  std::string size;
  // The message with the words that said them (and currency words) blanked
  // out, byte for byte the same length: what is left to search for.
  std::string rest;
};

SaidAttributes read_price_and_size(const std::string& text);

}  // namespace parley::brain
