// An in-memory EventStore with the same contract as RocksEventStore, for
// tests and tools. Records are kept in their stored encoding, so projections
// exercise the same skip-by-type path. Thread-safe.
#pragma once

#include <map>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/event_store.hpp"
#include "events/key_store.hpp"

namespace parley::events {

class MemoryEventStore final : public EventStore, public KeyStore {
 public:
  std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& requests) override;
  Status read_stream(const StreamId& stream, uint64_t from_seq, size_t max_count,
                     std::vector<EventEnvelope>* out) override;
  Status scan_all(uint64_t from_position, const Visitor& visit) override;
  uint64_t last_position() override;
  Expected<uint64_t> stream_head(const StreamId& stream) override;
  Status save_snapshot(const StreamId& stream, const Snapshot& snapshot) override;
  Expected<Snapshot> load_snapshot(const StreamId& stream) override;
  Expected<std::string> find_dedupe(std::string_view key) override;
  Status put_key(const std::string& name, const std::string& value) override;
  Expected<std::string> get_key(const std::string& name) override;
  Status erase_keys(const std::vector<std::string>& names) override;

 private:
  std::shared_mutex mu_;
  std::vector<std::string> records_;                                // records_[position - 1]
  std::unordered_map<std::string, std::vector<uint64_t>> streams_;  // prefix -> positions
  std::unordered_map<std::string, Snapshot> snapshots_;
  std::map<std::string, std::string, std::less<>> dedupe_;
  std::unordered_map<std::string, std::string> keys_;
};

}  // namespace parley::events
