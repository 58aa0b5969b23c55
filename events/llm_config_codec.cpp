#include "events/llm_config_codec.hpp"

#include <nlohmann/json.hpp>

namespace parley::events::llm_config_codec {

using nlohmann::json;
namespace cfg = domain::llm_config;

NewEvent encode(const cfg::Event& event) {
  NewEvent out;
  json p;
  if (const auto* a = std::get_if<cfg::AgentConfigured>(&event)) {
    out.type = kAgentConfigured;
    out.timestamp_us = a->at_us;
    p = {{"agent", a->agent},
         {"provider", a->setting.provider},
         {"model", a->setting.model},
         {"by", a->by}};
  } else {
    const auto& c = std::get<cfg::PromptChanged>(event);
    out.type = kPromptChanged;
    out.timestamp_us = c.at_us;
    p = {{"slug", c.slug}, {"text", c.text}, {"by", c.by}};
  }
  out.payload = p.dump(-1, ' ', false, json::error_handler_t::replace);
  return out;
}

Expected<cfg::Event> decode(const EventEnvelope& env) {
  if (env.type != kAgentConfigured && env.type != kPromptChanged)
    return Status::NotFound("not an llm_config event: " + env.type);
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
  try {  // value() throws on a member of another type
    if (env.type == kAgentConfigured)
      return cfg::Event{cfg::AgentConfigured{p.value("agent", ""),
                                             {p.value("provider", ""), p.value("model", "")},
                                             p.value("by", ""),
                                             env.timestamp_us}};
    return cfg::Event{cfg::PromptChanged{p.value("slug", ""), p.value("text", ""),
                                         p.value("by", ""), env.timestamp_us}};
  } catch (const json::exception& ex) {
    return Status::Corruption("payload of " + env.type + ": " + ex.what());
  }
}

}  // namespace parley::events::llm_config_codec
