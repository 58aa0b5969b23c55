// LLM configuration events <-> stored form (stream ("llm_config", "shop")).
//   llm_config.agent_configured v1 {"agent","provider","model","by"}
//   llm_config.prompt_changed v1   {"slug","text","by"}   text "": the default again
// The event's time is the envelope timestamp.
#pragma once

#include "domain/llm_config.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::llm_config_codec {

inline constexpr const char* kAgentConfigured = "llm_config.agent_configured";
inline constexpr const char* kPromptChanged = "llm_config.prompt_changed";

NewEvent encode(const domain::llm_config::Event& event);
Expected<domain::llm_config::Event> decode(const EventEnvelope& envelope);

}  // namespace parley::events::llm_config_codec
