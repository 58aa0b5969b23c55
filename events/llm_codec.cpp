#include "events/llm_codec.hpp"

#include <nlohmann/json.hpp>
#include <variant>

#include "events/json_int.hpp"
#include "events/schema_table.hpp"

namespace parley::events::llm_codec {

using nlohmann::json;
namespace usage = domain::llm_usage;

namespace {

// value() throws on a member of another type: the table reports Corruption.
template <class E>
struct Schema;
template <>
struct Schema<usage::Call> {
  static constexpr const char* kType = types::kUsage;
  static json to(const usage::Call& c) {
    return {{"provider", c.provider},
            {"model", c.model},
            {"agent", c.agent},
            {"conversation_id", c.conversation_id},
            {"input_tokens", c.input_tokens},
            {"output_tokens", c.output_tokens},
            {"latency_ms", c.latency_ms},
            {"attempts", c.attempts},
            {"outcome", c.outcome}};
  }
  static usage::Call from(const json& j, const EventEnvelope& env) {
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
  }
  static void envelope(const usage::Call& c, NewEvent* out) { out->timestamp_us = c.at_us; }
};
template <>
struct Schema<usage::Fallback> {
  static constexpr const char* kType = types::kFallback;
  static json to(const usage::Fallback& f) {
    return {{"conversation_id", f.conversation_id},
            {"provider", f.provider},
            {"model", f.model},
            {"reason", f.reason},
            {"detail", f.detail}};
  }
  static usage::Fallback from(const json& j, const EventEnvelope& env) {
    return {j.value("conversation_id", ""), j.value("provider", ""), j.value("model", ""),
            j.value("reason", ""),          j.value("detail", ""),   env.timestamp_us};
  }
  static void envelope(const usage::Fallback& f, NewEvent* out) { out->timestamp_us = f.at_us; }
};
// The two events of a model's turn stream.
using Table = SchemaTable<std::variant<usage::Call, usage::Fallback>, Schema>;

template <class E>
Expected<E> decode_one(const EventEnvelope& env) {
  if (env.type != Schema<E>::kType)
    return Status::NotFound(std::string("not ") + Schema<E>::kType + ": " + env.type);
  auto decoded = Table::decode(env, "an llm");
  if (!decoded.ok()) return decoded.status();
  return std::get<E>(*decoded);
}

NewEvent caused(NewEvent e, const std::string& causation_id) {
  e.causation_id = causation_id;
  return e;
}

}  // namespace

NewEvent encode(const usage::Call& c, const std::string& causation_id) {
  return caused(Table::encode(c), causation_id);
}

NewEvent encode(const usage::Fallback& f, const std::string& causation_id) {
  return caused(Table::encode(f), causation_id);
}

Expected<usage::Call> decode_call(const EventEnvelope& env) {
  return decode_one<usage::Call>(env);
}

Expected<usage::Fallback> decode_fallback(const EventEnvelope& env) {
  return decode_one<usage::Fallback>(env);
}

}  // namespace parley::events::llm_codec
