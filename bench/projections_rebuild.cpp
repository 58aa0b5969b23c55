// Rebuild of every projection (carts, orders, billing, funnel,
// timers) over a 1,000,000-event RocksDB log of the mixed workload
// (tests/support/workload.hpp), into a RocksDB view store, as
// `parley projections rebuild all` does it. Prints events/s.
//   parley_projections_rebuild [events] [dir] [projection]
// With a dir the log is kept (and reused); with projection names
// ("carts,orders") only those are rebuilt.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "events/rocks_event_store.hpp"
#include "projections/billing_view.hpp"
#include "projections/carts_view.hpp"
#include "projections/funnel_view.hpp"
#include "projections/orders_view.hpp"
#include "projections/projection_engine.hpp"
#include "projections/timers_view.hpp"
#include "tests/support/workload.hpp"

using namespace parley;

int main(int argc, char** argv) {
  const uint64_t events = argc > 1 ? std::stoull(argv[1]) : 1'000'000;
  const std::string dir = argc > 2 ? argv[2]
                                   : (std::filesystem::temp_directory_path() /
                                      ("parley-rebuild-" + std::to_string(std::random_device{}())))
                                         .string();
  events::RocksEventStore::Options o;
  o.path = dir + "/events";
  o.sync = false;
  auto log = std::move(events::RocksEventStore::open(o)).value();
  if (log->last_position() < events) {
    std::fprintf(stderr, "writing %llu events…\n", static_cast<unsigned long long>(events));
    testing::Workload work;
    work.fill(*log, events);
  }
  auto views = std::move(projections::RocksViewStore::open(dir + "/views")).value();
  const auto kolkata =
      projections::Calendar("+05:30", [](int64_t) { return int64_t{330} * 60000000; });
  projections::CartsView carts;
  projections::OrdersView orders;
  projections::BillingView billing(kolkata);
  projections::FunnelView funnel(kolkata);
  projections::TimersView timers;
  projections::ProjectionEngine engine(*log, *views, {&carts, &orders, &billing, &funnel, &timers},
                                       projections::FoldOptions{262144, 2});
  projections::RebuildProgress last;
  const std::string only = argc > 3 ? argv[3] : "all";
  // As `parley projections rebuild`: a rebuild loads nothing, and leaves the
  // projections it was not asked for as they are.
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> names;  // "carts,orders" -> {"carts", "orders"}
  for (size_t at = 0; at <= only.size();) {
    const size_t comma = std::min(only.find(',', at), only.size());
    names.push_back(only.substr(at, comma - at));
    at = comma + 1;
  }
  auto st = engine.rebuild(names, [&](const projections::RebuildProgress& p) { last = p; });
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!st.ok()) {
    std::fprintf(stderr, "rebuild failed: %s\n", st.to_string().c_str());
    return 1;
  }
  const uint64_t head = log->last_position();
  std::printf(
      "rebuilt %s over %llu events (%llu applied, summed over lanes) in %.3f s: "
      "%.0f events/s of log\n",
      only.c_str(), static_cast<unsigned long long>(head),
      static_cast<unsigned long long>(last.events), s, static_cast<double>(head) / s);
  if (argc <= 2) {
    log.reset();
    views.reset();
    std::filesystem::remove_all(dir);
  }
  return 0;
}
