// Delivery and notification events <-> stored form.
//   delivery.part_sent v1        {"part","parts","platform_message_id","attempts"}
//   delivery.dead_lettered v1    {"part","attempts","error"}
//   delivery.retry_requested v1  {"by"}
//   notification.queued v1       {"id","channel","recipient","text","reason"}
// The event's time is the envelope timestamp.
#pragma once

#include <string_view>

#include "domain/delivery.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::delivery_codec {

// The stored type names live beside the events (domain/delivery.hpp).
namespace types = parley::domain::delivery::types;

namespace delivery = parley::domain::delivery;

inline constexpr const char* kNotificationQueued = "notification.queued";

bool is_delivery_event(std::string_view type);

NewEvent encode(const delivery::Event& event);
Expected<delivery::Event> decode(const EventEnvelope& envelope);

NewEvent encode_notification(const delivery::NotificationQueued& n, const std::string& causation);
Expected<delivery::NotificationQueued> decode_notification(const EventEnvelope& envelope);

}  // namespace parley::events::delivery_codec
