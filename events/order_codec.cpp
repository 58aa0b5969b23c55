#include "events/order_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/envelope_json.hpp"
#include "events/shop_json.hpp"

namespace parley::events::order_codec {
using nlohmann::json;

namespace {

json order_json(const order::Order& o) {
  json lines = json::array();
  for (const auto& l : o.lines) lines.push_back(events::to_json(l));
  return {{"order_id", o.order_id},
          {"conversation_id", o.conversation_id},
          {"customer", events::to_json(o.customer)},
          {"lines", lines},
          {"total_cents", o.total_cents},
          {"currency", o.currency},
          {"placed_at_us", o.placed_at_us}};
}

}  // namespace

NewEvent encode(const order::Event& event, const std::string& causation_id) {
  const auto& o = std::get<order::OrderPlaced>(event).order;
  NewEvent out;
  out.type = kPlaced;
  out.timestamp_us = o.placed_at_us;
  out.causation_id = causation_id;
  out.payload = order_json(o).dump(-1, ' ', false, json::error_handler_t::replace);
  return out;
}

Expected<order::Event> decode(const EventEnvelope& env) {
  if (env.type != kPlaced) return Status::NotFound("not an order event: " + env.type);
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of order.placed is not an object");
  try {
    order::Order o;
    o.order_id = p.at("order_id");
    o.conversation_id = p.value("conversation_id", "");
    o.customer = customer_from_json(p.value("customer", json::object()));
    for (const auto& l : p.at("lines")) o.lines.push_back(cart_line_from_json(l));
    o.total_cents = p.at("total_cents");
    o.currency = p.value("currency", "EUR");
    o.placed_at_us = p.value("placed_at_us", env.timestamp_us);
    return order::Event{order::OrderPlaced{std::move(o)}};
  } catch (const json::exception& ex) {
    return Status::Corruption(std::string("payload of order.placed: ") + ex.what());
  }
}

json to_json(const order::State& s) {
  json j = order_json(s.order);
  j["status"] = s.status;
  j["total"] = s.order.total_cents / 100.0;
  j["placed_at"] = format_timestamp(s.order.placed_at_us);
  return j;
}

}  // namespace parley::events::order_codec
