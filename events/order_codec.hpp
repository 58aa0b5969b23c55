// Order events <-> stored form. Payloads (JSON objects; amounts in cents):
//   order.placed              {"order_id","conversation_id","customer":{…},"lines":[…],
//                              "total_cents","currency","placed_at_us"}
//   order.stock_reserved      {"lines":[{"sku","quantity"}]}  what the products gave
//   order.stock_released      {"lines":[{"sku","quantity"}]}
//   order.payment_requested   {"provider","reference","url","instructions","at_us"}
//   order.paid {"provider","reference","amount_cents","currency","source","by","at_us"}
//   order.shipped             {"tracking","by","at_us"}
//   order.delivered           {"by","at_us"}
//   order.cancelled           {"reason","by","at_us"}
//   order.refunded            {"reason","by","at_us"}
//   order.invoice_issued      {"number","invoice_id","issued_at_us","vat_rate_bp",
//                              "net_cents","vat_cents","gross_cents"}
//   order.invoice_mailed      {"to","via","at_us"}
//   order.invoice_mail_failed {"to","error","permanent","at_us"}
//   order.shopper_notified    {"status","at_us"}
// The invoice counter's stream ("invoice_seq", "shop") holds
//   invoice.number_assigned   {"number","order_id"}   number == the event's seq
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "domain/order.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::order_codec {

namespace order = parley::domain::order;
// The stored type names live beside the events (domain/order.hpp).
namespace types = parley::domain::order::types;
inline constexpr const char* kPlaced = types::kPlaced;
inline constexpr const char* kInvoiceSeqType = "invoice_seq";
inline constexpr const char* kInvoiceSeqId = "shop";
inline constexpr const char* kNumberAssigned = "invoice.number_assigned";

NewEvent encode(const order::Event& event, const std::string& causation_id);
Expected<order::Event> decode(const EventEnvelope& envelope);
// True for the types decode() reads.
bool is_order_event(const std::string& type);
NewEvent number_assigned(uint64_t number, const std::string& order_id,
                         const std::string& causation_id);

// `mail_configured` false: an invoice not mailed shows "mail": "off".
nlohmann::json to_json(const order::State& state, bool mail_configured = true);

// An order's stream for events/stream_command.hpp: the domain and this
// codec together. Events are stored with a causation, so a command brings
// its encoder.
struct Stream {
  using State = order::State;
  using Event = order::Event;
  using Command = order::Command;
  using Error = order::Error;
  static constexpr const char* kType = order::kEntityType;
  static State initial(const std::string&) { return {}; }
  static auto decide(const State& s, const Command& c) { return order::decide(s, c); }
  static State evolve(State s, const Event& e) { return order::evolve(std::move(s), e); }
  static Expected<Event> decode(const EventEnvelope& e) { return order_codec::decode(e); }
  static const char* error_name(Error e) { return order::to_string(e); }
};

}  // namespace parley::events::order_codec
