// Matches (method, path) to a route. Patterns are literal segments and
// {name} segments, each {name} matching one non-empty, percent-decoded path
// segment. A path that matches a pattern under another method is 405, with
// the Allow header; no match at all is 404.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "http/http_types.hpp"

namespace parley::http {

using Handler = std::function<HttpResponse(const HttpRequest&)>;

class Router {
 public:
  // `pattern` also names the route in metrics.
  void add(const std::string& method, const std::string& pattern, Handler handler);

  struct Match {
    enum Kind { found, not_found, method_not_allowed } kind = not_found;
    const Handler* handler = nullptr;
    std::string route;  // the pattern, when found
    std::map<std::string, std::string> params;
    std::string allow;  // "GET, POST" on method_not_allowed
  };
  Match match(const std::string& method, const std::string& path) const;

  // Every registered pattern, in registration order, without repeats.
  std::vector<std::string> patterns() const;
  // Every (method, pattern), in registration order.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{name}" for parameters
    Handler handler;
  };
  std::vector<Route> routes_;
};

// Splits "/a/b/" into {"a","b"}; percent-decodes each segment.
std::vector<std::string> split_path(const std::string& path);

}  // namespace parley::http
