// What opening a RocksDB database found in its write-ahead log
// (events/rocks_open.hpp): plain data for logs, metrics and tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley::events {

struct RecoveryReport {
  std::string wal_recovery_mode = "point_in_time";
  uint64_t dropped_bytes = 0;         // WAL bytes skipped as corrupt while opening
  std::vector<std::string> problems;  // RocksDB's words, one per corrupt spot
};

}  // namespace parley::events
