#include "assistant/llm_settings.hpp"

#include "assistant/prompts.hpp"
#include "events/llm_config_codec.hpp"
#include "events/stream_command.hpp"
#include "llm/provider.hpp"

namespace parley::assistant {

namespace cfg = domain::llm_config;

namespace {

using ConfigKind = events::llm_config_codec::Stream;

const char* error_message(cfg::Error e) {
  switch (e) {
    case cfg::Error::unknown_agent:
      return "unknown agent; the agents are responder and extractor";
    case cfg::Error::unknown_provider:
      return "unknown provider; use offline, openai, anthropic, gemini, xai, openrouter, groq, "
             "ollama or llamacpp";
    case cfg::Error::missing_model:
      return "a model is required for this provider";
    case cfg::Error::invalid_model:
      return "the model name is too long or has control characters";
    case cfg::Error::unknown_prompt:
      return "unknown prompt slug";
    case cfg::Error::prompt_too_long:
      return "the prompt is longer than 16384 bytes";
    case cfg::Error::nothing_to_change:
      return "no agents given";
  }
  return "refused";
}

template <class Outcome>
SettingsError failure(const Outcome& out) {
  if (out.storage_failed()) return {503, "storage_unavailable", out.message};
  if (!out.refused) return {500, "internal", "refused without a reason"};
  const std::string code = cfg::to_string(*out.refused);
  if (*out.refused == cfg::Error::unknown_prompt) return {404, code, "no prompt with this slug"};
  return {422, code, error_message(*out.refused)};
}

}  // namespace

std::string default_model(const std::string& provider) {
  const llm::ProviderPreset* p = llm::find_preset(provider);
  return p ? p->default_model : "";
}

LlmSettings::LlmSettings(events::EventStore& store, events::GroupCommitWriter& writer,
                         LlmDefaults defaults)
    : store_(store), writer_(writer), defaults_(std::move(defaults)) {}

// Read back from the log after a change: concurrent changes land in log order.
SettingsError LlmSettings::reload() {
  auto st = load();
  if (!st.ok()) return {503, "storage_unavailable", st.to_string()};
  return {};
}

events::Status LlmSettings::load() {
  auto loaded = events::load_stream<ConfigKind>(store_, cfg::kShop);
  if (!loaded.status.ok()) return loaded.status;
  std::lock_guard lock(mu_);
  state_ = std::move(loaded.state);
  return events::Status::Ok();
}

cfg::AgentSetting LlmSettings::agent(const std::string& name) const {
  {
    std::lock_guard lock(mu_);
    auto it = state_.agents.find(name);
    if (it != state_.agents.end()) return it->second;
  }
  const std::string& p = defaults_.provider;
  if (p == "offline") return {"offline", ""};
  return {p, defaults_.model.empty() ? default_model(p) : defaults_.model};
}

bool LlmSettings::configured(const std::string& agent) const {
  std::lock_guard lock(mu_);
  return state_.agents.count(agent) > 0;
}

std::string LlmSettings::prompt(const std::string& slug) const {
  {
    std::lock_guard lock(mu_);
    auto it = state_.prompts.find(slug);
    if (it != state_.prompts.end()) return it->second;
  }
  const PromptInfo* p = find_prompt(slug);
  return p ? p->default_text : "";
}

bool LlmSettings::overridden(const std::string& slug) const {
  std::lock_guard lock(mu_);
  return state_.prompts.count(slug) > 0;
}

uint64_t LlmSettings::changes() const {
  std::lock_guard lock(mu_);
  return state_.changes;
}

SettingsError LlmSettings::configure(const std::map<std::string, cfg::AgentSetting>& agents,
                                     const std::string& by, int64_t at_us) {
  for (const auto& [agent, s] : agents)
    if (s.provider != "offline" && defaults_.available.count(s.provider) == 0 &&
        std::find(cfg::providers().begin(), cfg::providers().end(), s.provider) !=
            cfg::providers().end())
      return {422, "provider_not_configured",
              s.provider + " has no API key or base URL in this server's settings"};
  auto out = events::run_command<ConfigKind>(store_, writer_, cfg::kShop,
                                             cfg::Configure{agents, by, at_us});
  if (!out.ok) return failure(out);
  return reload();
}

SettingsError LlmSettings::set_prompt(const std::string& slug, const std::string& text,
                                      const std::string& by, int64_t at_us) {
  auto out = events::run_command<ConfigKind>(store_, writer_, cfg::kShop,
                                             cfg::SetPrompt{slug, text, by, at_us});
  if (!out.ok) return failure(out);
  return reload();
}

std::vector<PromptVersion> LlmSettings::history(const std::string& slug) const {
  std::vector<events::EventEnvelope> envs;
  std::vector<PromptVersion> out;
  if (!store_.read_stream({cfg::kEntityType, cfg::kShop}, 1, SIZE_MAX, &envs).ok()) return out;
  for (const auto& env : envs) {
    auto e = events::llm_config_codec::decode(env);
    if (!e.ok()) continue;
    if (const auto* p = std::get_if<cfg::PromptChanged>(&*e); p && p->slug == slug)
      out.push_back({p->text, p->by, p->at_us});
  }
  return out;
}

}  // namespace parley::assistant
