// Catalog routes: search and read for everyone; create, update, delete and
// CSV import for the admin (Authorization: Bearer $PARLEY_ADMIN_TOKEN).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "actors/product_commands.hpp"
#include "http/router.hpp"
#include "projections/catalog_view.hpp"

namespace parley::http {

struct ProductApiContext {
  actors::ProductCommands& commands;
  projections::CatalogView& catalog;
  std::string admin_token;
};

void register_product_api(Router& router, ProductApiContext& ctx);

// The product as the API shows it.
nlohmann::json product_json(const domain::product::Product& p);

// 401 unless the request carries the admin bearer token (constant-time compare).
std::optional<HttpResponse> require_admin(const HttpRequest& req, const std::string& token);

}  // namespace parley::http
