// The shop's promotions over HTTP (issue 21): the codes an admin runs, and
// what a shopper may be told of them.
//   PUT    /api/v1/admin/promotions/{code}  the promotion as JSON (admin)
//          -> 201 new code, 200 replaced or unchanged {"promotion", "changed"}
//   GET    /api/v1/admin/promotions         every promotion saved, ended ones too (admin)
//   DELETE /api/v1/admin/promotions/{code}  ends it (admin)
//   GET    /api/v1/promotions               those running and valid now (no role)
// Handlers parse, run the promotion's command, and shape the answer.
#pragma once

#include <cstdint>
#include <functional>

#include "actors/promotion_commands.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "projections/promotions_view.hpp"

namespace parley::http {

struct PromotionApiContext {
  actors::PromotionCommands& commands;
  projections::PromotionsView& view;
  Authorizer auth;
  std::function<int64_t()> now_us;  // what "valid now" means
};

void register_promotion_api(Router& router, PromotionApiContext& ctx);

}  // namespace parley::http
