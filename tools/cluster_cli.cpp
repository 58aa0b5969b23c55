// `parley cluster status` (issue 23): the nodes sharing the PostgreSQL log,
// whether each is live, its lease, how far its views lag the log, and its
// share of the entities on the ring built from the live ones.
#include <cstdio>
#include <cstring>

#include "cluster/membership.hpp"
#include "cluster/ring.hpp"
#include "events/postgres_event_store.hpp"
#include "tools/commands.hpp"
#include "tools/serve_log.hpp"

namespace parley::tools {

namespace {

int status(const Settings& settings) {
  auto log = open_postgres_log(settings, false, 1);
  if (!log) return 1;
  auto membership = cluster::Membership::open(settings.pg_url);
  auto members = membership ? (*membership)->members()
                            : events::Expected<std::vector<cluster::Member>>(membership.status());
  if (!members) {
    std::fprintf(stderr, "parley: cannot read the members: %s\n",
                 members.status().to_string().c_str());
    return 1;
  }
  const uint64_t head = log->last_position();
  std::vector<std::string> live;
  for (const auto& m : *members)
    if (m.live) live.push_back(m.node_id);
  const cluster::Ring ring(live);
  std::printf("log head %llu, %zu live of %zu members\n\n", static_cast<unsigned long long>(head),
              live.size(), members->size());
  std::printf("%-28s %-6s %10s %10s %8s  %s\n", "node", "state", "lease ms", "lag", "share",
              "address");
  for (const auto& m : *members) {
    double share = 0;
    for (const auto& [node, s] : ring.shares())
      if (node == m.node_id) share = s;
    std::printf("%-28s %-6s %10lld %10llu %7.1f%%  %s\n", m.node_id.c_str(),
                m.live ? "live" : "gone", static_cast<long long>(m.lease_left_ms),
                static_cast<unsigned long long>(head > m.folded ? head - m.folded : 0), share * 100,
                m.address.c_str());
  }
  return 0;
}

}  // namespace

int run_cluster(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "status") != 0) {
    std::fprintf(stderr, "usage: parley cluster status\n");
    return 2;
  }
  Settings settings;
  std::string error;
  if (!load_settings(&settings, &error)) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return 2;
  }
  if (settings.store != "postgres") {
    std::fprintf(stderr,
                 "parley: a cluster shares a PostgreSQL log: set PARLEY_STORE=postgres and "
                 "PARLEY_PG_URL\n");
    return 2;
  }
  return status(settings);
}

}  // namespace parley::tools
