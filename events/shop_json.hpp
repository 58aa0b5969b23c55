// JSON of the shop value types, shared by the conversation and order codecs
// and the read views.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/shop.hpp"

namespace parley::events {

nlohmann::json to_json(const domain::CartLine& line);
domain::CartLine cart_line_from_json(const nlohmann::json& j);  // throws json::exception
nlohmann::json to_json(const domain::Customer& c);              // non-empty fields only
domain::Customer customer_from_json(const nlohmann::json& j);

}  // namespace parley::events
