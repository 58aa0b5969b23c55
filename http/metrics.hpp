// Request counters and latency histograms per route, lock-free on the request
// path, and the Prometheus text exposition of everything /metrics shows.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/engine.hpp"
#include "events/group_commit_writer.hpp"

namespace parley::http {

class HttpMetrics {
 public:
  // Latency bucket upper bounds in seconds; +Inf is implicit.
  static constexpr std::array<double, 13> kBuckets = {
      {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}};
  static constexpr const char* kUnmatched = "unmatched";

  // `routes`: every route label that will be observed; others count as unmatched.
  explicit HttpMetrics(const std::vector<std::string>& routes);

  void observe(const std::string& route, int status, double seconds);
  void render(std::string* out) const;

 private:
  struct Route {
    std::string name;
    std::array<std::atomic<uint64_t>, 600> by_status{};
    std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};
    std::atomic<uint64_t> count{0};
    std::atomic<uint64_t> sum_us{0};
  };
  std::vector<std::unique_ptr<Route>> routes_;
  std::unordered_map<std::string, Route*> by_name_;
};

struct SystemGauges {
  events::GroupCommitWriter::Stats writer;
  actors::EngineStats engine;
  uint64_t last_position = 0;
  uint64_t wal_dropped_bytes = 0;  // WAL bytes dropped as corrupt when the log was opened
};

// One metric in Prometheus text: "# HELP", "# TYPE" (`type`: counter or gauge), the value.
void append_metric(std::string* out, const char* name, const char* type, const char* help,
                   uint64_t value);

// The full /metrics page.
std::string render_prometheus(const HttpMetrics& http, const SystemGauges& gauges);

}  // namespace parley::http
