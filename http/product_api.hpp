// Catalog routes: search and read for everyone; create, update, delete and
// CSV import for admins (the built-in admin token or an admin user's token).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "actors/product_commands.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "projections/catalog_view.hpp"

namespace parley::http {

struct ProductApiContext {
  actors::ProductCommands& commands;
  projections::CatalogView& catalog;
  Authorizer auth;  // writes need the role admin
  // The demo catalog shipped in the binary: POST /api/v1/products/drop-demo
  // takes those of its products the shop has not edited out again.
  std::vector<domain::product::Product> demo = {};
};

void register_product_api(Router& router, ProductApiContext& ctx);

// The product as the API shows it.
nlohmann::json product_json(const domain::product::Product& p);

}  // namespace parley::http
