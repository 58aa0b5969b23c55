#include "events/shop_json.hpp"

#include "events/json_int.hpp"

namespace parley::events {
using nlohmann::json;

json to_json(const domain::CartLine& l) {
  json j = {{"sku", l.sku},
            {"name", l.name},
            {"quantity", l.quantity},
            {"unit_price_cents", l.unit_price_cents},
            {"currency", l.currency},
            {"color", l.color},
            {"size", l.size},
            {"colors", l.colors},
            {"sizes", l.sizes},
            {"footwear", l.footwear},
            {"line_total_cents", l.total_cents()}};
  // Since issue 21 (promotions cover categories); lines stored before have none.
  if (!l.category.empty()) j["category"] = l.category;
  return j;
}

domain::CartLine cart_line_from_json(const json& j) {
  domain::CartLine l;
  l.sku = j.at("sku");
  l.name = j.value("name", "");
  l.quantity = integer(j.at("quantity"));
  l.unit_price_cents = integer(j.at("unit_price_cents"));
  l.currency = j.value("currency", "EUR");
  l.color = j.value("color", "");
  l.size = j.value("size", "");
  l.colors = j.value("colors", std::vector<std::string>{});
  l.sizes = j.value("sizes", std::vector<std::string>{});
  l.footwear = j.value("footwear", false);
  l.category = j.value("category", "");
  return l;
}

json to_json(const domain::Customer& c) {
  json j = json::object();
  if (!c.name.empty()) j["name"] = c.name;
  if (!c.phone.empty()) j["phone"] = c.phone;
  if (!c.email.empty()) j["email"] = c.email;
  if (!c.address.empty()) j["address"] = c.address;
  if (!c.city.empty()) j["city"] = c.city;
  return j;
}

domain::Customer customer_from_json(const json& j) {
  domain::Customer c;
  c.name = j.value("name", "");
  c.phone = j.value("phone", "");
  c.email = j.value("email", "");
  c.address = j.value("address", "");
  c.city = j.value("city", "");
  return c;
}

}  // namespace parley::events
