// A throwaway PostgreSQL server for tests (issue 23): initdb in a temp
// directory, listening on a Unix socket there only, stopped and removed when
// the process ends. PostgreSQL refuses to run as root and the tests run as
// root, so then its programs run as `nobody` (setpriv). The binaries come from
// Debian's postgresql-15 (tools/install-deps.sh); without them shared() fails
// with the reason, and so does the test: they are part of `make test`.
#pragma once

#include <memory>
#include <string>

namespace parley::testing {

class PgCluster {
 public:
  // The process's one server, started on first use; nullptr and `error` set
  // when it cannot start.
  static PgCluster* shared(std::string* error);
  ~PgCluster();

  // A new, empty database on the server each call: its libpq URL.
  std::string fresh_database();
  // The server's admin URL (database "postgres").
  std::string admin_url() const;

 private:
  PgCluster() = default;
  bool start(std::string* error);
  std::string bin_;
  std::string dir_;
  bool running_ = false;
  int databases_ = 0;
};

}  // namespace parley::testing
