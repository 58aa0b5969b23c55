// JSON codec of the envelope, as the API and tools show it:
//   {"entity_type","entity_id","seq","position","type","schema_version",
//    "timestamp":"2026-11-22T10:00:00.123456Z","causation_id","payload":{…}}
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events {

nlohmann::json to_json(const EventEnvelope& e);

// RFC 3339 UTC with microseconds; and back (accepts 'Z' or no fraction).
std::string format_timestamp(int64_t micros_since_epoch);
// The UTC time in a strftime format ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ" …),
// to the second (up to 63 bytes).
std::string format_utc(int64_t micros_since_epoch, const char* strftime_format);
bool parse_timestamp(const std::string& text, int64_t* micros_since_epoch);

}  // namespace parley::events
