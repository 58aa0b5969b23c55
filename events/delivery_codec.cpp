#include "events/delivery_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/json_int.hpp"
#include "events/schema_table.hpp"

namespace parley::events::delivery_codec {
using nlohmann::json;
using namespace delivery;

namespace {

std::string dump(const json& j) {
  return json_text(j);
}

Expected<json> payload_of(const EventEnvelope& env) {
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
  return p;
}

// One schema per delivery event; each carries its own time.
template <class E>
struct Schema;
template <>
struct Schema<PartSent> {
  static constexpr const char* kType = types::kPartSent;
  static json to(const PartSent& e) {
    return {{"part", e.part},
            {"parts", e.parts},
            {"platform_message_id", e.platform_message_id},
            {"attempts", e.attempts}};
  }
  static PartSent from(const json& p, const EventEnvelope& env) {
    return {integer(p.at("part")), integer(p.at("parts")), p.value("platform_message_id", ""),
            integer(p, "attempts", 1u), env.timestamp_us};
  }
  static void envelope(const PartSent& e, NewEvent* out) { out->timestamp_us = e.at_us; }
};
template <>
struct Schema<DeadLettered> {
  static constexpr const char* kType = types::kDeadLettered;
  static json to(const DeadLettered& e) {
    return {{"part", e.part}, {"attempts", e.attempts}, {"error", e.error}};
  }
  static DeadLettered from(const json& p, const EventEnvelope& env) {
    return {integer(p.at("part")), integer(p, "attempts", 0u), p.value("error", ""),
            env.timestamp_us};
  }
  static void envelope(const DeadLettered& e, NewEvent* out) { out->timestamp_us = e.at_us; }
};
template <>
struct Schema<RetryRequested> {
  static constexpr const char* kType = types::kRetryRequested;
  static json to(const RetryRequested& e) { return {{"by", e.by}}; }
  static RetryRequested from(const json& p, const EventEnvelope& env) {
    return {p.value("by", ""), env.timestamp_us};
  }
  static void envelope(const RetryRequested& e, NewEvent* out) { out->timestamp_us = e.at_us; }
};
using Table = SchemaTable<delivery::Event, Schema>;

}  // namespace

bool is_delivery_event(std::string_view type) {
  return Table::knows(type);
}

NewEvent encode(const delivery::Event& event) {
  return Table::encode(event);
}

Expected<delivery::Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "a delivery");
}

NewEvent encode_notification(const NotificationQueued& n, const std::string& causation) {
  NewEvent out;
  out.type = kNotificationQueued;
  out.timestamp_us = n.at_us;
  out.causation_id = causation;
  out.payload = dump({{"id", n.id},
                      {"channel", n.channel},
                      {"recipient", n.recipient},
                      {"text", n.text},
                      {"reason", n.reason}});
  return out;
}

Expected<NotificationQueued> decode_notification(const EventEnvelope& env) {
  if (env.type != kNotificationQueued) return Status::NotFound("not a notification: " + env.type);
  auto p = payload_of(env);
  if (!p) return p.status();
  try {
    return NotificationQueued{p->at("id"),   p->at("channel"),       p->at("recipient"),
                              p->at("text"), p->value("reason", ""), env.timestamp_us};
  } catch (const json::exception& ex) {
    return Status::Corruption("payload of " + env.type + ": " + ex.what());
  }
}

}  // namespace parley::events::delivery_codec
