// What the sales policy needs of the shop's promotions: the ones running now,
// to tell a shopper who asks ("any discount?", "ada promo?"), and the one a
// code names, to apply to the cart. Implemented by the promotions view
// (projections/promotions_view.hpp), folded from promotion.* events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/promotion.hpp"

namespace parley::brain {

class Promotions {
 public:
  virtual ~Promotions() = default;
  // Promotions valid at `now_us` (started, not ended, not past their end),
  // by code.
  virtual std::vector<domain::promotion::Promotion> running(int64_t now_us) const = 0;
  // The promotion `code` names (any case), if it is valid at `now_us`.
  virtual std::optional<domain::promotion::Promotion> find(const std::string& code,
                                                           int64_t now_us) const = 0;
};

}  // namespace parley::brain
