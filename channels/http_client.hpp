// The outbox's HTTP client: MultiClient runs many transfers from one thread
// (the outbox sender's), reusing connections. Blocking calls (pollers,
// payments, mail, LLM) use net::send. Never called on a CAF scheduler thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

#include "channels/channel.hpp"

namespace parley::channels {

struct HttpOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{15000};
  long max_connections_per_host = 32;
};

class MultiClient {
 public:
  struct Completion {
    uint64_t tag;
    HttpResponse response;
  };
  explicit MultiClient(HttpOptions options);
  ~MultiClient();
  MultiClient(const MultiClient&) = delete;
  MultiClient& operator=(const MultiClient&) = delete;

  void start(const HttpCall& call, uint64_t tag);
  // Runs transfers for up to `max_wait`, returning early when one completes
  // or wakeup() is called; returns the completed ones.
  std::vector<Completion> run(std::chrono::milliseconds max_wait);
  // Thread-safe: makes a waiting run() return.
  void wakeup();
  size_t in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::channels
