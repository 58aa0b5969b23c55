#include "events/order_codec.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "events/envelope_json.hpp"
#include "events/json_int.hpp"
#include "events/schema_table.hpp"
#include "events/shop_json.hpp"

namespace parley::events::order_codec {
using nlohmann::json;

namespace {

json order_json(const order::Order& o) {
  json lines = json::array();
  for (const auto& l : o.lines) lines.push_back(events::to_json(l));
  json j = {{"order_id", o.order_id},
            {"conversation_id", o.conversation_id},
            {"customer", events::to_json(o.customer)},
            {"lines", lines},
            {"total_cents", o.total_cents},
            {"currency", o.currency},
            {"placed_at_us", o.placed_at_us}};
  // Only with a promotion, so orders without one are stored as before.
  if (o.discount_cents > 0) {
    j["discount_cents"] = o.discount_cents;
    j["promo_code"] = o.promo_code;
  }
  return j;
}

json stock_json(const std::vector<order::StockLine>& lines) {
  json out = json::array();
  for (const auto& l : lines) out.push_back({{"sku", l.sku}, {"quantity", l.quantity}});
  return out;
}
std::vector<order::StockLine> stock_from(const json& j) {
  std::vector<order::StockLine> out;
  for (const auto& l : j) out.push_back({l.at("sku"), integer(l.at("quantity"))});
  return out;
}

json invoice_json(const order::Invoice& i) {
  return {{"number", i.number},
          {"invoice_id", i.invoice_id},
          {"issued_at_us", i.issued_at_us},
          {"vat_rate_bp", i.vat_rate_bp},
          {"net_cents", i.net_cents},
          {"vat_cents", i.vat_cents},
          {"gross_cents", i.gross_cents}};
}

// One schema per event: its stored type, its payload both ways and the time
// it happened (0: the envelope's, stamped at append). An event without a
// schema does not compile; a stored type without one is NotFound.
template <class E>
struct Schema;

// Events that carry their time as "at_us" in the payload too.
template <class E>
struct Timed {
  static int64_t at(const E& e) { return e.at_us; }
};

template <>
struct Schema<order::OrderPlaced> {
  static constexpr const char* kType = types::kPlaced;
  static json to(const order::OrderPlaced& e) { return order_json(e.order); }
  static int64_t at(const order::OrderPlaced& e) { return e.order.placed_at_us; }
  static order::OrderPlaced from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    order::Order o;
    o.order_id = p.at("order_id");
    o.conversation_id = p.value("conversation_id", "");
    o.customer = customer_from_json(p.value("customer", json::object()));
    for (const auto& l : p.at("lines")) o.lines.push_back(cart_line_from_json(l));
    o.total_cents = integer(p.at("total_cents"));
    o.discount_cents = integer<int64_t>(p, "discount_cents", 0);
    o.promo_code = p.value("promo_code", "");
    o.currency = p.value("currency", "EUR");
    o.placed_at_us = integer(p, "placed_at_us", ts);
    return {std::move(o)};
  }
};
template <>
struct Schema<order::StockReserved> {
  static constexpr const char* kType = types::kStockReserved;
  static json to(const order::StockReserved& e) { return {{"lines", stock_json(e.lines)}}; }
  static int64_t at(const order::StockReserved&) { return 0; }
  static order::StockReserved from(const json& p, const EventEnvelope&) {
    return {stock_from(p.at("lines"))};
  }
};
template <>
struct Schema<order::StockReleased> {
  static constexpr const char* kType = types::kStockReleased;
  static json to(const order::StockReleased& e) { return {{"lines", stock_json(e.lines)}}; }
  static int64_t at(const order::StockReleased&) { return 0; }
  static order::StockReleased from(const json& p, const EventEnvelope&) {
    return {stock_from(p.at("lines"))};
  }
};
template <>
struct Schema<order::PaymentRequested> : Timed<order::PaymentRequested> {
  static constexpr const char* kType = types::kPaymentRequested;
  static json to(const order::PaymentRequested& e) {
    return {{"provider", e.provider},
            {"reference", e.reference},
            {"url", e.url},
            {"instructions", e.instructions},
            {"at_us", e.at_us}};
  }
  static order::PaymentRequested from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    return {p.at("provider"), p.value("reference", ""), p.value("url", ""),
            p.value("instructions", ""), integer(p, "at_us", ts)};
  }
};
template <>
struct Schema<order::PaymentConfirmed> : Timed<order::PaymentConfirmed> {
  static constexpr const char* kType = types::kPaid;
  static json to(const order::PaymentConfirmed& e) {
    return {{"provider", e.provider}, {"reference", e.reference}, {"amount_cents", e.amount_cents},
            {"currency", e.currency}, {"source", e.source},       {"by", e.by},
            {"at_us", e.at_us}};
  }
  static order::PaymentConfirmed from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    return {p.at("provider"),       p.value("reference", ""), integer(p.at("amount_cents")),
            p.at("currency"),       p.value("source", ""),    p.value("by", ""),
            integer(p, "at_us", ts)};
  }
};
template <>
struct Schema<order::Shipped> : Timed<order::Shipped> {
  static constexpr const char* kType = types::kShipped;
  static json to(const order::Shipped& e) {
    return {{"tracking", e.tracking}, {"by", e.by}, {"at_us", e.at_us}};
  }
  static order::Shipped from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    return {p.value("tracking", ""), p.value("by", ""), integer(p, "at_us", ts)};
  }
};
template <>
struct Schema<order::Delivered> : Timed<order::Delivered> {
  static constexpr const char* kType = types::kDelivered;
  static json to(const order::Delivered& e) { return {{"by", e.by}, {"at_us", e.at_us}}; }
  static order::Delivered from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    return {p.value("by", ""), integer(p, "at_us", ts)};
  }
};
// An order ended or paid back, and why.
template <class E, const char* const* Type>
struct Reasoned : Timed<E> {
  static constexpr const char* kType = *Type;
  static json to(const E& e) { return {{"reason", e.reason}, {"by", e.by}, {"at_us", e.at_us}}; }
  static E from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    return E{p.value("reason", ""), p.value("by", ""), integer(p, "at_us", ts)};
  }
};
template <>
struct Schema<order::Cancelled> : Reasoned<order::Cancelled, &types::kCancelled> {};
template <>
struct Schema<order::Refunded> : Reasoned<order::Refunded, &types::kRefunded> {};
template <>
struct Schema<order::InvoiceIssued> {
  static constexpr const char* kType = types::kInvoiceIssued;
  static json to(const order::InvoiceIssued& e) { return invoice_json(e.invoice); }
  static int64_t at(const order::InvoiceIssued& e) { return e.invoice.issued_at_us; }
  static order::InvoiceIssued from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    order::Invoice i;
    i.number = integer(p.at("number"));
    i.invoice_id = p.at("invoice_id");
    i.issued_at_us = integer(p, "issued_at_us", ts);
    i.vat_rate_bp = integer(p.at("vat_rate_bp"));
    i.net_cents = integer(p.at("net_cents"));
    i.vat_cents = integer(p.at("vat_cents"));
    i.gross_cents = integer(p.at("gross_cents"));
    return {i};
  }
};
template <>
struct Schema<order::InvoiceMailed> : Timed<order::InvoiceMailed> {
  static constexpr const char* kType = types::kInvoiceMailed;
  static json to(const order::InvoiceMailed& e) {
    return {{"to", e.to}, {"via", e.via}, {"at_us", e.at_us}};
  }
  static order::InvoiceMailed from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    return {p.value("to", ""), p.value("via", ""), integer(p, "at_us", ts)};
  }
};
template <>
struct Schema<order::InvoiceMailFailed> : Timed<order::InvoiceMailFailed> {
  static constexpr const char* kType = types::kInvoiceMailFailed;
  static json to(const order::InvoiceMailFailed& e) {
    return {{"to", e.to}, {"error", e.error}, {"permanent", e.permanent}, {"at_us", e.at_us}};
  }
  static order::InvoiceMailFailed from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    return {p.value("to", ""), p.value("error", ""), p.value("permanent", false),
            integer(p, "at_us", ts)};
  }
};
template <>
struct Schema<order::ShopperNotified> : Timed<order::ShopperNotified> {
  static constexpr const char* kType = types::kShopperNotified;
  static json to(const order::ShopperNotified& e) {
    return {{"status", e.status}, {"at_us", e.at_us}};
  }
  static order::ShopperNotified from(const json& p, const EventEnvelope& env) {
    const int64_t ts = env.timestamp_us;
    return {p.at("status"), integer(p, "at_us", ts)};
  }
};

