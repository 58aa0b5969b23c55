// libpq as the PostgreSQL event store uses it: a pool of connections to one
// database, and statements whose parameters and results travel in binary
// (bytea and bigint without text escaping or parsing). Not a general client.
//
//   Pool::open(url, size)  connects once to check the URL; more connections
//                          open on demand, at most `size` at once
//   Pool::get()            a connection for one caller; back to the pool when
//                          the lease ends, or dropped if it broke
//   Conn::exec(sql, args)  one statement (PQexecParams); results in binary
//   Conn::run(sql)         one or more statements without parameters (PQexec)
//   Conn::pipeline(stmts)  several statements in one round trip (libpq's
//                          pipeline mode), a result each; after a failed one
//                          the rest are not run (their results are not ok)
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "events/status.hpp"

struct pg_conn;
struct pg_result;

namespace parley::events::pg {

// One parameter in binary: its type's OID and its bytes.
struct Arg {
  unsigned oid;
  std::string bytes;
  static Arg int8(uint64_t v);
  static Arg int4(uint32_t v);
  static Arg text(std::string_view s);
  static Arg bytea(std::string_view s);
};

class Result {
 public:
  explicit Result(pg_result* r) : r_(r) {}
  Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  Result& operator=(Result&&) = delete;
  ~Result();
  bool ok() const;  // the statement succeeded (with or without rows)
  std::string error() const;
  std::string sqlstate() const;      // "23505": a unique key was violated
  std::string_view command() const;  // "COMMIT", or "ROLLBACK" for an aborted one
  int rows() const;
  bool is_null(int row, int col) const;
  std::string_view bytes(int row, int col) const;  // bytea, text
  uint64_t int8(int row, int col) const;
  uint32_t int4(int row, int col) const;
  // Ok, or an IoError naming `what` and the server's message.
  Status status(const char* what) const;

 private:
  pg_result* r_;
};

struct Statement {
  std::string sql;
  std::vector<Arg> args;
};

class Conn {
 public:
  explicit Conn(pg_conn* c) : c_(c) {}
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;
  Result exec(const char* sql, const std::vector<Arg>& args = {});
  Result run(const char* sql);
  std::vector<Result> pipeline(const std::vector<Statement>& statements);
  bool healthy() const;

 private:
  pg_conn* c_;
};

class Pool {
 public:
  // `on_connect` runs on every new connection before it is lent (the store's
  // server lock); a failure drops the connection and fails that get().
  using OnConnect = std::function<Status(Conn&)>;
  static Expected<std::unique_ptr<Pool>> open(std::string url, size_t size,
                                              OnConnect on_connect = nullptr);
  ~Pool();

  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Conn* operator->() { return conn_.get(); }
    Conn& operator*() { return *conn_; }

   private:
    Pool* pool_;
    std::unique_ptr<Conn> conn_;
  };
  Expected<Lease> get();

 private:
  Pool(std::string url, size_t size, OnConnect on_connect)
      : url_(std::move(url)), size_(size), on_connect_(std::move(on_connect)) {}
  Expected<std::unique_ptr<Conn>> connect();
  void give_back(std::unique_ptr<Conn> conn);

  std::string url_;
  size_t size_;
  OnConnect on_connect_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Conn>> idle_;
  size_t open_ = 0;  // idle and lent
};

}  // namespace parley::events::pg
