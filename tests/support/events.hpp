// Builders for events and append requests in tests.
#pragma once

#include <string>
#include <vector>

#include "events/event_store.hpp"

namespace parley::testing {

inline events::NewEvent ev(std::string type, std::string payload = "{}", int64_t ts = 1000) {
  events::NewEvent e;
  e.type = std::move(type);
  e.payload = std::move(payload);
  e.timestamp_us = ts;
  return e;
}

inline events::AppendRequest req(std::string type, std::string id, uint64_t expected,
                                 std::vector<events::NewEvent> evs) {
  return events::AppendRequest{{std::move(type), std::move(id)}, expected, std::move(evs), {}};
}

}  // namespace parley::testing
