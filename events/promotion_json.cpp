#include "events/promotion_json.hpp"

#include "events/json_int.hpp"

namespace parley::events {

using nlohmann::json;
namespace promotion = domain::promotion;

json stored_json(const promotion::Promotion& p) {
  return {{"code", p.code},
          {"description", p.description},
          {"kind", promotion::to_string(p.kind)},
          {"percent", p.percent},
          {"amount_cents", p.amount_cents},
          {"currency", p.currency},
          {"starts_us", p.starts_us},
          {"ends_us", p.ends_us},
          {"skus", p.skus},
          {"categories", p.categories}};
}

promotion::Promotion stored_promotion(const json& j) {
  promotion::Promotion p;
  p.code = j.at("code");
  p.description = j.value("description", "");
  if (!promotion::kind_from(j.at("kind").get<std::string>(), &p.kind))
    throw json::other_error::create(501, "unknown promotion kind", &j);
  p.percent = integer<int64_t>(j, "percent", 0);
  p.amount_cents = integer<int64_t>(j, "amount_cents", 0);
  p.currency = j.value("currency", "");
  p.starts_us = integer<int64_t>(j, "starts_us", 0);
  p.ends_us = integer<int64_t>(j, "ends_us", 0);
  p.skus = j.value("skus", std::vector<std::string>{});
  p.categories = j.value("categories", std::vector<std::string>{});
  return p;
}

}  // namespace parley::events
