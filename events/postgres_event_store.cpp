#include "events/postgres_event_store.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <unordered_map>

#include "events/batch_plan.hpp"
#include "events/keys.hpp"
#include "events/pg_client.hpp"

namespace parley::events {
namespace {

using pg::Arg;

// Any numbers, the same in every node: migrations run one node at a time;
// a lone server (Options::exclusive) or a cluster's nodes (Options::shared)
// on a database, never both; the cluster's once-only work (cluster/duty.cpp)
// takes (23, 25), a key of the two-int space, apart from these.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(2305843009213693952 + 23)";
constexpr const char* kServerLock = "SELECT pg_try_advisory_lock(2305843009213693952 + 24)";
constexpr const char* kNodeLock = "SELECT pg_try_advisory_lock_shared(2305843009213693952 + 24)";

// Version 1. docs/STORAGE.md ("PostgreSQL") explains each table.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE parley_log_head (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  position bigint NOT NULL);
INSERT INTO parley_log_head (position) VALUES (0);
CREATE TABLE parley_events (
  position bigint PRIMARY KEY,
  entity_type bytea NOT NULL,
  entity_id bytea NOT NULL,
  seq bigint NOT NULL,
  record bytea NOT NULL,
  UNIQUE (entity_type, entity_id, seq));
CREATE TABLE parley_dedupe (
  key bytea PRIMARY KEY,
  outcome bytea NOT NULL);
CREATE TABLE parley_snapshots (
  entity_type bytea NOT NULL,
  entity_id bytea NOT NULL,
  seq bigint NOT NULL,
  schema_version integer NOT NULL,
  state bytea NOT NULL,
  PRIMARY KEY (entity_type, entity_id));
CREATE TABLE parley_keys (
  name bytea PRIMARY KEY,
  value bytea NOT NULL);
)sql";

// Version 2: the cluster's members (cluster/membership.hpp), a lease each.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE parley_members (
  node_id text PRIMARY KEY,
  address text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz NOT NULL,
  folded bigint NOT NULL DEFAULT 0);
)sql";

// Version 3: where each member's peers reach it (cluster/peer_link.hpp):
// "host:port" of its published gateway, "" for a node that takes no turns
// from others.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE parley_members ADD COLUMN peer text NOT NULL DEFAULT '';
)sql";

// Rows of one INSERT; 5 parameters each stays under PostgreSQL's 65,535.
constexpr size_t kRowsPerInsert = 1000;
constexpr size_t kStreamsPerLookup = 30000;  // 2 parameters each
constexpr size_t kClaimsPerLookup = 60000;
constexpr int kScanPage = 1000;

Status migrate(pg::Conn& c) {
  if (auto r = c.run("BEGIN ISOLATION LEVEL READ COMMITTED"); !r.ok()) return r.status("schema");
  auto fail = [&](const pg::Result& r) {
    c.run("ROLLBACK");
    return r.status("schema");
  };
  if (auto r = c.run(kMigrationLock); !r.ok()) return fail(r);
  if (auto r = c.run("CREATE TABLE IF NOT EXISTS parley_schema (version integer NOT NULL)");
      !r.ok())
    return fail(r);
  auto v = c.exec("SELECT coalesce(max(version), 0) FROM parley_schema");
  if (!v.ok()) return fail(v);
  const auto version = static_cast<int>(v.int4(0, 0));
  if (version > PostgresEventStore::kSchemaVersion) {
    c.run("ROLLBACK");
    return Status::InvalidArgument("the database's Parley schema is version " +
                                   std::to_string(version) + ", newer than this build's " +
                                   std::to_string(PostgresEventStore::kSchemaVersion));
  }
  if (version < 1) {
    if (auto r = c.run(kSchemaV1); !r.ok()) return fail(r);
    if (auto r = c.run("INSERT INTO parley_schema VALUES (1)"); !r.ok()) return fail(r);
  }
  if (version < 2) {
    if (auto r = c.run(kSchemaV2); !r.ok()) return fail(r);
    if (auto r = c.run("INSERT INTO parley_schema VALUES (2)"); !r.ok()) return fail(r);
  }
  if (version < 3) {
    if (auto r = c.run(kSchemaV3); !r.ok()) return fail(r);
    if (auto r = c.run("INSERT INTO parley_schema VALUES (3)"); !r.ok()) return fail(r);
  }
  return c.run("COMMIT").status("schema");
}

constexpr uint64_t kMaxBigint = std::numeric_limits<int64_t>::max();

uint64_t limit_of(size_t n) {
  return std::min<uint64_t>(n, kMaxBigint);
}

