// Settings from the environment (README.md lists them). Every setting has a
// default that runs the demo on a fresh machine.
#pragma once

#include <chrono>
#include <string>

namespace parley::tools {

struct Settings {
  std::string data_dir = "./var";       // PARLEY_DATA_DIR
  std::string http_host = "127.0.0.1";  // PARLEY_HTTP_HOST
  int http_port = 8080;                 // PARLEY_HTTP_PORT
  size_t http_threads = 128;            // PARLEY_HTTP_THREADS: concurrent connections
  size_t max_body = 1 << 20;            // PARLEY_MAX_BODY: bytes
  bool sync = true;                     // PARLEY_SYNC=0 turns off the WAL sync (benchmarks only)
  std::chrono::milliseconds idle{std::chrono::seconds(300)};  // PARLEY_IDLE_SECONDS
  std::chrono::milliseconds request_timeout{5000};            // PARLEY_REQUEST_TIMEOUT_MS
  size_t actor_threads = 2;  // PARLEY_ACTOR_THREADS: CAF scheduler workers
  std::string catalog_path;  // PARLEY_CATALOG: CSV imported at first start; "" = the demo catalog

  std::string events_path() const { return data_dir + "/events"; }
};

// Reads the environment; false with `error` naming the bad variable.
bool load_settings(Settings* settings, std::string* error);

}  // namespace parley::tools
