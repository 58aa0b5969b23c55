// The stored form of one event (the value in the `global` column family).
//
//   u8      format            = 1
//   varint  len, bytes        event type        <- first: readers skip on it
//   varint  schema_version
//   varint  timestamp_us      (µs since the epoch; negative times are rejected)
//   varint  seq
//   varint  len, bytes        entity type
//   varint  len, bytes        entity id
//   varint  len, bytes        causation id
//   bytes   payload           JSON text, to the end of the value
//
// The global position is the key, not part of the value. A projection reads
// the event type with RecordView::type() without touching the payload.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events {

inline constexpr uint8_t kRecordFormat = 1;

std::string encode_record(const StreamId& stream, uint64_t seq, const NewEvent& event);

// A stored event that has not been decoded yet. Valid while the bytes it
// points at are (an iterator position, a visitor call).
class RecordView {
 public:
  // Rewrites a decoded payload in place before a reader sees it (the privacy
  // layer opens sealed members). decode() applies it; type() and bytes() do
  // not, so a reader that skips by type pays nothing.
  using PayloadFilter = std::function<Status(std::string_view type, std::string* payload)>;

  RecordView(uint64_t position, std::string_view bytes, const PayloadFilter* filter = nullptr)
      : position_(position), bytes_(bytes), filter_(filter) {}

  uint64_t position() const { return position_; }
  std::string_view bytes() const { return bytes_; }
  // The event type, read from the fixed header; empty if the record is corrupt.
  std::string_view type() const;
  // The whole envelope.
  Expected<EventEnvelope> decode() const;

 private:
  uint64_t position_;
  std::string_view bytes_;
  const PayloadFilter* filter_;
};

}  // namespace parley::events
