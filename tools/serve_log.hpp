// The event log the server runs on (tools/serve.cpp): RocksDB in the data
// directory, the default, or PostgreSQL (PARLEY_STORE=postgres, issue 23).
// Either way the server sees an EventStore and the KeyStore beside it.
#pragma once

#include <memory>
#include <string>

#include "cluster/heartbeat.hpp"
#include "events/event_store.hpp"
#include "events/key_store.hpp"
#include "tools/settings.hpp"

namespace parley::events {
class RocksEventStore;
class PostgresEventStore;
}  // namespace parley::events

namespace parley::tools {

// The PostgreSQL log at PARLEY_PG_URL for the server (`server`: holding the
// server lock, alone or shared by a cluster's nodes as settings say) or a
// command-line tool; nullptr after printing why.
std::unique_ptr<events::PostgresEventStore> open_postgres_log(const Settings& settings, bool server,
                                                              size_t connections);

class ServerLog {
 public:
  // Opened, or nullptr after printing why (a damaged RocksDB WAL tail is
  // said too, and the server goes on).
  static std::unique_ptr<ServerLog> open(const Settings& settings);
  ~ServerLog();

  events::EventStore& store() { return *store_; }
  events::KeyStore& keys() { return *keys_; }
  // At a clean stop, after the writer: RocksDB's memtables to files, so the
  // next start replays no WAL. PostgreSQL has nothing to do.
  events::Status flush();
  // "events in ./var/events, sync on", or "events in PostgreSQL" (the URL may hold a password).
  std::string describe() const { return describe_; }
  // On PostgreSQL, this server's membership of the cluster, joined (its
  // lease renewed until stop()); nullptr on RocksDB, or after printing why
  // it could not join (`*failed` set).
  // `peer`: where other nodes reach this one ("" outside cluster mode);
  // `observe(node_id)` gives what hears the members after each renewal.
  std::unique_ptr<cluster::Heartbeat> join(
      const Settings& settings, int port, std::function<uint64_t()> folded, const std::string& peer,
      const std::function<cluster::Heartbeat::Observer(const std::string& node_id)>& observe,
      bool* failed);
  // What RocksDB's recovery dropped from a damaged WAL tail at open (0 on PostgreSQL).
  uint64_t wal_dropped_bytes() const { return wal_dropped_bytes_; }

 private:
  ServerLog() = default;
  std::unique_ptr<events::RocksEventStore> rocks_;
  std::unique_ptr<events::PostgresEventStore> postgres_;
  events::EventStore* store_ = nullptr;
  events::KeyStore* keys_ = nullptr;
  uint64_t wal_dropped_bytes_ = 0;
  std::string describe_;
};

}  // namespace parley::tools
