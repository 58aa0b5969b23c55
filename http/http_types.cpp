#include "http/http_types.hpp"

#include <nlohmann/json.hpp>

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

}  // namespace parley::http
