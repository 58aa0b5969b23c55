#include "http/http_types.hpp"

#include <nlohmann/json.hpp>

#include "domain/limits.hpp"

namespace parley::http {

std::string HttpRequest::query_value(const std::string& name, const std::string& fallback) const {
  auto it = query.find(name);
  return it == query.end() ? fallback : it->second;
}

HttpResponse json_error(int status, const std::string& code, const std::string& message) {
  HttpResponse r;
  r.status = status;
  r.body = nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

HttpResponse json_ok(const std::string& body, int status) {
  HttpResponse r;
  r.status = status;
  r.body = body;
  return r;
}

HttpResponse text_too_long(const std::string& field) {
  return json_error(
      422, "text_too_long",
      "'" + field + "' is longer than " + std::to_string(domain::kMaxTextBytes) + " bytes");
}

}  // namespace parley::http
