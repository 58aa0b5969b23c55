// The shop's language-model configuration: which provider and model each
// agent uses, and the prompt overrides by slug. One stream ("llm_config",
// "shop"); every change is an event, so the configuration has a history.
// Decider: decide(state, command) -> events | error; evolve(state, event).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace parley::domain::llm_config {

inline constexpr const char* kEntityType = "llm_config";
inline constexpr const char* kShop = "shop";
inline constexpr size_t kMaxPromptBytes = 16 * 1024;
inline constexpr size_t kMaxModelBytes = 128;

// responder: answers shoppers with the shop tools; extractor: reads
// structured fields from text (and rewrites a search that found nothing);
// media: reads shoppers' photos and writes down their voice notes.
const std::vector<std::string>& agents();
// offline (no model: the rules and lexicons), then the providers'
// presets (llm/provider.hpp, whose table a test keeps these names equal to):
// openai, anthropic, gemini; xai, openrouter, groq (OpenAI-compatible,
// hosted); ollama, llamacpp (OpenAI-compatible, local servers).
const std::vector<std::string>& providers();
// The prompts a shop may override.
const std::vector<std::string>& prompt_slugs();

struct AgentSetting {
  std::string provider;  // one of providers()
  std::string model;     // "" only for offline
  friend bool operator==(const AgentSetting& a, const AgentSetting& b) {
    return a.provider == b.provider && a.model == b.model;
  }
};

// ---- events ---------------------------------------------------------------
struct AgentConfigured {
  std::string agent;
  AgentSetting setting;
  std::string by;
  int64_t at_us = 0;
};
struct PromptChanged {
  std::string slug;
  std::string text;  // "": back to the built-in default
  std::string by;
  int64_t at_us = 0;
};
// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kAgentConfigured = "llm_config.agent_configured";
inline constexpr const char* kPromptChanged = "llm_config.prompt_changed";
}  // namespace types
using Event = std::variant<AgentConfigured, PromptChanged>;

// ---- state ----------------------------------------------------------------
struct State {
  std::map<std::string, AgentSetting> agents;  // configured ones; others use the defaults
  std::map<std::string, std::string> prompts;  // overrides; never empty strings
  uint64_t changes = 0;
};

// ---- commands -------------------------------------------------------------
// Sets the agents named; agents not named keep their setting. A setting
// equal to the current one records nothing.
struct Configure {
  std::map<std::string, AgentSetting> agents;
  std::string by;
  int64_t at_us = 0;
};
struct SetPrompt {
  std::string slug;
  std::string text;  // "": back to the default
  std::string by;
  int64_t at_us = 0;
};
using Command = std::variant<Configure, SetPrompt>;

enum class Error : uint8_t {
  unknown_agent = 1,
  unknown_provider,
  missing_model,   // a model provider without a model name
  invalid_model,   // too long, or control characters
  unknown_prompt,  // not one of prompt_slugs()
  prompt_too_long,
  nothing_to_change,  // Configure with no agents
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::llm_config
