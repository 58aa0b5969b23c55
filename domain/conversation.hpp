// The conversation entity: one shopper (or team member) on one channel.
// Decider: decide(state, command) -> events | error; evolve(state, event) -> state.
// Pure: time and ids arrive in the commands; nothing here touches I/O.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace parley::domain::conversation {

inline constexpr const char* kEntityType = "conversation";
inline constexpr size_t kMaxTextBytes = 16 * 1024;

// The conversation of `user_id` on `channel`: "<channel>:<user_id>".
std::string conversation_id(const std::string& channel, const std::string& user_id);

// ---- events -------------------------------------------------------------
struct MessageReceived {
  std::string message_id;  // "<conversation id>#<n>", n counts all messages
  std::string channel;
  std::string user_id;
  std::string text;
  std::string platform_message_id;  // the platform's id; empty when there is none
  std::string causation_id;         // the platform id, or the edge's request id
  int64_t at_us = 0;
};
struct MessageSent {
  std::string message_id;
  std::string channel;
  std::string user_id;
  std::string text;
  std::string in_reply_to;  // the received message it answers; empty if proactive
  int64_t at_us = 0;
};
using Event = std::variant<MessageReceived, MessageSent>;

// ---- state --------------------------------------------------------------
struct State {
  std::string id;
  std::string channel;  // fixed by the first message
  std::string user_id;
  uint64_t received = 0;
  uint64_t sent = 0;
  int64_t last_received_at_us = 0;
  int64_t last_sent_at_us = 0;
  std::string last_received_id;

  bool started() const { return received + sent > 0; }
  friend bool operator==(const State& a, const State& b);
};
State initial_state(std::string id);

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool valid_utf8(const std::string& s);

// ---- commands -----------------------------------------------------------
struct ReceiveMessage {
  std::string channel;
  std::string user_id;
  std::string text;
  std::string platform_message_id;
  std::string causation_id;
  int64_t at_us = 0;
};
struct SendMessage {
  std::string text;
  std::string in_reply_to;
  int64_t at_us = 0;
};
using Command = std::variant<ReceiveMessage, SendMessage>;

enum class Error : uint8_t {
  empty_text = 1,   // nothing but white space
  text_too_long,    // over kMaxTextBytes
  invalid_text,     // not valid UTF-8
  missing_sender,   // channel or user id empty
  sender_mismatch,  // a message from another channel/user than the conversation's
  not_started,      // an outbound message before any inbound one: no recipient known
};
const char* to_string(Error e);

Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::conversation