using Table = SchemaTable<order::Event, Schema>;

}  // namespace

bool is_order_event(const std::string& type) {
  return Table::knows(type);
}

NewEvent encode(const order::Event& event, const std::string& causation_id) {
  NewEvent out = Table::encode(event);
  out.timestamp_us =
      std::visit([](const auto& e) { return Schema<std::decay_t<decltype(e)>>::at(e); }, event);
  out.causation_id = causation_id;
  return out;
}

Expected<order::Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "an order");
}

NewEvent number_assigned(uint64_t number, const std::string& order_id,
                         const std::string& causation_id) {
  NewEvent out;
  out.type = kNumberAssigned;
  out.causation_id = causation_id;
  out.payload = json{{"number", number}, {"order_id", order_id}}.dump();
  return out;
}

json to_json(const order::State& s, bool mail_configured) {
  json j = order_json(s.order);
  j["status"] = s.status;
  j["total"] = s.order.total_cents / 100.0;
  j["placed_at"] = format_timestamp(s.order.placed_at_us);
  if (s.updated_at_us) j["updated_at"] = format_timestamp(s.updated_at_us);
  j["stock"] = {
      {"reserved", s.stock_reserved && !s.stock_released},
      {"released", s.stock_released},
      {"lines", stock_json(s.stock_released ? std::vector<order::StockLine>{} : s.reserved)}};
  if (s.payment) {
    j["payment"] = {{"provider", s.payment->provider},
                    {"reference", s.payment->reference},
                    {"url", s.payment->url},
                    {"instructions", s.payment->instructions},
                    {"requested_at", format_timestamp(s.payment->at_us)}};
  } else {
    j["payment"] = nullptr;
  }
  if (s.paid) {
    j["payment"]["paid_at"] = format_timestamp(s.paid->at_us);
    j["payment"]["paid_via"] = s.paid->source;
    j["payment"]["payment_reference"] = s.paid->reference;
  }
  if (!s.tracking.empty()) j["tracking"] = s.tracking;
  j["shopper_told"] = s.notified_status;  // the last status the shopper heard of
  if (!s.status_reason.empty()) j["reason"] = s.status_reason;
  if (s.invoice) {
    json inv = invoice_json(*s.invoice);
    inv["vat_rate"] = s.invoice->vat_rate_bp / 100.0;
    inv["mail"] = s.invoice_mailed                 ? "sent"
                  : s.invoice_mail_dead            ? "failed"
                  : !mail_configured               ? "off"
                  : s.order.customer.email.empty() ? "no_address"
                                                   : "pending";
    inv["mail_attempts"] = s.invoice_mail_attempts;
    inv["url"] = "/api/v1/orders/" + s.order.order_id + "/invoice.pdf";
    j["invoice"] = inv;
  } else {
    j["invoice"] = nullptr;
  }
  return j;
}

}  // namespace parley::events::order_codec