// "($1,$2),($3,$4)": `rows` rows of `width` parameters, numbered from 1.
std::string placeholders(size_t rows, size_t width) {
  std::string out;
  for (size_t r = 0, n = 1; r < rows; ++r) {
    out += r == 0 ? "(" : ",(";
    for (size_t c = 0; c < width; ++c, ++n) out += (c == 0 ? "$" : ",$") + std::to_string(n);
    out += ")";
  }
  return out;
}

}  // namespace

PostgresEventStore::PostgresEventStore(std::unique_ptr<pg::Pool> pool) : pool_(std::move(pool)) {}
PostgresEventStore::~PostgresEventStore() = default;

std::function<Status(pg::Conn&)> PostgresEventStore::appends_session(const Options& options) {
  if (!options.exclusive && !options.shared && options.stalled_transaction.count() <= 0)
    return nullptr;
  return [options](pg::Conn& c) -> Status {
    if (options.stalled_transaction.count() > 0) {
      const std::string set = "SET idle_in_transaction_session_timeout = " +
                              std::to_string(options.stalled_transaction.count());
      auto r = c.exec(set.c_str());
      if (!r.ok()) return r.status("idle_in_transaction_session_timeout");
    }
    if (!options.exclusive && !options.shared) return Status::Ok();
    auto r = c.exec(options.exclusive ? kServerLock : kNodeLock);
    if (!r.ok()) return r.status("server lock");
    if (r.rows() != 1 || r.bytes(0, 0) != std::string_view("\1", 1))
      return Status::InvalidArgument(
          options.exclusive ? "another Parley server runs on this database (a lone server, or a "
                              "cluster's node: start every one with PARLEY_CLUSTER=1 to share it)"
                            : "another Parley server runs on this database, not in cluster mode");
    return Status::Ok();
  };
}

Expected<std::unique_ptr<PostgresEventStore>> PostgresEventStore::open(const Options& options) {
  if (options.url.empty()) return Status::InvalidArgument("no PostgreSQL URL (PARLEY_PG_URL)");
  auto pool = pg::Pool::open(options.url, options.connections);
  if (!pool) return pool.status();
  {
    auto c = (*pool)->get();
    if (!c) return c.status();
    if (auto st = migrate(*c.value()); !st.ok()) return st;
  }
  std::unique_ptr<PostgresEventStore> store(new PostgresEventStore(std::move(pool).value()));
  // The writer's batches wait for no reader's connection (the projections
  // and followers poll the log through the other pool).
  auto appends = pg::Pool::open(options.url, 1, appends_session(options));
  if (!appends) return appends.status();
  store->appends_ = std::move(appends).value();
  store->exclusive_ = options.exclusive;
  if (options.exclusive) {
    auto head = store->pool_->get();
    if (!head) return head.status();
    auto r = head.value()->exec("SELECT position FROM parley_log_head");
    if (!r.ok()) return r.status("log head");
    if (r.rows() != 1) return Status::Corruption("parley_log_head has no row");
    store->last_.store(r.int8(0, 0));
  }
  return store;
}

