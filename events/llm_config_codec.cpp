#include "events/llm_config_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/schema_table.hpp"

namespace parley::events::llm_config_codec {

using nlohmann::json;
namespace cfg = domain::llm_config;

namespace {

// value() throws on a member of another type: the table reports Corruption.
template <class E>
struct Schema;
template <>
struct Schema<cfg::AgentConfigured> {
  static constexpr const char* kType = types::kAgentConfigured;
  static json to(const cfg::AgentConfigured& a) {
    return {{"agent", a.agent},
            {"provider", a.setting.provider},
            {"model", a.setting.model},
            {"by", a.by}};
  }
  static cfg::AgentConfigured from(const json& p, const EventEnvelope& env) {
    return {p.value("agent", ""),
            {p.value("provider", ""), p.value("model", "")},
            p.value("by", ""),
            env.timestamp_us};
  }
  static void envelope(const cfg::AgentConfigured& a, NewEvent* out) {
    out->timestamp_us = a.at_us;
  }
};
template <>
struct Schema<cfg::PromptChanged> {
  static constexpr const char* kType = types::kPromptChanged;
  static json to(const cfg::PromptChanged& c) {
    return {{"slug", c.slug}, {"text", c.text}, {"by", c.by}};
  }
  static cfg::PromptChanged from(const json& p, const EventEnvelope& env) {
    return {p.value("slug", ""), p.value("text", ""), p.value("by", ""), env.timestamp_us};
  }
  static void envelope(const cfg::PromptChanged& c, NewEvent* out) { out->timestamp_us = c.at_us; }
};
using Table = SchemaTable<cfg::Event, Schema>;

}  // namespace

NewEvent encode(const cfg::Event& event) {
  return Table::encode(event);
}

Expected<cfg::Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "an llm_config");
}

}  // namespace parley::events::llm_config_codec
