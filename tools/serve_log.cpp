#include "tools/serve_log.hpp"

#include <unistd.h>

#include <cstdio>

#include "events/postgres_event_store.hpp"
#include "events/rocks_event_store.hpp"

namespace parley::tools {

std::unique_ptr<events::PostgresEventStore> open_postgres_log(const Settings& settings, bool server,
                                                              size_t connections) {
  events::PostgresEventStore::Options o;
  o.url = settings.pg_url;
  o.exclusive = server && !settings.cluster;
  o.shared = server && settings.cluster;
  // A node frozen inside an append would stop every node's appends for as
  // long as it stays frozen; after its lease the others have moved on.
  if (o.shared) o.stalled_transaction = settings.node_lease;
  o.connections = connections;
  auto opened = events::PostgresEventStore::open(o);
  if (opened) return std::move(opened).value();
  std::fprintf(stderr, "parley: cannot open the event log in PostgreSQL: %s\n",
               opened.status().to_string().c_str());
  return nullptr;
}

std::unique_ptr<ServerLog> ServerLog::open(const Settings& settings) {
  std::unique_ptr<ServerLog> log(new ServerLog());
  if (settings.store == "postgres") {
    log->postgres_ = open_postgres_log(settings, true, 8);
    if (!log->postgres_) return nullptr;
    log->store_ = log->postgres_.get();
    log->keys_ = log->postgres_.get();
    log->describe_ =
        settings.cluster ? "events in PostgreSQL, cluster mode" : "events in PostgreSQL";
    return log;
  }
  events::RocksEventStore::Options o;
  o.path = settings.events_path();
  o.sync = settings.sync;
  auto opened = events::RocksEventStore::open(o);
  if (!opened) {
    std::fprintf(stderr, "parley: cannot open the event store at %s: %s\n", o.path.c_str(),
                 opened.status().to_string().c_str());
    return nullptr;
  }
  auto& rocks = **opened;
  // A garbled WAL tail is never silent: what recovery dropped is said here and in /metrics.
  const auto recovery = rocks.recovery();
  if (recovery.dropped_bytes > 0) {
    std::fprintf(stderr,
                 "parley: WARNING: the event log's WAL was damaged; recovery (%s) dropped %llu "
                 "bytes after the last intact record:\n",
                 recovery.wal_recovery_mode.c_str(),
                 static_cast<unsigned long long>(recovery.dropped_bytes));
    for (const auto& p : recovery.problems) std::fprintf(stderr, "parley:   %s\n", p.c_str());
  }
  log->wal_dropped_bytes_ = recovery.dropped_bytes;
  log->describe_ = "events in " + o.path + ", sync " + (settings.sync ? "on" : "OFF");
  log->rocks_ = std::move(opened).value();
  log->store_ = log->rocks_.get();
  log->keys_ = log->rocks_.get();
  return log;
}

ServerLog::~ServerLog() = default;

std::unique_ptr<cluster::Heartbeat> ServerLog::join(
    const Settings& settings, int port, std::function<uint64_t()> folded, const std::string& peer,
    const std::function<cluster::Heartbeat::Observer(const std::string& node_id)>& observe,
    bool* failed) {
  *failed = false;
  if (!postgres_) return nullptr;
  std::string node_id = settings.node_id;
  if (node_id.empty()) {
    char host[256] = "";
    gethostname(host, sizeof host - 1);
    node_id = std::string(host) + ":" + std::to_string(port);
  }
  auto members = cluster::Membership::open(settings.pg_url);
  std::unique_ptr<cluster::Heartbeat> beat;
  if (members) {
    beat = std::make_unique<cluster::Heartbeat>(
        std::move(members).value(), node_id,
        "http://" + settings.http_host + ":" + std::to_string(port), peer, settings.node_lease,
        std::move(folded), observe ? observe(node_id) : cluster::Heartbeat::Observer{});
    const auto st = beat->start();
    if (st.ok()) return beat;
    std::fprintf(stderr, "parley: cannot join the cluster as %s: %s\n", node_id.c_str(),
                 st.to_string().c_str());
  } else {
    std::fprintf(stderr, "parley: cannot join the cluster: %s\n",
                 members.status().to_string().c_str());
  }
  *failed = true;
  return nullptr;
}

events::Status ServerLog::flush() {
  return rocks_ ? rocks_->flush() : events::Status::Ok();
}

}  // namespace parley::tools
