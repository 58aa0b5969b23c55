// The edge's own request/response types: handlers are pure functions of
// these, so they are tested without a socket (userver's split).
#pragma once

#include <functional>
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
  std::string remote_address;                      // the peer's IP (not X-Forwarded-For)

  // The first value of a query parameter, or `fallback`.
  std::string query_value(const std::string& name, const std::string& fallback = "") const;
};

// Writes bytes to a streamed response; false once the client is gone.
using ChunkWriter = std::function<bool(const std::string& bytes)>;

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  // Set: the body is streamed (chunked) by this function instead, on the
  // server's thread, after the status and headers went out.
  std::function<void(const ChunkWriter& write)> stream = nullptr;
};

// {"error":{"code":"…","message":"…"}} with `status`.
HttpResponse json_error(int status, const std::string& code, const std::string& message);
HttpResponse json_ok(const std::string& body, int status = 200);
// 422 text_too_long: `field` is over domain::kMaxTextBytes (checked before any parsing).
HttpResponse text_too_long(const std::string& field);

}  // namespace parley::http
