#include "http/metrics.hpp"

#include <fmt/format.h>

namespace parley::http {

HttpMetrics::HttpMetrics(const std::vector<std::string>& routes) {
  auto add = [this](const std::string& name) {
    if (by_name_.count(name)) return;
    routes_.push_back(std::make_unique<Route>());
    routes_.back()->name = name;
    by_name_[name] = routes_.back().get();
  };
  for (const auto& r : routes) add(r);
  add(kUnmatched);
}

void HttpMetrics::observe(const std::string& route, int status, double seconds) {
  auto it = by_name_.find(route);
  Route& r = *(it != by_name_.end() ? it->second : by_name_.at(kUnmatched));
  if (status >= 0 && status < static_cast<int>(r.by_status.size()))
    r.by_status[status].fetch_add(1, std::memory_order_relaxed);
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  r.buckets[b].fetch_add(1, std::memory_order_relaxed);
  r.count.fetch_add(1, std::memory_order_relaxed);
  r.sum_us.fetch_add(static_cast<uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void HttpMetrics::render(std::string* out) const {
  auto& o = *out;
  o += "# HELP parley_http_requests_total HTTP requests by route and status.\n";
  o += "# TYPE parley_http_requests_total counter\n";
  for (const auto& r : routes_)
    for (size_t s = 0; s < r->by_status.size(); ++s)
      if (auto n = r->by_status[s].load(std::memory_order_relaxed))
        o += fmt::format("parley_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", r->name,
                         s, n);
  o += "# HELP parley_http_request_duration_seconds Time from routing to response.\n";
  o += "# TYPE parley_http_request_duration_seconds histogram\n";
  for (const auto& r : routes_) {
    uint64_t count = r->count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    uint64_t cumulative = 0;
    for (size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += r->buckets[b].load(std::memory_order_relaxed);
      std::string le = b < kBuckets.size() ? fmt::format("{}", kBuckets[b]) : "+Inf";
      o += fmt::format("parley_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                       r->name, le, cumulative);
    }
    o += fmt::format("parley_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", r->name,
                     r->sum_us.load(std::memory_order_relaxed) / 1e6);
    o += fmt::format("parley_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", r->name,
                     count);
  }
}

void append_metric(std::string* out, const char* name, const char* type, const char* help,
                   uint64_t value) {
  *out += fmt::format("# HELP {0} {1}\n# TYPE {0} {2}\n{0} {3}\n", name, help, type, value);
}

std::string render_prometheus(const HttpMetrics& http, const SystemGauges& g) {
  std::string o;
  o.reserve(8192);
  http.render(&o);
  auto counter = [&](const char* name, const char* help, uint64_t v) {
    append_metric(&o, name, "counter", help, v);
  };
  auto gauge = [&](const char* name, const char* help, uint64_t v) {
    append_metric(&o, name, "gauge", help, v);
  };
  counter("parley_appends_total", "Append requests completed by the writer.", g.writer.requests);
  counter("parley_append_failures_total", "Append requests that wrote nothing.",
          g.writer.failed_requests);
  counter("parley_events_appended_total", "Events made durable.", g.writer.events);
  counter("parley_append_batches_total", "Synced write batches.", g.writer.batches);
  gauge("parley_append_queue", "Append requests waiting for the writer.", g.writer.queued);
  o += "# HELP parley_append_batch_size Append requests per synced batch.\n";
  o += "# TYPE parley_append_batch_size histogram\n";
  uint64_t cumulative = 0;
  for (size_t b = 0; b < g.writer.batch_size_buckets.size(); ++b) {
    cumulative += g.writer.batch_size_buckets[b];
    std::string le =
        b + 1 < g.writer.batch_size_buckets.size() ? std::to_string(uint64_t{1} << b) : "+Inf";
    o += fmt::format("parley_append_batch_size_bucket{{le=\"{}\"}} {}\n", le, cumulative);
  }
  o += fmt::format("parley_append_batch_size_sum {}\n", g.writer.requests);
  o += fmt::format("parley_append_batch_size_count {}\n", g.writer.batches);
  gauge("parley_log_position", "Highest global position in the event log.", g.last_position);
  gauge("parley_store_wal_dropped_bytes",
        "WAL bytes dropped as corrupt when the event log was opened at start (0: none).",
        g.wal_dropped_bytes);
  gauge("parley_live_actors", "Live entity actors.", g.engine.live_entities);
  counter("parley_actors_spawned_total", "Entity actors spawned.", g.engine.spawned);
  counter("parley_actors_passivated_total", "Entity actors passivated when idle.",
          g.engine.passivated);
  counter("parley_actors_evicted_total",
          "Entity actors passivated to stay within PARLEY_MAX_LIVE_ENTITIES.", g.engine.evicted);
  counter("parley_actor_recoveries_total", "Entities recovered from a snapshot or events.",
          g.engine.recoveries);
  counter("parley_actor_reloads_total", "Entity reloads after an append did not land.",
          g.engine.reloads);
  counter("parley_snapshots_saved_total", "Entity snapshots saved.", g.engine.snapshots_saved);
  return o;
}

}  // namespace parley::http
