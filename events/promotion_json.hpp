// A promotion as events store it: the promotion's own events and the
// conversation's cart.promo_applied carry the same shape, so an applied
// promotion reads back exactly as it was saved.
//   {"code","description","kind":"percent"|"amount","percent","amount_cents",
//    "currency","starts_us","ends_us","skus":[…],"categories":[…]}
#pragma once

#include <nlohmann/json.hpp>

#include "domain/promotion.hpp"

namespace parley::events {

nlohmann::json stored_json(const domain::promotion::Promotion& p);
// Throws json::exception on a missing field or an unknown kind.
domain::promotion::Promotion stored_promotion(const nlohmann::json& j);

}  // namespace parley::events
