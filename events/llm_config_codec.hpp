// LLM configuration events <-> stored form (stream ("llm_config", "shop")).
//   llm_config.agent_configured v1 {"agent","provider","model","by"}
//   llm_config.prompt_changed v1   {"slug","text","by"}   text "": the default again
// The event's time is the envelope timestamp.
#pragma once

#include "domain/llm_config.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::llm_config_codec {

// The stored type names live beside the events (domain/llm_config.hpp).
namespace types = parley::domain::llm_config::types;

NewEvent encode(const domain::llm_config::Event& event);
Expected<domain::llm_config::Event> decode(const EventEnvelope& envelope);

// The shop's LLM configuration as one stream (events/stream_command.hpp).
struct Stream {
  using State = domain::llm_config::State;
  using Event = domain::llm_config::Event;
  using Command = domain::llm_config::Command;
  using Error = domain::llm_config::Error;
  static constexpr const char* kType = domain::llm_config::kEntityType;
  static State initial(const std::string&) { return {}; }
  static auto decide(const State& s, const Command& c) { return domain::llm_config::decide(s, c); }
  static State evolve(State s, const Event& e) {
    return domain::llm_config::evolve(std::move(s), e);
  }
  static NewEvent encode(const Event& e) { return llm_config_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return llm_config_codec::decode(e); }
  static const char* error_name(Error e) { return domain::llm_config::to_string(e); }
};

}  // namespace parley::events::llm_config_codec
