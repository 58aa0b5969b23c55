// A new event as a reader gets it back from the log: the first of its
// stream, on the given stream, with the event's own type, time and payload.
#pragma once

#include <string>

#include "events/envelope.hpp"

namespace parley::events::testing {

inline EventEnvelope stored_as(const NewEvent& e, const std::string& entity_type,
                               const std::string& entity_id) {
  EventEnvelope env;
  env.entity_type = entity_type;
  env.entity_id = entity_id;
  env.seq = 1;
  env.position = 1;
  env.type = e.type;
  env.timestamp_us = e.timestamp_us;
  env.payload = e.payload;
  return env;
}

}  // namespace parley::events::testing
