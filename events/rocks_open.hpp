// Opening a RocksDB directory without ever losing what is in it (issue 17,
// item 6), for the event log and the views alike.
//
//   the directory is missing or empty   -> created
//   it has CURRENT                      -> opened as it is
//   it has files but no CURRENT         -> refused (Corruption), nothing touched:
//                                          RocksDB would start an empty database
//                                          there and delete the .sst files
//
// A WAL that ends in garbage (a torn or garbled tail after SIGKILL) is
// recovered to the last intact record (kPointInTimeRecovery) and what was
// dropped is reported, never silent: RecoveryLog reads RocksDB's own
// "dropping N bytes" lines while the database opens.
#pragma once

#include <rocksdb/env.h>

#include <cstdarg>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "events/recovery_report.hpp"
#include "events/status.hpp"

namespace parley::events {

// Whether the RocksDB directory `path` may be opened, and with
// create_if_missing or not; `what` names it in the error ("the event log").
Status check_rocks_dir(const std::string& path, const std::string& what, bool* create);

// RocksDB's info log: its WAL recovery lines kept in a RecoveryReport, its
// warnings and errors written to stderr, the rest dropped. Not a LOG file:
// on a full disk RocksDB 7.8 (Debian's, with assertions) aborts the process
// on the next line after a LOG write failed (found by the full-disk test).
class RecoveryLog final : public rocksdb::Logger {
 public:
  // `name` prefixes the stderr lines ("event log", "views").
  explicit RecoveryLog(std::string name);
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override;
  void Logv(const rocksdb::InfoLogLevel level, const char* format, va_list ap) override;
  RecoveryReport report() const;

 private:
  void note(const char* line);
  std::string name_;
  mutable std::mutex mu_;
  RecoveryReport report_;
};

}  // namespace parley::events
