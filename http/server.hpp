// The HTTP edge on cpp-httplib: binds, hands each request to the Router,
// records metrics, and turns every error into the JSON error shape.
//
// Connections go through the ConnectionGate (http/connection_gate.hpp): they
// wait for their request head without a thread, each client address has a
// cap, and a request must be read within its deadline; `threads` workers run
// the handlers.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "http/metrics.hpp"
#include "http/router.hpp"

namespace parley::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;            // 0 picks a free port
  size_t threads = 128;       // concurrent connections served
  size_t max_body = 1 << 20;  // bytes; larger bodies get 413
  int keep_alive_seconds = 30;
  int listen_backlog = 1024;  // pending connections the kernel queues
  size_t max_connections_per_address = 256;
  size_t max_serving_per_address = 64;                    // requests of one address handled at once
  std::chrono::milliseconds head_timeout{10000};          // the request line and headers
  std::chrono::milliseconds request_read_timeout{30000};  // the whole request, body included
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, const Router& router, HttpMetrics& metrics);
  ~HttpServer();  // stop()

  // Binds and starts serving on a background thread. False (with `error`) if
  // the address cannot be bound.
  bool start(std::string* error);
  int port() const { return port_; }
  // Stops accepting, lets in-flight requests finish, joins the threads.
  void stop();
  // Prometheus lines of the connection gate (refusals, timeouts, open).
  std::string gate_metrics() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace parley::http