// Two round trips a batch, in pipeline mode: (1) begin, take the log head's
// row lock, read the heads of every stream the batch names and its dedupe
// claims; plan; (2) insert, move the head, commit. One statement at a time
// took ~8 + one per stream and claim (about 40 for a chat batch).
std::vector<AppendResult> PostgresEventStore::append_batch(
    const std::vector<AppendRequest>& requests) {
  auto fail_all = [&](const Status& s) {
    return std::vector<AppendResult>(requests.size(), AppendResult::failure(s));
  };
  auto lease = appends_->get();
  if (!lease) return fail_all(lease.status());
  auto& c = lease.value();

  std::unordered_map<std::string, uint64_t> heads;  // stream prefix -> seq
  std::vector<const StreamId*> streams;
  std::vector<std::string> claims;
  for (const auto& r : requests) {
    streams.push_back(&r.stream);
    for (const auto& l : r.linked) streams.push_back(&l.stream);
    if (r.dedupe) claims.push_back(r.dedupe->key);
  }
  std::vector<pg::Statement> first = {{"BEGIN ISOLATION LEVEL READ COMMITTED", {}},
                                      {"SELECT position FROM parley_log_head FOR UPDATE", {}}};
  std::vector<const StreamId*>
      named;  // each stream once, valid ones only (the plan refuses others)
  for (const StreamId* s : streams)
    if (keys::validate_stream(*s).ok() && heads.emplace(keys::stream_prefix(*s), 0).second)
      named.push_back(s);
  // PostgreSQL takes at most 65,535 parameters a statement: a batch of 4,096
  // requests with linked appends (an order line each) can name more streams.
  // One backward index probe a stream (an IN list of pairs read every event
  // of each named stream, then sorted them).
  size_t head_statements = 0, claim_statements = 0;
  for (size_t from = 0; from < named.size(); from += kStreamsPerLookup, ++head_statements) {
    const size_t n = std::min(named.size() - from, kStreamsPerLookup);
    pg::Statement lookup{
        "SELECT v.t, v.i, (SELECT max(seq) FROM parley_events "
        "WHERE entity_type = v.t AND entity_id = v.i) FROM (VALUES " +
            placeholders(n, 2) + ") AS v(t, i)",
        {}};
    for (size_t i = from; i < from + n; ++i) {
      lookup.args.push_back(Arg::bytea(named[i]->type));
      lookup.args.push_back(Arg::bytea(named[i]->id));
    }
    first.push_back(std::move(lookup));
  }
  for (size_t from = 0; from < claims.size(); from += kClaimsPerLookup, ++claim_statements) {
    const size_t n = std::min(claims.size() - from, kClaimsPerLookup);
    pg::Statement lookup{
        "SELECT key, outcome FROM parley_dedupe WHERE key IN (" + placeholders(n, 1) + ")", {}};
    for (size_t i = from; i < from + n; ++i) lookup.args.push_back(Arg::bytea(claims[i]));
    first.push_back(std::move(lookup));
  }
  auto got = c->pipeline(first);
  auto abort = [&](const Status& s) {
    c->run("ROLLBACK");
    return fail_all(s);
  };
  for (const auto& r : got)
    if (!r.ok()) return abort(r.status("append"));
  const auto& head = got[1];
  if (head.rows() != 1) return abort(Status::Corruption("parley_log_head has no row"));
  // A commit whose answer was lost may have landed: the head says so.
  for (uint64_t seen = last_.load(); seen < head.int8(0, 0);)
    if (last_.compare_exchange_weak(seen, head.int8(0, 0))) break;
  std::unordered_map<std::string, std::string> claimed;
  size_t next = 2;
  for (size_t k = 0; k < head_statements; ++k) {
    const auto& h = got[next++];
    for (int i = 0; i < h.rows(); ++i)
      heads[keys::stream_prefix({std::string(h.bytes(i, 0)), std::string(h.bytes(i, 1))})] =
          h.int8(i, 2);
  }
  for (size_t k = 0; k < claim_statements; ++k) {
    const auto& d = got[next++];
    for (int i = 0; i < d.rows(); ++i) claimed.emplace(d.bytes(i, 0), d.bytes(i, 1));
  }
  PlanLookups lookups{[&](const std::string& prefix, const StreamId&) -> Expected<uint64_t> {
                        auto it = heads.find(prefix);
                        return it == heads.end() ? uint64_t{0} : it->second;
                      },
                      [&](const std::string& key) -> Expected<std::string> {
                        auto it = claimed.find(key);
                        if (it == claimed.end()) return Status::NotFound();
                        return it->second;
                      }};
  PlannedWrite plan;
  auto results = plan_batch(requests, head.int8(0, 0), lookups, &plan);
  if (plan.events.empty()) {
    c->run("ROLLBACK");
    return results;
  }

  std::vector<pg::Statement> second;
  for (size_t from = 0; from < plan.events.size(); from += kRowsPerInsert) {
    const size_t to = std::min(plan.events.size(), from + kRowsPerInsert);
    pg::Statement insert{
        "INSERT INTO parley_events (position, entity_type, entity_id, seq, record) VALUES " +
            placeholders(to - from, 5),
        {}};
    for (size_t i = from; i < to; ++i) {
      const auto& e = plan.events[i];
      StreamId stream;
      uint64_t seq = 0;
      if (!keys::parse_stream_key(e.stream_key, &stream, &seq))
        return abort(Status::Corruption("a planned event has a bad stream key"));
      insert.args.push_back(Arg::int8(e.position));
      insert.args.push_back(Arg::bytea(stream.type));
      insert.args.push_back(Arg::bytea(stream.id));
      insert.args.push_back(Arg::int8(seq));
      insert.args.push_back(Arg::bytea(e.record));
    }
    second.push_back(std::move(insert));
  }
  if (!plan.dedupe.empty()) {
    pg::Statement insert{
        "INSERT INTO parley_dedupe (key, outcome) VALUES " + placeholders(plan.dedupe.size(), 2),
        {}};
    for (const auto& [key, outcome] : plan.dedupe) {
      insert.args.push_back(Arg::bytea(key));
      insert.args.push_back(Arg::bytea(outcome));
    }
    second.push_back(std::move(insert));
  }
  second.push_back({"UPDATE parley_log_head SET position = $1", {Arg::int8(plan.last_position)}});
  second.push_back({"COMMIT", {}});
  auto done = c->pipeline(second);
  for (size_t i = 0; i + 1 < done.size(); ++i)
    if (!done[i].ok()) return abort(done[i].status("append"));
  if (done.back().ok() && done.back().command() == "COMMIT") {
    last_.store(plan.last_position);
  } else {
    // Whether it landed is unknown (a lost connection): the caller reloads
    // and re-decides, as after any failed append; dedupe keys hold.
    const Status why = done.back().ok() ? Status::IoError("commit: the transaction was rolled back")
                                        : done.back().status("commit");
    for (auto& r : results)
      if (r.status.ok()) r = AppendResult::failure(why);
  }
  return results;
}

