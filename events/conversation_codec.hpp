// Conversation events and state <-> stored form. Event type names and payload
// fields are part of the log's contract (docs/API.md, "Event types"): never change them,
// add a schema version instead.
//
//   conversation.message_received v1
//   {"message_id","channel","user_id","text","platform_message_id"} conversation.message_sent v1
//   {"message_id","channel","user_id","text","in_reply_to"}
//
// The event's time is the envelope timestamp; the causation id (envelope only)
// is the platform message id or the edge's request id (received), or the
// answered message id (sent).
#pragma once

#include <string>
#include <string_view>

#include "domain/conversation.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::conversation_codec {

namespace conv = parley::domain::conversation;

// The stored type names live beside the events (domain/conversation.hpp).
namespace types = parley::domain::conversation::types;
inline constexpr const char* kMessageReceived = types::kMessageReceived;
inline constexpr const char* kMessageSent = types::kMessageSent;
// 3: with nudges; 2: with the shopping journey; 1: messages only. All are read.
inline constexpr uint32_t kStateSchema = 3;

// True for every event type of a conversation's stream.
bool is_conversation_event(std::string_view type);

NewEvent encode(const conv::Event& event);
// Unknown types are NotFound, so a reader can tell "not mine" from corrupt.
Expected<conv::Event> decode(const EventEnvelope& envelope);

std::string encode_state(const conv::State& state);
Expected<conv::State> decode_state(const std::string& bytes, uint32_t schema_version);

// A conversation's stream: what the entity runtime (actors/entity_shell.hpp)
// stores and reads back. The actor's Kind adds its requests and decider.
struct Stream {
  using State = conv::State;
  using Event = conv::Event;
  static constexpr const char* kType = conv::kEntityType;
  static constexpr uint32_t kStateSchema = conversation_codec::kStateSchema;
  static State initial(const std::string& id) { return conv::initial_state(id); }
  static State evolve(State s, const Event& e) { return conv::evolve(std::move(s), e); }
  static NewEvent encode(const Event& e) { return conversation_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return conversation_codec::decode(e); }
  static std::string encode_state(const State& s) { return conversation_codec::encode_state(s); }
  static Expected<State> decode_state(const std::string& b, uint32_t v) {
    return conversation_codec::decode_state(b, v);
  }
};

}  // namespace parley::events::conversation_codec
