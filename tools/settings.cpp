#include "tools/settings.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>

namespace parley::tools {
namespace {

bool read_uint(const char* name, unsigned long long lo, unsigned long long hi,
               unsigned long long* out, std::string* error) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return true;
  char* end = nullptr;
  errno = 0;
  unsigned long long x = std::strtoull(v, &end, 10);
  if (errno || *end != '\0' || v[0] == '-' || x < lo || x > hi) {
    *error = std::string(name) + "='" + v + "' must be an integer in [" + std::to_string(lo) +
             ", " + std::to_string(hi) + "]";
    return false;
  }
  *out = x;
  return true;
}

void read_string(const char* name, std::string* out) {
  const char* v = std::getenv(name);
  if (v != nullptr && *v != '\0') *out = v;
}

}  // namespace

bool load_settings(Settings* s, std::string* error) {
  read_string("PARLEY_DATA_DIR", &s->data_dir);
  read_string("PARLEY_HTTP_HOST", &s->http_host);
  read_string("PARLEY_CATALOG", &s->catalog_path);
  unsigned long long port = s->http_port, threads = s->http_threads, body = s->max_body,
                     idle = s->idle.count() / 1000, timeout = s->request_timeout.count(),
                     actors = s->actor_threads, sync = s->sync ? 1 : 0;
  if (!read_uint("PARLEY_HTTP_PORT", 0, 65535, &port, error) ||
      !read_uint("PARLEY_HTTP_THREADS", 1, 4096, &threads, error) ||
      !read_uint("PARLEY_MAX_BODY", 1, 1ull << 30, &body, error) ||
      !read_uint("PARLEY_IDLE_SECONDS", 1, 30ull * 24 * 3600, &idle, error) ||
      !read_uint("PARLEY_REQUEST_TIMEOUT_MS", 1, 600000, &timeout, error) ||
      !read_uint("PARLEY_ACTOR_THREADS", 1, 64, &actors, error) ||
      !read_uint("PARLEY_SYNC", 0, 1, &sync, error))
    return false;
  s->http_port = static_cast<int>(port);
  s->http_threads = threads;
  s->max_body = body;
  s->idle = std::chrono::seconds(idle);
  s->request_timeout = std::chrono::milliseconds(timeout);
  s->actor_threads = actors;
  s->sync = sync == 1;
  return true;
}

}  // namespace parley::tools
