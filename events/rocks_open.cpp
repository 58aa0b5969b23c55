#include "events/rocks_open.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace parley::events {

Status check_rocks_dir(const std::string& path, const std::string& what, bool* create) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec) || fs::is_empty(path, ec)) {
    *create = true;
    return Status::Ok();
  }
  *create = false;
  if (fs::exists(fs::path(path) / "CURRENT", ec)) return Status::Ok();
  return Status::Corruption(
      what + " at " + path +
      " has files but no CURRENT file; refusing to open it, since RocksDB would start an empty "
      "database there and delete the existing .sst files. Restore CURRENT (one line naming the "
      "newest MANIFEST-NNNNNN, e.g. `ls " +
      path + "/MANIFEST-*`) or move the directory away to start afresh.");
}

RecoveryLog::RecoveryLog(std::string name)
    : rocksdb::Logger(rocksdb::InfoLogLevel::INFO_LEVEL), name_(std::move(name)) {}

void RecoveryLog::Logv(const char* format, va_list ap) {
  Logv(rocksdb::InfoLogLevel::INFO_LEVEL, format, ap);
}

void RecoveryLog::Logv(const rocksdb::InfoLogLevel level, const char* format, va_list ap) {
  char line[4096];
  va_list copy;
  va_copy(copy, ap);
  std::vsnprintf(line, sizeof line, format, copy);
  va_end(copy);
  note(line);
  if (level >= rocksdb::InfoLogLevel::WARN_LEVEL && level < rocksdb::InfoLogLevel::HEADER_LEVEL)
    std::fprintf(stderr, "parley: rocksdb (%s): %s\n", name_.c_str(), line);
}

void RecoveryLog::note(const char* line) {
  // db_impl_open.cc's LogReporter: "<file>: dropping <N> bytes; <status>"
  const char* at = std::strstr(line, ": dropping ");
  if (!at) return;
  const long long bytes = std::strtoll(at + std::strlen(": dropping "), nullptr, 10);
  std::lock_guard<std::mutex> lock(mu_);
  report_.dropped_bytes += bytes > 0 ? static_cast<uint64_t>(bytes) : 0;
  if (report_.problems.size() < 16) report_.problems.emplace_back(line);
}

RecoveryReport RecoveryLog::report() const {
  std::lock_guard<std::mutex> lock(mu_);
  return report_;
}

}  // namespace parley::events
