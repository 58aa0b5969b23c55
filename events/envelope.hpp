// The event envelope (shared/design/architecture.md): what every stored event
// carries besides its JSON payload.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace parley::events {

// An entity's stream: (entity type, entity id). Neither part may be empty or
// contain a NUL byte; both are at most kMaxIdBytes long.
struct StreamId {
  std::string type;
  std::string id;

  std::string to_string() const { return type + "/" + id; }
  friend bool operator==(const StreamId& a, const StreamId& b) {
    return a.type == b.type && a.id == b.id;
  }
};

inline constexpr size_t kMaxIdBytes = 256;
inline constexpr size_t kMaxEventTypeBytes = 128;

// An event as a decider produced it, before the store gives it a place.
struct NewEvent {
  std::string type;             // "conversation.message_received"
  uint32_t schema_version = 1;  // of the payload; upcasters key on (type, version)
  int64_t timestamp_us = 0;     // wall-clock time of the decision, µs since the epoch
  std::string causation_id;     // what caused it, e.g. the platform message id
  std::string payload;          // JSON text
};

// A stored event.
struct EventEnvelope {
  std::string entity_type;
  std::string entity_id;
  uint64_t seq = 0;       // 1, 2, 3 … per stream, without gaps
  uint64_t position = 0;  // global order, 1-based, strictly increasing, never reused
  std::string type;
  uint32_t schema_version = 1;
  int64_t timestamp_us = 0;
  std::string causation_id;
  std::string payload;
};

// expected_seq value that skips the optimistic-concurrency check.
inline constexpr uint64_t kAnySeq = std::numeric_limits<uint64_t>::max();

// Claims `key` in the dedupe set as part of an append. If the key was claimed
// before, the append writes nothing and answers StoreErrc::duplicate with the
// first claim's outcome.
struct DedupeClaim {
  std::string key;
  std::string outcome;
};

// Events for another stream that must land together with the request's own
// (an order placed by a conversation).
struct LinkedAppend {
  StreamId stream;
  uint64_t expected_seq = 0;
  std::vector<NewEvent> events;
};

struct AppendRequest {
  StreamId stream;
  // The seq of the last event the caller has seen (0 for a new stream), or kAnySeq.
  uint64_t expected_seq = 0;
  std::vector<NewEvent> events;
  std::optional<DedupeClaim> dedupe;
  // Written atomically with `events`: all of them or none. Each has its own
  // expected seq; a conflict on any fails the whole request.
  std::vector<LinkedAppend> linked = {};
};

struct AppendResult;  // in event_store.hpp

}  // namespace parley::events
