// The shop's language-model settings as they are now: each agent's provider
// and model (configured, else the defaults from the environment) and each
// prompt (override, else the built-in text). Changes are commands on the
// ("llm_config", "shop") stream (events/stream_command.hpp); the settings are
// updated from what was appended before a change returns, so the next turn
// uses them. Thread-safe. Changes and history() block on the log: call from
// HTTP threads.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/llm_config.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"

namespace parley::assistant {

struct LlmDefaults {
  std::string provider = "offline";  // PARLEY_LLM
  std::string model;                 // PARLEY_LLM_MODEL; "" = the provider's default model
  std::set<std::string> available;   // providers with a key or a base URL set; local servers
};

// The model a provider's agents use unless configured otherwise.
std::string default_model(const std::string& provider);

struct SettingsError {
  int status = 0;  // HTTP status; 0 = none
  std::string code;
  std::string message;
};

struct PromptVersion {
  std::string text;  // "": the default
  std::string by;
  int64_t at_us = 0;
};

class LlmSettings {
 public:
  LlmSettings(events::EventStore& store, events::GroupCommitWriter& writer, LlmDefaults defaults);

  events::Status load();

  domain::llm_config::AgentSetting agent(const std::string& name) const;
  bool configured(const std::string& agent) const;  // set by an event, not a default
  std::string prompt(const std::string& slug) const;
  bool overridden(const std::string& slug) const;
  uint64_t changes() const;
  const LlmDefaults& defaults() const { return defaults_; }

  SettingsError configure(const std::map<std::string, domain::llm_config::AgentSetting>& agents,
                          const std::string& by, int64_t at_us);
  SettingsError set_prompt(const std::string& slug, const std::string& text, const std::string& by,
                           int64_t at_us);
  // Every change of the prompt, oldest first.
  std::vector<PromptVersion> history(const std::string& slug) const;

 private:
  SettingsError reload();

  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  LlmDefaults defaults_;
  mutable std::mutex mu_;
  domain::llm_config::State state_;
};

}  // namespace parley::assistant
