#include "events/postgres_event_store.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "events/batch_plan.hpp"
#include "events/keys.hpp"
#include "events/pg_client.hpp"

namespace parley::events {
namespace {

using pg::Arg;

// Any numbers, the same in every node: migrations run one node at a time;
// one server on a database at a time (Options::exclusive).
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(2305843009213693952 + 23)";
constexpr const char* kServerLock = "SELECT pg_try_advisory_lock(2305843009213693952 + 24)";

// Version 1. docs/STORAGE.md ("PostgreSQL") explains each table.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE parley_log_head (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  position bigint NOT NULL);
INSERT INTO parley_log_head (position) VALUES (0);
CREATE TABLE parley_events (
  position bigint PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  seq bigint NOT NULL,
  record bytea NOT NULL,
  UNIQUE (entity_type, entity_id, seq));
CREATE TABLE parley_dedupe (
  key bytea PRIMARY KEY,
  outcome bytea NOT NULL);
CREATE TABLE parley_snapshots (
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  seq bigint NOT NULL,
  schema_version integer NOT NULL,
  state bytea NOT NULL,
  PRIMARY KEY (entity_type, entity_id));
CREATE TABLE parley_keys (
  name text PRIMARY KEY,
  value bytea NOT NULL);
)sql";

// Rows of one INSERT; 5 parameters each stays under PostgreSQL's 65,535.
constexpr size_t kRowsPerInsert = 1000;
constexpr int kScanPage = 1000;

Status migrate(pg::Conn& c) {
  if (auto r = c.run("BEGIN"); !r.ok()) return r.status("schema");
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
  return c.run("COMMIT").status("schema");
}

uint64_t limit_of(size_t n) {
  return std::min<uint64_t>(n, std::numeric_limits<int64_t>::max());
}

}  // namespace

PostgresEventStore::PostgresEventStore(std::unique_ptr<pg::Pool> pool) : pool_(std::move(pool)) {}
PostgresEventStore::~PostgresEventStore() = default;

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
  if (options.exclusive) {
    auto holder = pg::Pool::open(options.url, 1);
    if (!holder) return holder.status();
    auto c = (*holder)->get();
    if (!c) return c.status();
    auto r = c.value()->exec(kServerLock);
    if (!r.ok()) return r.status("server lock");
    if (r.rows() != 1 || r.bytes(0, 0) != std::string_view("\1", 1))
      return Status::InvalidArgument(
          "another Parley server runs on this database; several servers on one database "
          "are not supported yet");
    store->holder_ = std::move(holder).value();  // the lease ends; the pool keeps the session
  }
  return store;
}

