// The API, described: docs/openapi.json (OpenAPI 3.1), carried in the binary
// and served at GET /api/v1/openapi.json. Every route the router has must be
// in it and every operation in it must be a route: openapi_mismatches says
// which are not, and `parley serve` prints them at start (a test fails on
// any).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/router.hpp"

namespace parley::http {

// "GET /api/v1/x: a route the document does not describe", "POST /y: in
// the document, not a route"; empty when they agree. An unreadable document
// is one line saying so.
std::vector<std::string> openapi_mismatches(
    const std::vector<std::pair<std::string, std::string>>& routes, std::string_view document);

// GET /api/v1/openapi.json: the document, public (it describes, it holds no data).
void register_openapi(Router& router, std::string_view document);

}  // namespace parley::http
