#include "actors/forwarded_chat.hpp"

#include <limits>
#include <nlohmann/json.hpp>

#include "events/llm_codec.hpp"

namespace parley::actors {
namespace {

using nlohmann::json;

constexpr auto kReplace = json::error_handler_t::replace;

// Strict reads: the member must be there with its own JSON type (nlohmann
// would turn 1.5 into an int and true into 1); a wrong one throws.
struct NotAForwardedMessage {};
void read(const json& j, const char* key, std::string* out) {
  const auto& v = j.at(key);
  if (!v.is_string()) throw NotAForwardedMessage{};
  *out = v.get<std::string>();
}
void read(const json& j, const char* key, bool* out) {
  const auto& v = j.at(key);
  if (!v.is_boolean()) throw NotAForwardedMessage{};
  *out = v.get<bool>();
}
void read(const json& j, const char* key, double* out) {
  const auto& v = j.at(key);
  if (!v.is_number()) throw NotAForwardedMessage{};
  *out = v.get<double>();
}
template <class Int>
void read(const json& j, const char* key, Int* out) {
  const auto& v = j.at(key);
  if (!v.is_number_integer()) throw NotAForwardedMessage{};
  const auto n = v.get<int64_t>();
  if (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
    throw NotAForwardedMessage{};
  if (n < int64_t(std::numeric_limits<Int>::min()) ||
      (n > 0 && uint64_t(n) > uint64_t(std::numeric_limits<Int>::max())))
    throw NotAForwardedMessage{};
  *out = static_cast<Int>(n);
}
void read(const json& j, const char* key, std::vector<std::string>* out) {
  const auto& v = j.at(key);
  if (!v.is_array()) throw NotAForwardedMessage{};
  out->clear();
  for (const auto& item : v) {
    if (!item.is_string()) throw NotAForwardedMessage{};
    out->push_back(item.get<std::string>());
  }
}
const json& array_at(const json& j, const char* key) {
  const auto& v = j.at(key);
  if (!v.is_array()) throw NotAForwardedMessage{};
  return v;
}

// A model call travels as the usage event it will be recorded as
// (events/llm_codec.hpp), so the two formats cannot drift apart.
json media_json(const brain::MediaReading& m) {
  json calls = json::array();
  for (const auto& c : m.calls) {
    const auto event = events::llm_codec::encode(c, "");
    calls.push_back({{"schema_version", event.schema_version},
                     {"at_us", event.timestamp_us},
                     {"payload", event.payload}});
  }
  return {{"kind", m.kind},         {"stored", m.stored}, {"mime", m.mime},
          {"bytes", m.bytes},       {"text", m.text},     {"error", m.error},
          {"provider", m.provider}, {"model", m.model},   {"calls", calls}};
}

brain::MediaReading media_of(const json& j) {
  brain::MediaReading m;
  read(j, "kind", &m.kind);
  read(j, "stored", &m.stored);
  read(j, "mime", &m.mime);
  read(j, "bytes", &m.bytes);
  read(j, "text", &m.text);
  read(j, "error", &m.error);
  read(j, "provider", &m.provider);
  read(j, "model", &m.model);
  for (const auto& c : array_at(j, "calls")) {
    events::EventEnvelope env;
    env.type = events::llm_codec::types::kUsage;
    read(c, "schema_version", &env.schema_version);
    read(c, "at_us", &env.timestamp_us);
    read(c, "payload", &env.payload);
    auto call = events::llm_codec::decode_call(env);
    if (!call.ok()) throw NotAForwardedMessage{};
    m.calls.push_back(std::move(call).value());
  }
  return m;
}

}  // namespace

std::string encode_forwarded_turn(const ChatTurn& t) {
  json j = {{"channel", t.channel},   {"user_id", t.user_id},
            {"text", t.text},         {"platform_message_id", t.platform_message_id},
            {"kind", t.kind},         {"attachment", t.attachment},
            {"latitude", t.latitude}, {"longitude", t.longitude},
            {"via", t.via},           {"request_id", t.request_id},
            {"at_us", t.at_us},       {"scripted", t.scripted},
            {"script", t.script},     {"notice", t.notice},
            {"order_id", t.order_id}, {"language_hint", t.language_hint}};
  if (t.media) j["media"] = media_json(*t.media);
  return j.dump(-1, ' ', false, kReplace);
}

bool decode_forwarded_turn(const std::string& bytes, ChatTurn* out) {
  const auto j = json::parse(bytes, nullptr, false);
  if (!j.is_object()) return false;
  try {
    ChatTurn t;
    read(j, "channel", &t.channel);
    read(j, "user_id", &t.user_id);
    read(j, "text", &t.text);
    read(j, "platform_message_id", &t.platform_message_id);
    read(j, "kind", &t.kind);
    read(j, "attachment", &t.attachment);
    read(j, "latitude", &t.latitude);
    read(j, "longitude", &t.longitude);
    read(j, "via", &t.via);
    read(j, "request_id", &t.request_id);
    read(j, "at_us", &t.at_us);
    read(j, "scripted", &t.scripted);
    read(j, "script", &t.script);
    read(j, "notice", &t.notice);
    read(j, "order_id", &t.order_id);
    read(j, "language_hint", &t.language_hint);
    if (j.contains("media"))
      t.media = std::make_shared<const brain::MediaReading>(media_of(j.at("media")));
    *out = std::move(t);
  } catch (const json::exception&) {
    return false;
  } catch (const NotAForwardedMessage&) {
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
    read(j, "conversation_id", &v.conversation_id);
    for (const auto& reply : array_at(j, "replies")) {
      ChatReply one;
      read(reply, "text", &one.text);
      for (const auto& m : array_at(reply, "media")) {
        ChatMedia media;
        read(m, "url", &media.url);
        read(m, "caption", &media.caption);
        one.media.push_back(std::move(media));
      }
      v.replies.push_back(std::move(one));
    }
    read(j, "duplicate", &v.duplicate);
    read(j, "handoff", &v.handoff);
    read(j, "changed", &v.changed);
    read(j, "message_id", &v.message_id);
    read(j, "handoff_since_us", &v.handoff_since_us);
    read(j, "handoff_by", &v.handoff_by);
    read(j, "brain", &v.brain);
    read(j, "fallback", &v.fallback);
    const auto& e = j.at("error");
    int code = 0, store = 0;
    read(e, "code", &code);
    read(e, "store", &store);
    if (code < 0 || code > static_cast<int>(EngineErrc::storage)) return false;
    if (store < 0 || store > static_cast<int>(events::StoreErrc::closed)) return false;
    r.error.code = static_cast<EngineErrc>(code);
    read(e, "detail", &r.error.detail);
    const auto& refusal = e.at("refusal");
    read(refusal, "entity", &r.error.refusal.entity);
    read(refusal, "code", &r.error.refusal.code);
    read(refusal, "name", &r.error.refusal.name);
    r.error.store = static_cast<events::StoreErrc>(store);
    *out = std::move(r);
  } catch (const json::exception&) {
    return false;
  } catch (const NotAForwardedMessage&) {
    return false;
  }
  return true;
}

}  // namespace parley::actors
