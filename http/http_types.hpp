// The edge's own request/response types: handlers are pure functions of
// these, so they are tested without a socket (userver's split).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace parley::http {

struct HttpRequest {
  std::string method;
  std::string path;
  std::string body;
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> path_params;  // filled by the router
  std::map<std::string, std::string> headers;      // lower-case names

  // The first value of a query parameter, or `fallback`.
  std::string query_value(const std::string& name, const std::string& fallback = "") const;
};

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

// {"error":{"code":"…","message":"…"}} with `status`.
HttpResponse json_error(int status, const std::string& code, const std::string& message);
HttpResponse json_ok(const std::string& body, int status = 200);

}  // namespace parley::http
