#include "http/console.hpp"

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>

namespace parley::http {

namespace {

// The page loads only what the server has: its own scripts and styles, and
// talks only to its own API. uPlot sizes its canvas through the style
// property (CSSOM), which style-src does not restrict.
constexpr const char* kPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

bool ends_with(const std::string& s, const char* tail) {
  const std::string t = tail;
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

// FNV-1a of the bytes: a validator, not a secret.
std::string etag_of(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

struct Served {
  std::string_view bytes;
  std::string type, etag;
  bool page = false;
};

HttpResponse answer(const Served& f, const HttpRequest& req) {
  HttpResponse r;
  r.content_type = f.type;
  r.headers.emplace_back("ETag", f.etag);
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (f.page) {
    r.headers.emplace_back("Cache-Control", "no-cache");
    r.headers.emplace_back("Content-Security-Policy", kPagePolicy);
    r.headers.emplace_back("Referrer-Policy", "same-origin");
    r.headers.emplace_back("X-Frame-Options", "DENY");
  } else {
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  }
  if (req.headers.count("if-none-match") && req.headers.at("if-none-match") == f.etag) {
    r.status = 304;
    return r;
  }
  r.body = std::string(f.bytes);
  return r;
}

}  // namespace

std::string content_type_of(const std::string& name) {
  if (ends_with(name, ".html")) return "text/html; charset=utf-8";
  if (ends_with(name, ".js")) return "text/javascript; charset=utf-8";
  if (ends_with(name, ".css")) return "text/css; charset=utf-8";
  if (ends_with(name, ".json")) return "application/json";
  if (ends_with(name, ".svg")) return "image/svg+xml";
  if (ends_with(name, ".png")) return "image/png";
  if (ends_with(name, ".woff2")) return "font/woff2";
  return "application/octet-stream";
}

void register_console(Router& router, const std::vector<ConsoleFile>& files) {
  auto assets = std::make_shared<std::map<std::string, Served>>();
  Served page;
  for (const auto& f : files) {
    Served s{f.bytes, content_type_of(f.name), etag_of(f.bytes), f.name == "index.html"};
    if (s.page)
      page = s;
    else if (f.name.rfind("assets/", 0) == 0)
      (*assets)[f.name.substr(7)] = s;
  }
  router.add("GET", "/", [page](const HttpRequest& req) { return answer(page, req); });
  router.add("GET", "/assets/{file}", [assets](const HttpRequest& req) {
    auto it = assets->find(req.path_params.at("file"));
    if (it == assets->end()) return json_error(404, "not_found", "no such console file");
    return answer(it->second, req);
  });
}

}  // namespace parley::http
