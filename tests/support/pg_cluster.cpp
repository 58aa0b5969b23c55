#include "tests/support/pg_cluster.hpp"

#include <libpq-fe.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace parley::testing {
namespace {

namespace fs = std::filesystem;

// The newest /usr/lib/postgresql/<version>/bin with initdb in it (versions
// compared as numbers: "9.6" is older than "15").
std::string find_bin() {
  std::string best;
  double best_version = 0;
  std::error_code ec;
  for (const auto& v : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const auto bin = v.path() / "bin";
    const double version = std::atof(v.path().filename().c_str());
    if (fs::exists(bin / "initdb") && version > best_version) {
      best_version = version;
      best = bin.string();
    }
  }
  return best;
}

const char* const kDirPrefix = "/tmp/parley-pg-";

// `command`, as nobody when this process is root; its output goes to `log`.
bool run(const std::string& command, const std::string& log) {
  const std::string as =
      geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  return std::system((as + command + " >>" + log + " 2>&1").c_str()) == 0;
}

std::string tail(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  auto t = s.str();
  return t.size() > 2000 ? t.substr(t.size() - 2000) : t;
}

// Servers of test processes that died without stopping them (a crash, a
// timeout's SIGKILL): the directory's name carries the test's pid.
void stop_orphans(const std::string& bin) {
  std::error_code ec;
  for (const auto& d : fs::directory_iterator("/tmp", ec)) {
    const std::string path = d.path().string();
    if (path.rfind(kDirPrefix, 0) != 0) continue;
    const int pid = std::atoi(path.c_str() + std::string(kDirPrefix).size());
    if (pid <= 0 || kill(pid, 0) == 0 || errno != ESRCH) continue;  // its test still runs
    if (fs::exists(path + "/data/postmaster.pid"))
      run(bin + "/pg_ctl -D " + path + "/data -m immediate -w stop", "/dev/null");
    fs::remove_all(path, ec);
  }
}

}  // namespace

PgCluster* PgCluster::shared(std::string* error) {
  static std::unique_ptr<PgCluster> cluster;
  static std::string failed;
  if (!cluster && failed.empty()) {
    std::unique_ptr<PgCluster> c(new PgCluster());
    if (c->start(&failed))
      cluster = std::move(c);
    else if (failed.empty())
      failed = "PostgreSQL did not start";
  }
  if (!cluster) *error = failed;
  return cluster.get();
}

bool PgCluster::start(std::string* error) {
  bin_ = find_bin();
  if (bin_.empty()) {
    *error = "no PostgreSQL server binaries under /usr/lib/postgresql (Debian: postgresql-15)";
    return false;
  }
  stop_orphans(bin_);
  std::string tmpl = kDirPrefix + std::to_string(getpid()) + "-XXXXXX";
  if (!mkdtemp(tmpl.data())) {
    *error = "mkdtemp failed";
    return false;
  }
  dir_ = tmpl;
  if (geteuid() == 0 && chown(dir_.c_str(), 65534, 65534) != 0) {
    *error = "cannot give " + dir_ + " to nobody";
    return false;
  }
  const std::string log = dir_ + "/setup.log";
  // The data directory is fsynced by the server as usual; only initdb's own
  // copy of the template is not (--no-sync), as nothing survives the test.
  if (!run(bin_ + "/initdb -D " + dir_ + "/data -U postgres --auth=trust -E UTF8 --no-sync",
           dir_ + "/initdb.log")) {
    *error = "initdb failed: " + tail(dir_ + "/initdb.log");
    return false;
  }
  running_ = true;  // stopped in any case: pg_ctl may fail after the server started
  if (!run(bin_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -t 60 -o \"-k " +
               dir_ + " -c listen_addresses='' -p 5432\" start",
           dir_ + "/pg_ctl.log")) {
    *error = "PostgreSQL did not start: " + tail(dir_ + "/server.log");
    return false;
  }
  return true;
}

PgCluster::~PgCluster() {
  if (running_)
    run(bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate -w stop", dir_ + "/pg_ctl.log");
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

std::string PgCluster::admin_url() const {
  return "host=" + dir_ + " port=5432 user=postgres dbname=postgres";
}

std::string PgCluster::fresh_database() {
  const std::string name = "t" + std::to_string(++databases_);
  PGconn* c = PQconnectdb(admin_url().c_str());
  PGresult* r = PQexec(c, ("CREATE DATABASE " + name).c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  if (!ok)
    std::fprintf(stderr, "pg_cluster: CREATE DATABASE %s: %s", name.c_str(), PQerrorMessage(c));
  PQclear(r);
  PQfinish(c);
  return "host=" + dir_ + " port=5432 user=postgres dbname=" + name;
}

}  // namespace parley::testing
