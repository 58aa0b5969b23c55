#include "events/pg_client.hpp"

#include <libpq-fe.h>

#include <chrono>

#include "events/coding.hpp"

namespace parley::events::pg {
namespace {

// pg_type.h's OIDs (server headers are not in libpq-dev).
constexpr unsigned kByteaOid = 17;
constexpr unsigned kInt8Oid = 20;
constexpr unsigned kInt4Oid = 23;
constexpr unsigned kTextOid = 25;

uint64_t be64(const char* p) {
  return coding::decode_fixed64_be(p);
}

}  // namespace

Arg Arg::int8(uint64_t v) {
  Arg a{kInt8Oid, {}};
  coding::put_fixed64_be(&a.bytes, v);
  return a;
}

Arg Arg::int4(uint32_t v) {
  Arg a{kInt4Oid, std::string(4, '\0')};
  for (int i = 3; i >= 0; --i, v >>= 8)
    a.bytes[static_cast<size_t>(i)] = static_cast<char>(v & 0xff);
  return a;
}

Arg Arg::text(std::string_view s) {
  return {kTextOid, std::string(s)};
}

Arg Arg::bytea(std::string_view s) {
  return {kByteaOid, std::string(s)};
}

Result::~Result() {
  if (r_) PQclear(r_);
}

bool Result::ok() const {
  const auto s = r_ ? PQresultStatus(r_) : PGRES_FATAL_ERROR;
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

std::string Result::error() const {
  return r_ ? PQresultErrorMessage(r_) : "no result (connection lost)";
}

std::string Result::sqlstate() const {
  const char* s = r_ ? PQresultErrorField(r_, PG_DIAG_SQLSTATE) : nullptr;
  return s ? s : "";
}

std::string_view Result::command() const {
  return r_ ? PQcmdStatus(r_) : "";
}

int Result::rows() const {
  return r_ ? PQntuples(r_) : 0;
}

bool Result::is_null(int row, int col) const {
  return PQgetisnull(r_, row, col) != 0;
}

std::string_view Result::bytes(int row, int col) const {
  return {PQgetvalue(r_, row, col), static_cast<size_t>(PQgetlength(r_, row, col))};
}

uint64_t Result::int8(int row, int col) const {
  return PQgetlength(r_, row, col) == 8 ? be64(PQgetvalue(r_, row, col)) : 0;
}

uint32_t Result::int4(int row, int col) const {
  if (PQgetlength(r_, row, col) != 4) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(PQgetvalue(r_, row, col));
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

Status Result::status(const char* what) const {
  if (ok()) return Status::Ok();
  std::string m = error();
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return Status::IoError(std::string(what) + ": " + m);
}

Conn::~Conn() {
  PQfinish(c_);
}

namespace {

// PQexecParams' and PQsendQueryParams' parallel arrays, all binary.
struct Params {
  explicit Params(const std::vector<Arg>& args) {
    for (const auto& a : args) {
      oids.push_back(a.oid);
      values.push_back(a.bytes.data());
      lengths.push_back(static_cast<int>(a.bytes.size()));
      formats.push_back(1);
    }
  }
  int count() const { return static_cast<int>(oids.size()); }
  std::vector<unsigned> oids;
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
};

}  // namespace

Result Conn::exec(const char* sql, const std::vector<Arg>& args) {
  const Params p(args);
  return Result(PQexecParams(c_, sql, p.count(), p.oids.data(), p.values.data(), p.lengths.data(),
                             p.formats.data(), /*resultFormat=*/1));
}

std::vector<Result> Conn::pipeline(const std::vector<Statement>& statements) {
  std::vector<Result> out;
  size_t sent = 0;
  if (PQenterPipelineMode(c_) == 1) {
    for (const auto& s : statements) {
      const Params p(s.args);
      if (PQsendQueryParams(c_, s.sql.c_str(), p.count(), p.oids.data(), p.values.data(),
                            p.lengths.data(), p.formats.data(), 1) != 1)
        break;
      ++sent;
    }
    if (PQpipelineSync(c_) == 1) {
      // Each statement's result, then a null; then the sync's own result.
      for (size_t i = 0; i < sent; ++i) {
        out.emplace_back(PQgetResult(c_));
        while (PGresult* more = PQgetResult(c_)) PQclear(more);
      }
      while (PGresult* r = PQgetResult(c_)) {
        const bool synced = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
        PQclear(r);
        if (synced) break;
      }
    }
    PQexitPipelineMode(c_);
  }
  while (out.size() < statements.size()) out.emplace_back(nullptr);  // not sent: not ok
  return out;
}

Result Conn::run(const char* sql) {
  return Result(PQexec(c_, sql));
}

bool Conn::healthy() const {
  return PQstatus(c_) == CONNECTION_OK && PQtransactionStatus(c_) == PQTRANS_IDLE &&
         PQpipelineStatus(c_) == PQ_PIPELINE_OFF;
}

Expected<std::unique_ptr<Pool>> Pool::open(std::string url, size_t size, OnConnect on_connect) {
  std::unique_ptr<Pool> pool(new Pool(std::move(url), size == 0 ? 1 : size, std::move(on_connect)));
  auto first = pool->connect();
  if (!first) return first.status();
  pool->open_ = 1;
  pool->idle_.push_back(std::move(first).value());
  return pool;
}

Pool::~Pool() = default;

Expected<std::unique_ptr<Conn>> Pool::connect() {
  PGconn* c = PQconnectdb(url_.c_str());
  auto conn = std::make_unique<Conn>(c);
  if (PQstatus(c) != CONNECTION_OK) {
    std::string m = PQerrorMessage(c);
    while (!m.empty() && m.back() == '\n') m.pop_back();
    return Status::IoError("cannot connect to PostgreSQL: " + m);
  }
  // Notices (e.g. "relation already exists, skipping") stay off stderr.
  PQsetNoticeProcessor(
      c, [](void*, const char*) {}, nullptr);
  if (on_connect_)
    if (auto st = on_connect_(*conn); !st.ok()) return st;
  return conn;
}

Expected<Pool::Lease> Pool::get() {
  std::unique_lock lock(mu_);
  freed_.wait(lock, [this] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(c));
  }
  ++open_;
  lock.unlock();
  auto c = connect();
  if (!c) {
    std::lock_guard again(mu_);
    --open_;
    freed_.notify_one();
    return c.status();
  }
  return Lease(this, std::move(c).value());
}

void Pool::give_back(std::unique_ptr<Conn> conn) {
  std::lock_guard lock(mu_);
  if (conn->healthy())
    idle_.push_back(std::move(conn));
  else
    --open_;  // broken, or left inside a transaction: dropped
  freed_.notify_one();
}

Pool::Lease::~Lease() {
  if (conn_) pool_->give_back(std::move(conn_));
}

}  // namespace parley::events::pg