Status PostgresEventStore::read_stream(const StreamId& stream, uint64_t from_seq, size_t max_count,
                                       std::vector<EventEnvelope>* out) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  if (from_seq > kMaxBigint) return Status::Ok();  // past any seq (bigint would wrap)
  auto c = pool_->get();
  if (!c) return c.status();
  auto r = c.value()->exec(
      "SELECT position, record FROM parley_events WHERE entity_type = $1 AND entity_id = $2 "
      "AND seq >= $3 ORDER BY seq LIMIT $4",
      {Arg::bytea(stream.type), Arg::bytea(stream.id), Arg::int8(from_seq),
       Arg::int8(limit_of(max_count))});
  if (!r.ok()) return r.status("read stream");
  for (int i = 0; i < r.rows(); ++i) {
    auto e = RecordView(r.int8(i, 0), r.bytes(i, 1)).decode();
    if (!e) return e.status();
    out->push_back(std::move(e).value());
  }
  return Status::Ok();
}

Status PostgresEventStore::scan_all(uint64_t from_position, const Visitor& visit) {
  if (from_position > kMaxBigint) return Status::Ok();  // past any position
  for (uint64_t next = from_position;;) {
    std::vector<std::pair<uint64_t, std::string>> page;
    {  // the connection goes back before visiting: a visitor may read too
      auto c = pool_->get();
      if (!c) return c.status();
      auto r = c.value()->exec(
          "SELECT position, record FROM parley_events WHERE position >= $1 "
          "ORDER BY position LIMIT $2",
          {Arg::int8(next), Arg::int8(kScanPage)});
      if (!r.ok()) return r.status("scan");
      page.reserve(static_cast<size_t>(r.rows()));
      for (int i = 0; i < r.rows(); ++i)
        page.emplace_back(r.int8(i, 0), std::string(r.bytes(i, 1)));
    }
    for (const auto& [position, record] : page)
      if (!visit(RecordView(position, record))) return Status::Ok();
    if (page.size() < static_cast<size_t>(kScanPage)) return Status::Ok();
    next = page.back().first + 1;
  }
}

uint64_t PostgresEventStore::last_position() {
  if (exclusive_) return last_.load();
  auto c = pool_->get();
  if (!c) return 0;
  auto r = c.value()->exec("SELECT position FROM parley_log_head");
  return r.ok() && r.rows() == 1 ? r.int8(0, 0) : 0;
}

Expected<uint64_t> PostgresEventStore::stream_head(const StreamId& stream) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  auto c = pool_->get();
  if (!c) return c.status();
  auto r = c.value()->exec(
      "SELECT coalesce(max(seq), 0) FROM parley_events WHERE entity_type = $1 AND entity_id = $2",
      {Arg::bytea(stream.type), Arg::bytea(stream.id)});
  if (!r.ok()) return r.status("stream head");
  return r.int8(0, 0);
}

Status PostgresEventStore::save_snapshot(const StreamId& stream, const Snapshot& snapshot) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  auto c = pool_->get();
  if (!c) return c.status();
  return c.value()
      ->exec(
          "INSERT INTO parley_snapshots (entity_type, entity_id, seq, schema_version, state) "
          "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (entity_type, entity_id) DO UPDATE "
          "SET seq = excluded.seq, schema_version = excluded.schema_version, "
          "state = excluded.state WHERE parley_snapshots.seq <= excluded.seq",
          {Arg::bytea(stream.type), Arg::bytea(stream.id), Arg::int8(snapshot.seq),
           Arg::int4(snapshot.schema_version), Arg::bytea(snapshot.state)})
      .status("save snapshot");
}

