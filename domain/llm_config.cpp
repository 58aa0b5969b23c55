#include "domain/llm_config.hpp"

#include "domain/overloaded.hpp"

#include <algorithm>

namespace parley::domain::llm_config {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool valid_model(const std::string& m) {
  if (m.size() > kMaxModelBytes) return false;
  return std::none_of(m.begin(), m.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

}  // namespace

const std::vector<std::string>& agents() {
  static const std::vector<std::string> v = {"responder", "extractor", "media"};
  return v;
}
const std::vector<std::string>& providers() {
  static const std::vector<std::string> v = {"offline",    "openai", "anthropic", "gemini",  "xai",
                                             "openrouter", "groq",   "ollama",    "llamacpp"};
  return v;
}
const std::vector<std::string>& prompt_slugs() {
  static const std::vector<std::string> v = {"responder", "extractor", "search_rewrite",
                                             "describe_photo", "transcribe_voice"};
  return v;
}

const char* to_string(Error e) {
  switch (e) {
    case Error::unknown_agent:
      return "unknown_agent";
    case Error::unknown_provider:
      return "unknown_provider";
    case Error::missing_model:
      return "missing_model";
    case Error::invalid_model:
      return "invalid_model";
    case Error::unknown_prompt:
      return "unknown_prompt";
    case Error::prompt_too_long:
      return "prompt_too_long";
    case Error::nothing_to_change:
      return "nothing_to_change";
  }
  return "unknown";
}

Result<std::vector<Event>, Error> decide(const State& s, const Command& command) {
  using Events = Result<std::vector<Event>, Error>;
  return std::visit(
      overloaded{[&](const Configure& c) -> Events {
                   if (c.agents.empty()) return fail(Error::nothing_to_change);
                   for (const auto& [agent, setting] : c.agents) {
                     if (!contains(agents(), agent)) return fail(Error::unknown_agent);
                     if (!contains(providers(), setting.provider))
                       return fail(Error::unknown_provider);
                     if (setting.provider != "offline" && setting.model.empty())
                       return fail(Error::missing_model);
                     if (!valid_model(setting.model)) return fail(Error::invalid_model);
                   }
                   std::vector<Event> out;
                   for (const auto& [agent, setting] : c.agents) {
                     AgentSetting want = setting;
                     if (want.provider == "offline") want.model.clear();
                     auto it = s.agents.find(agent);
                     if (it != s.agents.end() && it->second == want) continue;
                     out.push_back(AgentConfigured{agent, want, c.by, c.at_us});
                   }
                   return out;
                 },
                 [&](const SetPrompt& p) -> Events {
                   if (!contains(prompt_slugs(), p.slug)) return fail(Error::unknown_prompt);
                   if (p.text.size() > kMaxPromptBytes) return fail(Error::prompt_too_long);
                   auto it = s.prompts.find(p.slug);
                   const std::string current = it == s.prompts.end() ? "" : it->second;
                   if (current == p.text) return std::vector<Event>{};
                   return std::vector<Event>{PromptChanged{p.slug, p.text, p.by, p.at_us}};
                 }},
      command);
}

State evolve(State s, const Event& e) {
  ++s.changes;
  std::visit(overloaded{[&](const AgentConfigured& a) { s.agents[a.agent] = a.setting; },
                        [&](const PromptChanged& p) {
                          if (p.text.empty())
                            s.prompts.erase(p.slug);
                          else
                            s.prompts[p.slug] = p.text;
                        }},
             e);
  return s;
}

}  // namespace parley::domain::llm_config
