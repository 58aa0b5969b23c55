// Turns a batch of append requests into the exact writes both store
// implementations persist: seqs and positions assigned, conflicts and
// duplicates rejected per request, records encoded. Pure: the caller supplies
// the current heads and dedupe claims and applies the plan atomically.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "events/event_store.hpp"

namespace parley::events {

struct PlannedWrite {
  struct Event {
    std::string stream_key;  // keys::stream_key
    uint64_t position;
    std::string record;  // encode_record
  };
  std::vector<Event> events;
  std::vector<std::pair<std::string, std::string>> dedupe;  // key -> outcome
  std::unordered_map<std::string, uint64_t> new_heads;      // stream prefix -> seq
  uint64_t last_position = 0;
};

struct PlanLookups {
  // The durable head of a stream (0 if empty), keyed by keys::stream_prefix.
  std::function<Expected<uint64_t>(const std::string& prefix, const StreamId&)> head;
  // Whether `key` was claimed before (NotFound if not).
  std::function<Expected<std::string>(const std::string& key)> dedupe;
};

// Plans `requests` on top of a log whose last position is `last_position`.
// Returns one result per request; successful ones have their events in `plan`.
std::vector<AppendResult> plan_batch(const std::vector<AppendRequest>& requests,
                                     uint64_t last_position, const PlanLookups& lookups,
                                     PlannedWrite* plan);

}  // namespace parley::events