Expected<Snapshot> PostgresEventStore::load_snapshot(const StreamId& stream) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  auto c = pool_->get();
  if (!c) return c.status();
  auto r = c.value()->exec(
      "SELECT seq, schema_version, state FROM parley_snapshots "
      "WHERE entity_type = $1 AND entity_id = $2",
      {Arg::bytea(stream.type), Arg::bytea(stream.id)});
  if (!r.ok()) return r.status("load snapshot");
  if (r.rows() == 0) return Status::NotFound("no snapshot of " + stream.to_string());
  return Snapshot{r.int8(0, 0), r.int4(0, 1), std::string(r.bytes(0, 2))};
}

Expected<std::string> PostgresEventStore::find_dedupe(std::string_view key) {
  auto c = pool_->get();
  if (!c) return c.status();
  auto r = c.value()->exec("SELECT outcome FROM parley_dedupe WHERE key = $1", {Arg::bytea(key)});
  if (!r.ok()) return r.status("dedupe");
  if (r.rows() == 0) return Status::NotFound();
  return std::string(r.bytes(0, 0));
}

namespace {

// The contract (events/key_store.hpp) wants a key durable no later than the
// next append that returns ok, as RocksDB's unsynced write to the WAL the
// events share. Here: a commit that does not wait for its WAL flush. The WAL
// is flushed in order, so the append's own synchronous commit (and a
// synchronous standby's confirmation of it) covers every key committed
// before it. Each new shopper's key was two flushed commits under the key
// maker's lock: 12,434 of them in a 10 s chat run, the node's limit.
// `statements` in one such transaction, one round trip; their results.
Expected<std::vector<pg::Result>> commit_unflushed(pg::Conn& c,
                                                   std::vector<pg::Statement> statements) {
  statements.insert(statements.begin(), {{"BEGIN ISOLATION LEVEL READ COMMITTED", {}},
                                         {"SET LOCAL synchronous_commit TO off", {}}});
  const size_t expected = statements.size() + 1;
  statements.push_back({"COMMIT", {}});
  auto results = c.pipeline(statements);
  for (const auto& r : results)
    if (!r.ok()) return r.status("put key");
  if (results.size() != expected || results.back().command() != "COMMIT")
    return Status::IoError("put key: not committed");
  return std::vector<pg::Result>(std::make_move_iterator(results.begin() + 2),
                                 std::make_move_iterator(results.end() - 1));
}

}  // namespace

Status PostgresEventStore::put_key(const std::string& name, const std::string& value) {
  auto c = pool_->get();
  if (!c) return c.status();
  auto results = commit_unflushed(*c.value(), {{"INSERT INTO parley_keys (name, value) VALUES "
                                                "($1, $2) ON CONFLICT (name) DO UPDATE SET value "
                                                "= excluded.value",
                                                {Arg::bytea(name), Arg::bytea(value)}}});
  return results.ok() ? Status::Ok() : results.status();
}

// READ COMMITTED: an INSERT that meets a row in flight waits for it, does
// nothing, and the next statement sees it.
Expected<std::string> PostgresEventStore::put_key_if_absent(const std::string& name,
                                                            const std::string& value) {
  auto c = pool_->get();
  if (!c) return c.status();
  auto results = commit_unflushed(
      *c.value(),
      {{"INSERT INTO parley_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        {Arg::bytea(name), Arg::bytea(value)}},
       {"SELECT value FROM parley_keys WHERE name = $1", {Arg::bytea(name)}}});
  if (!results.ok()) return results.status();
  if (results->at(1).rows() != 1) return Status::IoError("put key: not committed");
  return std::string(results->at(1).bytes(0, 0));
}

Expected<std::string> PostgresEventStore::get_key(const std::string& name) {
  auto c = pool_->get();
  if (!c) return c.status();
  auto r = c.value()->exec("SELECT value FROM parley_keys WHERE name = $1", {Arg::bytea(name)});
  if (!r.ok()) return r.status("get key");
  if (r.rows() == 0) return Status::NotFound("no key " + name);
  return std::string(r.bytes(0, 0));
}

Status PostgresEventStore::erase_keys(const std::vector<std::string>& names) {
  auto lease = pool_->get();
  if (!lease) return lease.status();
  auto& c = lease.value();
  if (auto r = c->run("BEGIN"); !r.ok()) return r.status("erase keys");
  for (const auto& name : names) {
    if (auto r = c->exec("DELETE FROM parley_keys WHERE name = $1", {Arg::bytea(name)}); !r.ok()) {
      c->run("ROLLBACK");
      return r.status("erase keys");
    }
  }
  if (auto r = c->run("COMMIT"); !r.ok()) return r.status("erase keys");
  // The deleted rows leave the table's files only when it is rewritten.
  return c->run("VACUUM FULL parley_keys").status("erase keys (vacuum)");
}

}  // namespace parley::events