std::vector<AppendResult> PostgresEventStore::append_batch(
    const std::vector<AppendRequest>& requests) {
  auto fail_all = [&](const Status& s) {
    return std::vector<AppendResult>(requests.size(), AppendResult::failure(s));
  };
  auto lease = pool_->get();
  if (!lease) return fail_all(lease.status());
  auto& c = lease.value();
  if (auto r = c->run("BEGIN"); !r.ok()) return fail_all(r.status("append"));
  auto abort = [&](const Status& s) {
    c->run("ROLLBACK");
    return fail_all(s);
  };
  // The head's row lock orders every writer of the cluster until COMMIT.
  auto head = c->exec("SELECT position FROM parley_log_head FOR UPDATE");
  if (!head.ok() || head.rows() != 1)
    return abort(head.ok() ? Status::Corruption("parley_log_head has no row")
                           : head.status("append"));

  std::unordered_map<std::string, uint64_t> heads;
  PlanLookups lookups{[&](const std::string& prefix, const StreamId& s) -> Expected<uint64_t> {
                        if (auto it = heads.find(prefix); it != heads.end()) return it->second;
                        auto r = c->exec(
                            "SELECT coalesce(max(seq), 0) FROM parley_events "
                            "WHERE entity_type = $1 AND entity_id = $2",
                            {Arg::text(s.type), Arg::text(s.id)});
                        if (!r.ok()) return r.status("stream head");
                        heads.emplace(prefix, r.int8(0, 0));
                        return r.int8(0, 0);
                      },
                      [&](const std::string& key) -> Expected<std::string> {
                        auto r = c->exec("SELECT outcome FROM parley_dedupe WHERE key = $1",
                                         {Arg::bytea(key)});
                        if (!r.ok()) return r.status("dedupe");
                        if (r.rows() == 0) return Status::NotFound();
                        return std::string(r.bytes(0, 0));
                      }};
  PlannedWrite plan;
  auto results = plan_batch(requests, head.int8(0, 0), lookups, &plan);
  if (plan.events.empty()) {
    c->run("ROLLBACK");
    return results;
  }

  for (size_t from = 0; from < plan.events.size(); from += kRowsPerInsert) {
    std::string sql =
        "INSERT INTO parley_events (position, entity_type, entity_id, seq, record) VALUES ";
    std::vector<Arg> args;
    const size_t to = std::min(plan.events.size(), from + kRowsPerInsert);
    for (size_t i = from; i < to; ++i) {
      const auto& e = plan.events[i];
      StreamId stream;
      uint64_t seq = 0;
      if (!keys::parse_stream_key(e.stream_key, &stream, &seq))
        return abort(Status::Corruption("a planned event has a bad stream key"));
      const size_t n = args.size();
      sql += (i == from ? "(" : ",(") + ("$" + std::to_string(n + 1)) + ",$" +
             std::to_string(n + 2) + ",$" + std::to_string(n + 3) + ",$" + std::to_string(n + 4) +
             ",$" + std::to_string(n + 5) + ")";
      args.push_back(Arg::int8(e.position));
      args.push_back(Arg::text(stream.type));
      args.push_back(Arg::text(stream.id));
      args.push_back(Arg::int8(seq));
      args.push_back(Arg::bytea(e.record));
    }
    if (auto r = c->exec(sql.c_str(), args); !r.ok()) return abort(r.status("append"));
  }
  for (const auto& [key, outcome] : plan.dedupe) {
    auto r = c->exec("INSERT INTO parley_dedupe (key, outcome) VALUES ($1, $2)",
                     {Arg::bytea(key), Arg::bytea(outcome)});
    if (!r.ok()) return abort(r.status("dedupe claim"));
  }
  if (auto r = c->exec("UPDATE parley_log_head SET position = $1", {Arg::int8(plan.last_position)});
      !r.ok())
    return abort(r.status("append"));
  auto commit = c->run("COMMIT");
  if (!commit.ok()) {
    // Whether it landed is unknown (a lost connection): the caller reloads
    // and re-decides, as after any failed append; dedupe keys hold.
    for (auto& r : results)
      if (r.status.ok()) r = AppendResult::failure(commit.status("commit"));
  }
  return results;
}

Status PostgresEventStore::read_stream(const StreamId& stream, uint64_t from_seq, size_t max_count,
                                       std::vector<EventEnvelope>* out) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  auto c = pool_->get();
  if (!c) return c.status();
  auto r = c.value()->exec(
      "SELECT position, record FROM parley_events WHERE entity_type = $1 AND entity_id = $2 "
      "AND seq >= $3 ORDER BY seq LIMIT $4",
      {Arg::text(stream.type), Arg::text(stream.id), Arg::int8(from_seq),
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
      {Arg::text(stream.type), Arg::text(stream.id)});
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
          {Arg::text(stream.type), Arg::text(stream.id), Arg::int8(snapshot.seq),
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
      {Arg::text(stream.type), Arg::text(stream.id)});
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

Status PostgresEventStore::put_key(const std::string& name, const std::string& value) {
  auto c = pool_->get();
  if (!c) return c.status();
  return c.value()
      ->exec(
          "INSERT INTO parley_keys (name, value) VALUES ($1, $2) "
          "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
          {Arg::text(name), Arg::bytea(value)})
      .status("put key");
}

Expected<std::string> PostgresEventStore::get_key(const std::string& name) {
  auto c = pool_->get();
  if (!c) return c.status();
  auto r = c.value()->exec("SELECT value FROM parley_keys WHERE name = $1", {Arg::text(name)});
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
    if (auto r = c->exec("DELETE FROM parley_keys WHERE name = $1", {Arg::text(name)}); !r.ok()) {
      c->run("ROLLBACK");
      return r.status("erase keys");
    }
  }
  if (auto r = c->run("COMMIT"); !r.ok()) return r.status("erase keys");
  // The deleted rows leave the table's files only when it is rewritten.
  return c->run("VACUUM FULL parley_keys").status("erase keys (vacuum)");
}

}  // namespace parley::events
