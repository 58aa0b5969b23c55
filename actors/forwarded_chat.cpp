#include "actors/forwarded_chat.hpp"

#include <nlohmann/json.hpp>

namespace parley::actors {
namespace {

using nlohmann::json;

constexpr auto kReplace = json::error_handler_t::replace;

json media_json(const brain::MediaReading& m) {
  json calls = json::array();
  for (const auto& c : m.calls)
    calls.push_back({{"provider", c.provider},
                     {"model", c.model},
                     {"agent", c.agent},
                     {"conversation_id", c.conversation_id},
                     {"input_tokens", c.input_tokens},
                     {"output_tokens", c.output_tokens},
                     {"latency_ms", c.latency_ms},
                     {"attempts", c.attempts},
                     {"outcome", c.outcome},
                     {"at_us", c.at_us}});
  return {{"kind", m.kind},         {"stored", m.stored}, {"mime", m.mime},
          {"bytes", m.bytes},       {"text", m.text},     {"error", m.error},
          {"provider", m.provider}, {"model", m.model},   {"calls", calls}};
}

brain::MediaReading media_of(const json& j) {
  brain::MediaReading m;
  j.at("kind").get_to(m.kind);
  j.at("stored").get_to(m.stored);
  j.at("mime").get_to(m.mime);
  j.at("bytes").get_to(m.bytes);
  j.at("text").get_to(m.text);
  j.at("error").get_to(m.error);
  j.at("provider").get_to(m.provider);
  j.at("model").get_to(m.model);
  for (const auto& c : j.at("calls")) {
    domain::llm_usage::Call call;
    c.at("provider").get_to(call.provider);
    c.at("model").get_to(call.model);
    c.at("agent").get_to(call.agent);
    c.at("conversation_id").get_to(call.conversation_id);
    c.at("input_tokens").get_to(call.input_tokens);
    c.at("output_tokens").get_to(call.output_tokens);
    c.at("latency_ms").get_to(call.latency_ms);
    c.at("attempts").get_to(call.attempts);
    c.at("outcome").get_to(call.outcome);
    c.at("at_us").get_to(call.at_us);
    m.calls.push_back(std::move(call));
  }
  return m;
}

}  // namespace

std::string encode_forwarded_turn(const ChatTurn& t, int64_t timeout_ms) {
  json j = {{"channel", t.channel},
            {"user_id", t.user_id},
            {"text", t.text},
            {"platform_message_id", t.platform_message_id},
            {"kind", t.kind},
            {"attachment", t.attachment},
            {"latitude", t.latitude},
            {"longitude", t.longitude},
            {"via", t.via},
            {"request_id", t.request_id},
            {"at_us", t.at_us},
            {"scripted", t.scripted},
            {"script", t.script},
            {"notice", t.notice},
            {"order_id", t.order_id},
            {"language_hint", t.language_hint},
            {"timeout_ms", timeout_ms}};
  if (t.media) j["media"] = media_json(*t.media);
  return j.dump(-1, ' ', false, kReplace);
}

bool decode_forwarded_turn(const std::string& bytes, ChatTurn* out, int64_t* timeout_ms) {
  const auto j = json::parse(bytes, nullptr, false);
  if (!j.is_object()) return false;
  try {
    ChatTurn t;
    j.at("channel").get_to(t.channel);
    j.at("user_id").get_to(t.user_id);
    j.at("text").get_to(t.text);
    j.at("platform_message_id").get_to(t.platform_message_id);
    j.at("kind").get_to(t.kind);
    j.at("attachment").get_to(t.attachment);
    j.at("latitude").get_to(t.latitude);
    j.at("longitude").get_to(t.longitude);
    j.at("via").get_to(t.via);
    j.at("request_id").get_to(t.request_id);
    j.at("at_us").get_to(t.at_us);
    j.at("scripted").get_to(t.scripted);
    j.at("script").get_to(t.script);
    j.at("notice").get_to(t.notice);
    j.at("order_id").get_to(t.order_id);
    j.at("language_hint").get_to(t.language_hint);
    j.at("timeout_ms").get_to(*timeout_ms);
    if (j.contains("media"))
      t.media = std::make_shared<const brain::MediaReading>(media_of(j.at("media")));
    *out = std::move(t);
  } catch (const json::exception&) {
    return false;
  }
  return true;
}

std::string encode_forwarded_result(const EngineResult<ChatTurnResult>& r) {
  json replies = json::array();
  for (const auto& reply : r.value.replies) {
    json media = json::array();
    for (const auto& m : reply.media) media.push_back({{"url", m.url}, {"caption", m.caption}});
    replies.push_back({{"text", reply.text}, {"media", media}});
  }
  const auto& v = r.value;
  const auto& e = r.error;
  json j = {{"conversation_id", v.conversation_id},
            {"replies", replies},
            {"duplicate", v.duplicate},
            {"handoff", v.handoff},
            {"changed", v.changed},
            {"message_id", v.message_id},
            {"handoff_since_us", v.handoff_since_us},
            {"handoff_by", v.handoff_by},
            {"brain", v.brain},
            {"fallback", v.fallback},
            {"error",
             {{"code", static_cast<int>(e.code)},
              {"detail", e.detail},
              {"refusal",
               {{"entity", e.refusal.entity}, {"code", e.refusal.code}, {"name", e.refusal.name}}},
              {"store", static_cast<int>(e.store)}}}};
  return j.dump(-1, ' ', false, kReplace);
}

bool decode_forwarded_result(const std::string& bytes, EngineResult<ChatTurnResult>* out) {
  const auto j = json::parse(bytes, nullptr, false);
  if (!j.is_object()) return false;
  try {
    EngineResult<ChatTurnResult> r;
    auto& v = r.value;
    j.at("conversation_id").get_to(v.conversation_id);
    for (const auto& reply : j.at("replies")) {
      ChatReply one;
      reply.at("text").get_to(one.text);
      for (const auto& m : reply.at("media"))
        one.media.push_back({m.at("url").get<std::string>(), m.at("caption").get<std::string>()});
      v.replies.push_back(std::move(one));
    }
    j.at("duplicate").get_to(v.duplicate);
    j.at("handoff").get_to(v.handoff);
    j.at("changed").get_to(v.changed);
    j.at("message_id").get_to(v.message_id);
    j.at("handoff_since_us").get_to(v.handoff_since_us);
    j.at("handoff_by").get_to(v.handoff_by);
    j.at("brain").get_to(v.brain);
    j.at("fallback").get_to(v.fallback);
    const auto& e = j.at("error");
    const int code = e.at("code").get<int>();
    const int store = e.at("store").get<int>();
    if (code < 0 || code > static_cast<int>(EngineErrc::storage)) return false;
    if (store < 0 || store > static_cast<int>(events::StoreErrc::closed)) return false;
    r.error.code = static_cast<EngineErrc>(code);
    e.at("detail").get_to(r.error.detail);
    const auto& refusal = e.at("refusal");
    refusal.at("entity").get_to(r.error.refusal.entity);
    refusal.at("code").get_to(r.error.refusal.code);
    refusal.at("name").get_to(r.error.refusal.name);
    r.error.store = static_cast<events::StoreErrc>(store);
    *out = std::move(r);
  } catch (const json::exception&) {
    return false;
  }
  return true;
}

}  // namespace parley::actors
