#include "http/openapi.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

namespace parley::http {

namespace {

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<std::string> openapi_mismatches(
    const std::vector<std::pair<std::string, std::string>>& routes, std::string_view document) {
  const auto doc = nlohmann::json::parse(document, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("paths") || !doc["paths"].is_object())
    return {"the OpenAPI document does not read as JSON with \"paths\""};
  static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "patch", "head"};
  std::set<std::pair<std::string, std::string>> documented, routed;
  for (const auto& [path, item] : doc["paths"].items())
    if (item.is_object())
      for (const auto& [method, _] : item.items())
        if (kMethods.count(method)) documented.insert({upper(method), path});
  for (const auto& r : routes) routed.insert(r);
  std::vector<std::string> out;
  for (const auto& [method, path] : routed)
    if (!documented.count({method, path}))
      out.push_back(method + " " + path + ": a route the document does not describe");
  for (const auto& [method, path] : documented)
    if (!routed.count({method, path}))
      out.push_back(method + " " + path + ": in the document, not a route");
  return out;
}

void register_openapi(Router& router, std::string_view document) {
  router.add("GET", "/api/v1/openapi.json", [body = std::string(document)](const HttpRequest&) {
    HttpResponse r = json_ok(body);
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
  });
}

}  // namespace parley::http
