// The read view of one conversation, folded from its stream. Pure.
#pragma once

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/delivery.hpp"
#include "events/envelope.hpp"

namespace parley::http {

// The outbox's record of one outbound message (its ("delivery", <message id>)
// stream folded), or nullopt when the outbox has recorded nothing for it.
using DeliveryLookup =
    std::function<std::optional<domain::delivery::State>(const std::string& message_id)>;

// The tick a message Parley sent shows: the platform's latest report on its
// parts (the least advanced part counts; "failed" wins), else the outbox's
// record ("sent" once every part went out, "sending" part-way, "failed"
// when dead-lettered), else "" (nothing known: API chats, not yet sent).
std::string delivery_tick(const std::optional<domain::delivery::State>& outbox,
                          const std::vector<std::string>& platform_statuses);

// GET /api/v1/conversations/{id}: who, stage, cart, handoff and the last
// `max_messages` messages, oldest first, each message Parley sent with its
// `delivery_status` (above) when one is known. `deliveries` is asked only
// for the messages shown. Events it does not know are skipped.
nlohmann::json conversation_view(const std::string& conversation_id,
                                 const std::vector<events::EventEnvelope>& stream,
                                 size_t max_messages, const DeliveryLookup& deliveries);

}  // namespace parley::http
