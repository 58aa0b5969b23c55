#include "projections/orders_view.hpp"

#include <algorithm>
#include <cctype>

#include "projections/carts_view.hpp"
#include "projections/fields.hpp"

namespace parley::projections {

using nlohmann::json;

bool OrdersView::wants(std::string_view type) const {
  return type.substr(0, 6) == "order.";
}

std::string customer_key(const json& customer, const std::string& conversation_id) {
  std::string digits;
  for (char c : customer.value("phone", ""))
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  if (digits.size() >= 6) return "phone:" + digits;
  std::string email = customer.value("email", "");
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!email.empty()) return "email:" + email;
  return "conversation:" + conversation_id;
}

namespace {

void add_unique(json& list, const std::string& v) {
  if (v.empty()) return;
  for (const auto& x : list)
    if (x == v) return;
  list.push_back(v);
}

}  // namespace

void OrdersView::apply(const ProjectedEvent& e) {
  const Fields p = e.payload();
  const std::string order_key = "order/" + e.env.entity_id;
  if (e.env.type != "order.placed") {
    // The lifecycle's events move the status (domain/order.hpp); the work
    // around it (stock, notices, mail) does not.
    static const std::pair<const char*, const char*> kStatusOf[] = {
        {"order.payment_requested", "awaiting_payment"},
        {"order.paid", "paid"},
        {"order.shipped", "shipped"},
        {"order.delivered", "delivered"},
        {"order.cancelled", "cancelled"},
        {"order.refunded", "refunded"}};
    json* o = row(order_key);
    if (!o) return;
    for (const auto& [type, status] : kStatusOf)
      if (e.env.type == type) {
        (*o)["status"] = status;
        (*o)["updated_us"] = e.env.timestamp_us;
      }
    if (e.env.type == "order.invoice_issued") (*o)["invoice_id"] = p.string("invoice_id");
    return;
  }
  if (find(order_key)) return;  // placed once
  const std::string conversation = p.string("conversation_id");
  json customer = p.json("customer");
  if (!customer.is_object()) customer = json::object();
  const std::string currency = p.string("currency");
  const int64_t total = p.i64("total_cents");
  const int64_t at = p.i64("placed_at_us", e.env.timestamp_us);
  json lines = p.json("lines");
  if (!lines.is_array()) lines = json::array();
  const std::string key = customer_key(customer, conversation);
  json& o = touch(order_key);
  o = {{"order_id", p.has("order_id") ? p.string("order_id") : e.env.entity_id},
       {"conversation_id", conversation},
       {"channel", channel_of(conversation)},
       {"customer", customer},
       {"customer_key", key},
       {"lines", std::move(lines)},
       {"total_cents", total},
       {"currency", currency},
       {"placed_at_us", at},
       {"status", "placed"}};
  json& c = touch("customer/" + key);
  if (c.empty())
    c = {{"customer_key", key},           {"orders", 0},
         {"spent_cents", json::object()}, {"first_order_us", at},
         {"channels", json::array()},     {"conversations", json::array()}};
  for (const char* f : {"name", "phone", "email", "city"})
    if (!customer.value(f, "").empty()) c[f] = customer.value(f, "");
  c["orders"] = c.value("orders", 0) + 1;
  c["spent_cents"][currency] = c["spent_cents"].value(currency, int64_t{0}) + total;
  c["last_order_us"] = at;
  add_unique(c["channels"], channel_of(conversation));
  add_unique(c["conversations"], conversation);
}

}  // namespace parley::projections
