// The offline brain's persona: its event <-> stored form (docs/API.md,
// "Event types"), and a persona's JSON for the API.
//
//   persona.saved v1 {"name","tone","sign_off","by"}
// The language is the stream's id; the time is the envelope's timestamp.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "domain/persona.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::persona_codec {

// The stored type names live beside the events (domain/persona.hpp).
namespace types = parley::domain::persona::types;
namespace persona = parley::domain::persona;

// True for the event types this codec reads (a projection's skip test).
bool is_persona_event(std::string_view type);

NewEvent encode(const persona::Event& event);
// The language is the envelope's entity id, the time the envelope's.
Expected<persona::Event> decode(const EventEnvelope& envelope);

// {"language","name","tone","sign_off","saved_at"}: saved_at is RFC 3339
// UTC, or null for the built-in voice never saved (who saved it is not in it).
nlohmann::json persona_to_json(const std::string& language, const persona::State& state);
// Reads the API's body: optional "name", "tone" (friendly or formal) and
// "sign_off"; a missing one is the built-in's ("" or friendly). Errors name
// the field; the rules (lengths, UTF-8, control characters) are the decider's.
Expected<persona::Persona> persona_from_json(const nlohmann::json& j);

// A language's persona stream for events/stream_command.hpp: the domain and this codec together.
struct Stream {
  using State = persona::State;
  using Event = persona::Event;
  using Command = persona::Command;
  using Error = persona::Error;
  static constexpr const char* kType = persona::kEntityType;
  static State initial(const std::string& language) { return persona::initial_state(language); }
  static auto decide(const State& s, const Command& c) { return persona::decide(s, c); }
  static State evolve(State s, const Event& e) { return persona::evolve(std::move(s), e); }
  static NewEvent encode(const Event& e) { return persona_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return persona_codec::decode(e); }
  static const char* error_name(Error e) { return persona::to_string(e); }
};

}  // namespace parley::events::persona_codec
