// Knowledge documents' events <-> stored form (docs/API.md, "Event types").
//
//   knowledge.document_uploaded v1 {"title","format","language","purpose","stage","body","by"}
//   knowledge.document_replaced v1 (the same)
//   knowledge.document_removed  v1 {"by"}
// Each carries its own time (the envelope's timestamp).
#pragma once

#include "domain/knowledge_document.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::knowledge_codec {

// The stored type names live beside the events (domain/knowledge_document.hpp).
namespace types = parley::domain::knowledge::types;
namespace knowledge = parley::domain::knowledge;

// True for the event types this codec reads (a projection's skip test).
bool is_knowledge_event(std::string_view type);

NewEvent encode(const knowledge::Event& event);
Expected<knowledge::Event> decode(const EventEnvelope& envelope);

// A document's stream for events/stream_command.hpp: the domain and this codec together.
struct Stream {
  using State = knowledge::State;
  using Event = knowledge::Event;
  using Command = knowledge::Command;
  using Error = knowledge::Error;
  static constexpr const char* kType = knowledge::kEntityType;
  static State initial(const std::string&) { return {}; }
  static auto decide(const State& s, const Command& c) { return knowledge::decide(s, c); }
  static State evolve(State s, const Event& e) { return knowledge::evolve(std::move(s), e); }
  static NewEvent encode(const Event& e) { return knowledge_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return knowledge_codec::decode(e); }
  static const char* error_name(Error e) { return knowledge::to_string(e); }
};

}  // namespace parley::events::knowledge_codec
