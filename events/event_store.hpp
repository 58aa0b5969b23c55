// The event store: the durable log every entity appends to and every
// projection reads. Three implementations honour the same contract
// (tests/events/store_contract.hpp): RocksEventStore, PostgresEventStore and
// MemoryEventStore.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "events/envelope.hpp"
#include "events/record_format.hpp"
#include "events/status.hpp"

namespace parley::events {

struct AppendResult {
  Status status;
  // On success: the seqs given to the request's own events, and the positions
  // of all it wrote (its own events first, then the linked ones).
  uint64_t first_seq = 0;
  uint64_t last_seq = 0;
  uint64_t first_position = 0;
  uint64_t last_position = 0;
  // On conflict: the stream's actual head.
  uint64_t stream_head = 0;
  // On duplicate: the outcome recorded by the first claim of the dedupe key.
  std::string duplicate_outcome;

  static AppendResult failure(Status s) {
    AppendResult r;
    r.status = std::move(s);
    return r;
  }
};

struct Snapshot {
  uint64_t seq = 0;             // the state folds events 1..seq
  uint32_t schema_version = 1;  // of the state encoding
  std::string state;
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  // Appends every request of the batch in one durable write and answers in
  // request order. Contract:
  //  - each request is atomic: all of its events, its linked appends to other
  //    streams and its dedupe claim, or none of them;
  //  - a request that is invalid, conflicts or is a duplicate writes nothing
  //    and does not affect the other requests;
  //  - requests are applied in order, so two requests for one stream chain
  //    (the second expects the first's last seq);
  //  - an I/O error fails every request of the batch and writes nothing;
  //  - global positions of a batch are consecutive and follow every earlier
  //    batch's; readers never observe a gap.
  virtual std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& requests) = 0;
  AppendResult append(const AppendRequest& request);

  // Events of `stream` with seq >= from_seq, at most max_count of them.
  // An unknown stream yields no events and Ok.
  virtual Status read_stream(const StreamId& stream, uint64_t from_seq, size_t max_count,
                             std::vector<EventEnvelope>* out) = 0;

  // Calls `visit` for each record with position >= from_position in global
  // order until it returns false or the log ends.
  using Visitor = std::function<bool(const RecordView&)>;
  virtual Status scan_all(uint64_t from_position, const Visitor& visit) = 0;
  // Decoded convenience over scan_all.
  Status read_all(uint64_t from_position, size_t max_count, std::vector<EventEnvelope>* out);

  // Highest global position written so far (0 for an empty store).
  virtual uint64_t last_position() = 0;
  // Seq of the stream's last event; 0 if it has none.
  virtual Expected<uint64_t> stream_head(const StreamId& stream) = 0;

  // Keeps the latest snapshot per stream; saving an older seq than the stored
  // one is ignored. Snapshots are not synced: losing one costs only replay.
  virtual Status save_snapshot(const StreamId& stream, const Snapshot& snapshot) = 0;
  // NotFound when the stream has no snapshot.
  virtual Expected<Snapshot> load_snapshot(const StreamId& stream) = 0;

  // The outcome recorded with the first claim of `key`; NotFound if unclaimed.
  virtual Expected<std::string> find_dedupe(std::string_view key) = 0;
};

}  // namespace parley::events
