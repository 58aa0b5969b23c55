// The delivery of one outbound message: the stream ("delivery", <message id>)
// beside the conversation (or notification) that decided the message. The
// outbox sender is its only writer. A message may go out in several parts
// (a long text split at the platform's limit, then one part per photo); each
// part sent is recorded before the next is attempted, so after a crash only
// the parts not recorded are sent again.
//
// Decider: decide(state, command) -> events | error; evolve(state, event).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "domain/conversation.hpp"
#include "domain/result.hpp"

namespace parley::domain::delivery {

inline constexpr const char* kEntityType = "delivery";
inline constexpr const char* kNotificationType = "notification";

// A message for a person that is not the answer in a shopper's conversation:
// a manager's alert, a sales rep's reminder. Stream ("notification", id).
struct NotificationQueued {
  std::string id;
  std::string channel;    // the platform to send on
  std::string recipient;  // the platform's user id (a phone number for WhatsApp)
  std::string text;
  std::string reason;  // "handoff", "shopper_message" …
  int64_t at_us = 0;
};

// ---- events of the delivery stream ----------------------------------------
struct PartSent {
  uint32_t part = 0;   // 0-based
  uint32_t parts = 1;  // how many the message was split into
  std::string platform_message_id;
  uint32_t attempts = 1;
  int64_t at_us = 0;
};
// Given up after the attempts allowed or a permanent refusal; visible through the API.
struct DeadLettered {
  uint32_t part = 0;
  uint32_t attempts = 0;
  std::string error;
  int64_t at_us = 0;
};
// A person asked to try a dead-lettered message again.
struct RetryRequested {
  std::string by;
  int64_t at_us = 0;
};
// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kPartSent = "delivery.part_sent";
inline constexpr const char* kDeadLettered = "delivery.dead_lettered";
inline constexpr const char* kRetryRequested = "delivery.retry_requested";
}  // namespace types
using Event = std::variant<PartSent, DeadLettered, RetryRequested>;

struct State {
  uint32_t parts_done = 0;
  uint32_t parts = 0;  // 0 until the first part is recorded
  bool dead = false;
  std::string last_error;
  std::vector<std::string> platform_message_ids;
  uint64_t version = 0;  // events in the stream

  bool delivered() const { return parts > 0 && parts_done == parts; }
};

// ---- commands -------------------------------------------------------------
struct RecordPartSent {
  uint32_t part = 0;
  uint32_t parts = 1;
  std::string platform_message_id;
  uint32_t attempts = 1;
  int64_t at_us = 0;
};
struct DeadLetter {
  uint32_t attempts = 0;
  std::string error;
  int64_t at_us = 0;
};
struct RequestRetry {
  std::string by;
  int64_t at_us = 0;
};
using Command = std::variant<RecordPartSent, DeadLetter, RequestRetry>;

enum class Error : uint8_t {
  already_delivered = 1,  // every part is recorded
  wrong_part,             // not the next part, or a different part count
  dead,                   // dead-lettered: only a retry request revives it
  not_dead,               // a retry of a message that is not dead-lettered
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::delivery
