#include "events/order_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/envelope_json.hpp"
#include "events/json_int.hpp"
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

struct Encoded {
  const char* type;
  json payload;
  int64_t at_us;
};

struct Encoder {
  Encoded operator()(const order::OrderPlaced& e) const {
    return {kPlaced, order_json(e.order), e.order.placed_at_us};
  }
  Encoded operator()(const order::StockReserved& e) const {
    return {"order.stock_reserved", {{"lines", stock_json(e.lines)}}, 0};
  }
  Encoded operator()(const order::StockReleased& e) const {
    return {"order.stock_released", {{"lines", stock_json(e.lines)}}, 0};
  }
  Encoded operator()(const order::PaymentRequested& e) const {
    return {"order.payment_requested",
            {{"provider", e.provider},
             {"reference", e.reference},
             {"url", e.url},
             {"instructions", e.instructions},
             {"at_us", e.at_us}},
            e.at_us};
  }
  Encoded operator()(const order::PaymentConfirmed& e) const {
    return {"order.paid",
            {{"provider", e.provider},
             {"reference", e.reference},
             {"amount_cents", e.amount_cents},
             {"currency", e.currency},
             {"source", e.source},
             {"by", e.by},
             {"at_us", e.at_us}},
            e.at_us};
  }
  Encoded operator()(const order::Shipped& e) const {
    return {"order.shipped", {{"tracking", e.tracking}, {"by", e.by}, {"at_us", e.at_us}}, e.at_us};
  }
  Encoded operator()(const order::Delivered& e) const {
    return {"order.delivered", {{"by", e.by}, {"at_us", e.at_us}}, e.at_us};
  }
  Encoded operator()(const order::Cancelled& e) const {
    return {"order.cancelled", {{"reason", e.reason}, {"by", e.by}, {"at_us", e.at_us}}, e.at_us};
  }
  Encoded operator()(const order::Refunded& e) const {
    return {"order.refunded", {{"reason", e.reason}, {"by", e.by}, {"at_us", e.at_us}}, e.at_us};
  }
  Encoded operator()(const order::InvoiceIssued& e) const {
    return {"order.invoice_issued", invoice_json(e.invoice), e.invoice.issued_at_us};
  }
  Encoded operator()(const order::InvoiceMailed& e) const {
    return {"order.invoice_mailed", {{"to", e.to}, {"via", e.via}, {"at_us", e.at_us}}, e.at_us};
  }
  Encoded operator()(const order::InvoiceMailFailed& e) const {
    return {"order.invoice_mail_failed",
            {{"to", e.to}, {"error", e.error}, {"permanent", e.permanent}, {"at_us", e.at_us}},
            e.at_us};
  }
  Encoded operator()(const order::ShopperNotified& e) const {
    return {"order.shopper_notified", {{"status", e.status}, {"at_us", e.at_us}}, e.at_us};
  }
};

order::Event decode_payload(const std::string& type, const json& p, int64_t ts) {
  auto at = [&] { return integer(p, "at_us", ts); };
  if (type == kPlaced) {
    order::Order o;
    o.order_id = p.at("order_id");
    o.conversation_id = p.value("conversation_id", "");
    o.customer = customer_from_json(p.value("customer", json::object()));
    for (const auto& l : p.at("lines")) o.lines.push_back(cart_line_from_json(l));
    o.total_cents = integer(p.at("total_cents"));
    o.currency = p.value("currency", "EUR");
    o.placed_at_us = integer(p, "placed_at_us", ts);
    return order::OrderPlaced{std::move(o)};
  }
  if (type == "order.stock_reserved") return order::StockReserved{stock_from(p.at("lines"))};
  if (type == "order.stock_released") return order::StockReleased{stock_from(p.at("lines"))};
  if (type == "order.payment_requested")
    return order::PaymentRequested{p.at("provider"), p.value("reference", ""), p.value("url", ""),
                                   p.value("instructions", ""), at()};
  if (type == "order.paid")
    return order::PaymentConfirmed{p.at("provider"),
                                   p.value("reference", ""),
                                   integer(p.at("amount_cents")),
                                   p.at("currency"),
                                   p.value("source", ""),
                                   p.value("by", ""),
                                   at()};
  if (type == "order.shipped")
    return order::Shipped{p.value("tracking", ""), p.value("by", ""), at()};
  if (type == "order.delivered") return order::Delivered{p.value("by", ""), at()};
  if (type == "order.cancelled")
    return order::Cancelled{p.value("reason", ""), p.value("by", ""), at()};
  if (type == "order.refunded")
    return order::Refunded{p.value("reason", ""), p.value("by", ""), at()};
  if (type == "order.invoice_issued") {
    order::Invoice i;
    i.number = integer(p.at("number"));
    i.invoice_id = p.at("invoice_id");
    i.issued_at_us = integer(p, "issued_at_us", ts);
    i.vat_rate_bp = integer(p.at("vat_rate_bp"));
    i.net_cents = integer(p.at("net_cents"));
    i.vat_cents = integer(p.at("vat_cents"));
    i.gross_cents = integer(p.at("gross_cents"));
    return order::InvoiceIssued{i};
  }
  if (type == "order.invoice_mailed")
    return order::InvoiceMailed{p.value("to", ""), p.value("via", ""), at()};
  if (type == "order.invoice_mail_failed")
    return order::InvoiceMailFailed{p.value("to", ""), p.value("error", ""),
                                    p.value("permanent", false), at()};
  return order::ShopperNotified{p.at("status"), at()};
}

const char* const kTypes[] = {kPlaced,
                              "order.stock_reserved",
                              "order.stock_released",
                              "order.payment_requested",
                              "order.paid",
                              "order.shipped",
                              "order.delivered",
                              "order.cancelled",
                              "order.refunded",
                              "order.invoice_issued",
                              "order.invoice_mailed",
                              "order.invoice_mail_failed",
                              "order.shopper_notified"};

}  // namespace

bool is_order_event(const std::string& type) {
  for (const char* t : kTypes)
    if (type == t) return true;
  return false;
}

NewEvent encode(const order::Event& event, const std::string& causation_id) {
  Encoded e = std::visit(Encoder{}, event);
  NewEvent out;
  out.type = e.type;
  out.timestamp_us = e.at_us;
  out.causation_id = causation_id;
  out.payload = e.payload.dump(-1, ' ', false, json::error_handler_t::replace);
  return out;
}

Expected<order::Event> decode(const EventEnvelope& env) {
  if (!is_order_event(env.type)) return Status::NotFound("not an order event: " + env.type);
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
  try {
    return decode_payload(env.type, p, env.timestamp_us);
  } catch (const json::exception& ex) {
    return Status::Corruption("payload of " + env.type + ": " + ex.what());
  }
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
