#include "events/llm_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/json_int.hpp"

namespace parley::events::llm_codec {

using nlohmann::json;
namespace usage = domain::llm_usage;

namespace {

NewEvent event(const char* type, int64_t at_us, const std::string& causation, const json& j) {
  NewEvent e;
  e.type = type;
  e.timestamp_us = at_us;
  e.causation_id = causation;
  e.payload = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return e;
}

Expected<json> payload(const EventEnvelope& env, const char* type) {
  if (env.type != type) return Status::NotFound(std::string("not ") + type + ": " + env.type);
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object())
    return Status::Corruption(std::string("payload of ") + type + " is not an object");
  return p;
}

}  // namespace

NewEvent encode(const usage::Call& c, const std::string& causation_id) {
  return event(kUsage, c.at_us, causation_id,
               {{"provider", c.provider},
                {"model", c.model},
                {"agent", c.agent},
                {"conversation_id", c.conversation_id},
                {"input_tokens", c.input_tokens},
                {"output_tokens", c.output_tokens},
                {"latency_ms", c.latency_ms},
                {"attempts", c.attempts},
                {"outcome", c.outcome}});
}

NewEvent encode(const usage::Fallback& f, const std::string& causation_id) {
  return event(kFallback, f.at_us, causation_id,
               {{"conversation_id", f.conversation_id},
                {"provider", f.provider},
                {"model", f.model},
                {"reason", f.reason},
                {"detail", f.detail}});
}

Expected<usage::Call> decode_call(const EventEnvelope& env) {
  auto p = payload(env, kUsage);
  if (!p.ok()) return p.status();
  const json& j = *p;
  try {  // value() throws on a member of another type
    usage::Call c;
    c.provider = j.value("provider", "");
    c.model = j.value("model", "");
    c.agent = j.value("agent", "");
    c.conversation_id = j.value("conversation_id", "");
    c.input_tokens = integer(j, "input_tokens", int64_t{0});
    c.output_tokens = integer(j, "output_tokens", int64_t{0});
    c.latency_ms = integer(j, "latency_ms", int64_t{0});
    c.attempts = integer(j, "attempts", 1);
    c.outcome = j.value("outcome", "ok");
    c.at_us = env.timestamp_us;
    return c;
  } catch (const json::exception& ex) {
    return Status::Corruption(std::string("payload of ") + kUsage + ": " + ex.what());
  }
}

Expected<usage::Fallback> decode_fallback(const EventEnvelope& env) {
  auto p = payload(env, kFallback);
  if (!p.ok()) return p.status();
  const json& j = *p;
  try {
    return usage::Fallback{j.value("conversation_id", ""), j.value("provider", ""),
                           j.value("model", ""),           j.value("reason", ""),
                           j.value("detail", ""),          env.timestamp_us};
  } catch (const json::exception& ex) {
    return Status::Corruption(std::string("payload of ") + kFallback + ": " + ex.what());
  }
}

}  // namespace parley::events::llm_codec
