// A Message Master follow-up sequence: stream ("sequence", <name>). The admin
// edits it; a finished demo turns it into one timed follow-up per step on the
// lead (domain/lead.hpp). Each save replaces the steps; leads already
// scheduled keep the steps they were given.
//
// Decider: decide(state, command) -> events | error; evolve(state, event).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace parley::domain::sequence {

inline constexpr const char* kEntityType = "sequence";
// The sequence "Demo done" schedules.
inline constexpr const char* kDemoFollowUp = "demo_follow_up";

struct Step {
  uint32_t day = 1;  // days after the demo; the step falls due at the sequence's send time
  std::string text;  // what the assignee forwards to the client, exactly
  std::string attachment_url;
};

struct Saved {
  std::vector<Step> steps;
  std::string send_time = "10:00";  // local time of day, HH:MM
  std::string by;
  int64_t at_us = 0;
};
// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kSequenceSaved = "sequence.saved";
}  // namespace types
using Event = std::variant<Saved>;

struct State {
  std::string name;
  bool exists = false;
  std::vector<Step> steps;
  std::string send_time = "10:00";
  int64_t updated_us = 0;
  std::string updated_by;
  uint64_t version = 0;
};

struct Save {
  std::vector<Step> steps;
  std::string send_time = "10:00";
  std::string by;
  int64_t at_us = 0;
};
using Command = std::variant<Save>;

enum class Error : uint8_t {
  invalid_name = 1,   // 2-40 of a-z 0-9 _ -
  too_many_steps,     // more than 20
  invalid_day,        // beyond 365
  empty_text,         // a step without text
  invalid_url,        // an attachment that is not http(s)
  invalid_send_time,  // not HH:MM
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

State initial_state(const std::string& name);
Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

// The sequence a shop starts with, until an admin saves its own.
State default_demo_follow_up();
// "10:30" -> 630 minutes after midnight; -1 if malformed.
int minutes_of_day(const std::string& hhmm);

}  // namespace parley::domain::sequence
