// The durable EventStore on RocksDB. Layout: docs/STORAGE.md and keys.hpp.
//
// One process opens the store read-write (the primary). Tools open it as a
// RocksDB secondary instance, which reads while the server runs and follows
// new writes with catch_up(). append_batch is serialised by the store; the
// GroupCommitWriter is the one caller on the serving path.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/event_store.hpp"
#include "events/key_store.hpp"
#include "events/recovery_report.hpp"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
}  // namespace rocksdb

namespace parley::events {

class RecoveryLog;  // events/rocks_open.hpp

class RocksEventStore final : public EventStore, public KeyStore {
 public:
  enum class Mode { read_write, secondary };
  struct Options {
    std::string path;
    Mode mode = Mode::read_write;
    // Sync the WAL before an append returns. Off only for benchmarks.
    bool sync = true;
    // Secondary mode only: where the secondary keeps its own info log.
    std::string secondary_path;
    size_t block_cache_bytes = 64u << 20;
  };

  // Opens (and in read_write mode creates) the store at options.path. A
  // directory with files but no CURRENT is refused (events/rocks_open.hpp).
  // NotFound in secondary mode when there is no store at that path.
  static Expected<std::unique_ptr<RocksEventStore>> open(const Options& options);
  ~RocksEventStore() override;

  // What opening found in the WAL: the recovery mode, and the bytes dropped
  // as corrupt (0 after a clean stop or an ordinary crash).
  RecoveryReport recovery() const;
  // False once a write failed (a full disk, say): from then on appends fail
  // at once with the reason, until the process restarts.
  bool writable() const { return !failed_writes_.load(); }

  std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& requests) override;
  Status read_stream(const StreamId& stream, uint64_t from_seq, size_t max_count,
                     std::vector<EventEnvelope>* out) override;
  Status scan_all(uint64_t from_position, const Visitor& visit) override;
  uint64_t last_position() override;
  Expected<uint64_t> stream_head(const StreamId& stream) override;
  Status save_snapshot(const StreamId& stream, const Snapshot& snapshot) override;
  Expected<Snapshot> load_snapshot(const StreamId& stream) override;
  Expected<std::string> find_dedupe(std::string_view key) override;

  Status put_key(const std::string& name, const std::string& value) override;
  Expected<std::string> get_key(const std::string& name) override;
  Status erase_keys(const std::vector<std::string>& names) override;

  // Secondary mode: make writes the primary has made since visible.
  Status catch_up();
  // Flushes memtables and syncs the WAL (used at shutdown).
  Status flush();
  // Number of keys per column family, estimated by RocksDB.
  std::vector<std::pair<std::string, uint64_t>> estimate_keys();

 private:
  struct Handles;
  explicit RocksEventStore(Options options);
  Status load_last_position();
  Expected<uint64_t> read_head(const std::string& prefix);
  Expected<std::string> read_dedupe(const std::string& key);

  Options options_;
  std::unique_ptr<Handles> h_;
  std::shared_ptr<RecoveryLog> recovery_log_;        // read_write mode only
  std::mutex write_mu_;                              // serialises append_batch
  std::unordered_map<std::string, uint64_t> heads_;  // guarded by write_mu_
  std::atomic<uint64_t> last_position_{0};
  std::string write_error_;  // guarded by write_mu_
  std::atomic<bool> failed_writes_{false};
  std::mutex snapshot_mu_;
};

}  // namespace parley::events
