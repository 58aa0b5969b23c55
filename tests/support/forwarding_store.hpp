// An EventStore that forwards to another; tests override one method to
// delay or fail it.
#pragma once

#include "events/memory_event_store.hpp"

namespace parley::testing {

class ForwardingStore : public events::EventStore {
 public:
  std::vector<events::AppendResult> append_batch(
      const std::vector<events::AppendRequest>& r) override {
    return inner.append_batch(r);
  }
  events::Status read_stream(const events::StreamId& s, uint64_t from, size_t max,
                             std::vector<events::EventEnvelope>* out) override {
    return inner.read_stream(s, from, max, out);
  }
  events::Status scan_all(uint64_t from, const Visitor& v) override {
    return inner.scan_all(from, v);
  }
  uint64_t last_position() override { return inner.last_position(); }
  events::Expected<uint64_t> stream_head(const events::StreamId& s) override {
    return inner.stream_head(s);
  }
  events::Status save_snapshot(const events::StreamId& s, const events::Snapshot& snap) override {
    return inner.save_snapshot(s, snap);
  }
  events::Expected<events::Snapshot> load_snapshot(const events::StreamId& s) override {
    return inner.load_snapshot(s);
  }
  events::Expected<std::string> find_dedupe(std::string_view k) override {
    return inner.find_dedupe(k);
  }

  events::MemoryEventStore inner;
};

}  // namespace parley::testing
