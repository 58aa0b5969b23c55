// What the sales policy needs of a shopper's past: their orders, across the
// channels they used, and what other shoppers bought together. Implemented by
// the purchases view (projections/purchases_view.hpp), folded from order.*
// events. The brain reads it; it never writes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/conversation.hpp"
#include "domain/shop.hpp"

namespace parley::brain {

struct PastOrder {
  std::string order_id;
  std::vector<domain::CartLine> lines;
  int64_t total_cents = 0;
  std::string currency;
  int64_t placed_at_us = 0;
  bool cancelled = false;
};

class OrderHistory {
 public:
  virtual ~OrderHistory() = default;
  // The shopper's orders, newest first, at most `limit`: this conversation's,
  // and those of the customer its saved phone or e-mail, or its WhatsApp
  // number, names, whatever channel they were placed on.
  virtual std::vector<PastOrder> orders_of(const domain::conversation::State& state,
                                           size_t limit) const = 0;
  // Products bought in the same orders as `sku`, most often first, at most
  // `limit`; cancelled orders do not count.
  virtual std::vector<std::string> bought_with(const std::string& sku, size_t limit) const = 0;
};

}  // namespace parley::brain
