#include "http/router.hpp"

#include <algorithm>

namespace parley::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

bool is_param(const std::string& seg) {
  return seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
}

}  // namespace

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) out.push_back(percent_decode(path.substr(i, j - i)));
    i = j;
  }
  return out;
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
  routes_.push_back({method, pattern, split_path(pattern), std::move(handler)});
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match m;
  const auto segs = split_path(path);
  std::vector<std::string> allowed;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      if (is_param(r.segments[i])) {
        params[r.segments[i].substr(1, r.segments[i].size() - 2)] = segs[i];
      } else {
        ok = r.segments[i] == segs[i];
      }
    }
    if (!ok) continue;
    const bool head_as_get = method == "HEAD" && r.method == "GET";
    if (r.method == method || head_as_get) {
      m.kind = Match::found;
      m.handler = &r.handler;
      m.route = r.pattern;
      m.params = std::move(params);
      return m;
    }
    if (std::find(allowed.begin(), allowed.end(), r.method) == allowed.end())
      allowed.push_back(r.method);
  }
  if (!allowed.empty()) {
    m.kind = Match::method_not_allowed;
    for (const auto& a : allowed) m.allow += (m.allow.empty() ? "" : ", ") + a;
  }
  return m;
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : routes_) out.emplace_back(r.method, r.pattern);
  return out;
}

std::vector<std::string> Router::patterns() const {
  std::vector<std::string> out;
  for (const auto& r : routes_)
    if (std::find(out.begin(), out.end(), r.pattern) == out.end()) out.push_back(r.pattern);
  return out;
}

}  // namespace parley::http
