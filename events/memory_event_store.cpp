#include "events/memory_event_store.hpp"

#include <mutex>

#include "events/batch_plan.hpp"
#include "events/keys.hpp"

namespace parley::events {

std::vector<AppendResult> MemoryEventStore::append_batch(
    const std::vector<AppendRequest>& requests) {
  std::unique_lock lock(mu_);
  PlanLookups lookups{[this](const std::string& prefix, const StreamId&) -> Expected<uint64_t> {
                        auto it = streams_.find(prefix);
                        return it == streams_.end() ? 0 : it->second.size();
                      },
                      [this](const std::string& key) -> Expected<std::string> {
                        auto it = dedupe_.find(key);
                        if (it == dedupe_.end()) return Status::NotFound();
                        return it->second;
                      }};
  PlannedWrite plan;
  auto results = plan_batch(requests, records_.size(), lookups, &plan);
  for (auto& e : plan.events) {
    std::string prefix = e.stream_key.substr(0, e.stream_key.size() - 8);
    streams_[prefix].push_back(e.position);
    records_.push_back(std::move(e.record));
  }
  for (auto& [k, v] : plan.dedupe) dedupe_.emplace(std::move(k), std::move(v));
  return results;
}

Status MemoryEventStore::read_stream(const StreamId& stream, uint64_t from_seq, size_t max_count,
                                     std::vector<EventEnvelope>* out) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  std::shared_lock lock(mu_);
  auto it = streams_.find(keys::stream_prefix(stream));
  if (it == streams_.end()) return Status::Ok();
  const auto& positions = it->second;
  for (uint64_t seq = from_seq == 0 ? 1 : from_seq; seq <= positions.size() && max_count > 0;
       ++seq, --max_count) {
    uint64_t pos = positions[seq - 1];
    auto e = RecordView(pos, records_[pos - 1]).decode();
    if (!e) return e.status();
    out->push_back(std::move(e).value());
  }
  return Status::Ok();
}

Status MemoryEventStore::scan_all(uint64_t from_position, const Visitor& visit) {
  std::shared_lock lock(mu_);
  for (uint64_t pos = from_position == 0 ? 1 : from_position; pos <= records_.size(); ++pos) {
    if (!visit(RecordView(pos, records_[pos - 1]))) break;
  }
  return Status::Ok();
}

uint64_t MemoryEventStore::last_position() {
  std::shared_lock lock(mu_);
  return records_.size();
}

Expected<uint64_t> MemoryEventStore::stream_head(const StreamId& stream) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  std::shared_lock lock(mu_);
  auto it = streams_.find(keys::stream_prefix(stream));
  return it == streams_.end() ? uint64_t{0} : uint64_t{it->second.size()};
}

Status MemoryEventStore::save_snapshot(const StreamId& stream, const Snapshot& snapshot) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  std::unique_lock lock(mu_);
  auto& slot = snapshots_[keys::stream_prefix(stream)];
  if (snapshot.seq >= slot.seq) slot = snapshot;
  return Status::Ok();
}

Expected<Snapshot> MemoryEventStore::load_snapshot(const StreamId& stream) {
  if (auto st = keys::validate_stream(stream); !st.ok()) return st;
  std::shared_lock lock(mu_);
  auto it = snapshots_.find(keys::stream_prefix(stream));
  if (it == snapshots_.end()) return Status::NotFound("no snapshot of " + stream.to_string());
  return it->second;
}

Expected<std::string> MemoryEventStore::find_dedupe(std::string_view key) {
  std::shared_lock lock(mu_);
  auto it = dedupe_.find(key);
  if (it == dedupe_.end()) return Status::NotFound();
  return it->second;
}

Status MemoryEventStore::put_key(const std::string& name, const std::string& value) {
  std::unique_lock lock(mu_);
  keys_[name] = value;
  return Status::Ok();
}

Expected<std::string> MemoryEventStore::get_key(const std::string& name) {
  std::shared_lock lock(mu_);
  auto it = keys_.find(name);
  if (it == keys_.end()) return Status::NotFound("no key " + name);
  return it->second;
}

Status MemoryEventStore::erase_keys(const std::vector<std::string>& names) {
  std::unique_lock lock(mu_);
  for (const auto& name : names) keys_.erase(name);
  return Status::Ok();
}

}  // namespace parley::events
