// The event log in PostgreSQL, shared by every node of a cluster (issue 23).
// The same contract as RocksEventStore (tests/events/store_contract_test.cpp);
// the tables and why they are so are in docs/STORAGE.md, "PostgreSQL".
//
//   positions   a batch takes the one-row log head FOR UPDATE, plans on top of
//               it (seqs, positions, conflicts, dedupe: events/batch_plan.hpp,
//               as RocksDB), inserts, moves the head and commits. The row lock
//               is held until COMMIT, so positions are given in commit order:
//               a reader that sees position N sees every position below it,
//               and an event that commits late cannot appear behind a reader
//               (no sequence whose numbers commit out of order)
//   conflicts   read under that lock, so exact across nodes; the unique
//               (entity_type, entity_id, seq) key is the backstop
//   durability  acknowledged after COMMIT, with the server's own
//               synchronous_commit (on by default; a synchronous standby
//               makes it replicated)
//   schema      created and migrated at open, under an advisory lock, with a
//               version table (parley_schema)
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "events/event_store.hpp"
#include "events/key_store.hpp"

namespace parley::events {

namespace pg {
class Conn;
class Pool;
}  // namespace pg

class PostgresEventStore final : public EventStore, public KeyStore {
 public:
  struct Options {
    std::string url;         // libpq connection string or URI (PARLEY_PG_URL)
    size_t connections = 8;  // readers' connections at most at once (appends have their own)
    // Only one node on the database at a time: a session advisory lock,
    // held on the appends' connection while the store is open (a server not
    // in cluster mode); readers such as the command-line tools take none.
    bool exclusive = false;
    // A node of a cluster (issue 23): the same lock shared, so nodes join
    // each other but neither they nor a lone server start beside the other.
    bool shared = false;
    // An append's transaction holds the log head's row lock, so every node's
    // appends wait for it. A session that leaves its transaction open this
    // long (its node froze between the batch's two round trips) is ended by
    // PostgreSQL, and the others go on; its node finds its append failed.
    // 0: never (PostgreSQL's default). A node sets it to its lease.
    std::chrono::milliseconds stalled_transaction{0};
  };
  // What the appends' connection runs when it is made: the setting above,
  // then the server lock. Exposed so a test can hold a transaction open on a
  // connection made the same way.
  static std::function<Status(pg::Conn&)> appends_session(const Options& options);
  static constexpr int kSchemaVersion = 3;  // 2: parley_members; 3: their peer address

  static Expected<std::unique_ptr<PostgresEventStore>> open(const Options& options);
  ~PostgresEventStore() override;

  std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& requests) override;
  Status read_stream(const StreamId& stream, uint64_t from_seq, size_t max_count,
                     std::vector<EventEnvelope>* out) override;
  Status scan_all(uint64_t from_position, const Visitor& visit) override;
  uint64_t last_position() override;
  Expected<uint64_t> stream_head(const StreamId& stream) override;
  Status save_snapshot(const StreamId& stream, const Snapshot& snapshot) override;
  Expected<Snapshot> load_snapshot(const StreamId& stream) override;
  Expected<std::string> find_dedupe(std::string_view key) override;

  // Customer keys live in a table; erase_keys deletes the rows in one
  // transaction and rewrites the table (VACUUM FULL), so no data file keeps
  // them. The server's WAL still holds them until it is recycled
  // (docs/STORAGE.md).
  Status put_key(const std::string& name, const std::string& value) override;
  Expected<std::string> get_key(const std::string& name) override;
  Status erase_keys(const std::vector<std::string>& names) override;
  // Two nodes making a key for one new customer at once agree on the first.
  Expected<std::string> put_key_if_absent(const std::string& name,
                                          const std::string& value) override;

 private:
  explicit PostgresEventStore(std::unique_ptr<pg::Pool> pool);
  std::unique_ptr<pg::Pool> pool_;  // readers
  // append_batch's own connection: never behind a reader. With `exclusive`
  // it holds the server lock, taken again on every new connection, so a
  // lost session cannot leave the lock to another server unnoticed.
  std::unique_ptr<pg::Pool> appends_;
  bool exclusive_ = false;
  // With the lock, this store is the log's only writer: its last position is
  // known without asking (projections and followers ask often): read at open,
  // raised to the head every batch reads, moved by its own commits.
  std::atomic<uint64_t> last_{0};
};

}  // namespace parley::events
