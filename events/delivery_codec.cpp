#include "events/delivery_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/json_int.hpp"

namespace parley::events::delivery_codec {
using nlohmann::json;
using namespace delivery;

namespace {

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Expected<json> payload_of(const EventEnvelope& env) {
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
  return p;
}

}  // namespace

bool is_delivery_event(std::string_view type) {
  return type == kPartSent || type == kDeadLettered || type == kRetryRequested;
}

NewEvent encode(const delivery::Event& event) {
  NewEvent out;
  if (auto* e = std::get_if<PartSent>(&event)) {
    out.type = kPartSent;
    out.timestamp_us = e->at_us;
    out.payload = dump({{"part", e->part},
                        {"parts", e->parts},
                        {"platform_message_id", e->platform_message_id},
                        {"attempts", e->attempts}});
  } else if (auto* dead = std::get_if<DeadLettered>(&event)) {
    out.type = kDeadLettered;
    out.timestamp_us = dead->at_us;
    out.payload =
        dump({{"part", dead->part}, {"attempts", dead->attempts}, {"error", dead->error}});
  } else {
    const auto& r = std::get<RetryRequested>(event);
    out.type = kRetryRequested;
    out.timestamp_us = r.at_us;
    out.payload = dump({{"by", r.by}});
  }
  return out;
}

Expected<delivery::Event> decode(const EventEnvelope& env) {
  if (!is_delivery_event(env.type)) return Status::NotFound("not a delivery event: " + env.type);
  auto p = payload_of(env);
  if (!p) return p.status();
  try {
    if (env.type == kPartSent)
      return delivery::Event{PartSent{integer(p->at("part")), integer(p->at("parts")),
                                      p->value("platform_message_id", ""),
                                      integer(*p, "attempts", 1u), env.timestamp_us}};
    if (env.type == kDeadLettered)
      return delivery::Event{DeadLettered{integer(p->at("part")), integer(*p, "attempts", 0u),
                                          p->value("error", ""), env.timestamp_us}};
    return delivery::Event{RetryRequested{p->value("by", ""), env.timestamp_us}};
  } catch (const json::exception& ex) {
    return Status::Corruption("payload of " + env.type + ": " + ex.what());
  }
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
