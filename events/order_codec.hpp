// Order events <-> stored form.
//   order.placed v1 {"order_id","conversation_id","customer":{…},"lines":[…],
//                    "total_cents","currency","placed_at_us"}
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "domain/order.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::order_codec {

namespace order = parley::domain::order;
inline constexpr const char* kPlaced = "order.placed";

NewEvent encode(const order::Event& event, const std::string& causation_id);
Expected<order::Event> decode(const EventEnvelope& envelope);
nlohmann::json to_json(const order::State& state);

}  // namespace parley::events::order_codec
