#include "projections/orders_view.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <shared_mutex>

#include "events/conversation_codec.hpp"
#include "events/customer_merge_codec.hpp"  // the type the view wants
#include "events/order_codec.hpp"
#include "projections/carts_view.hpp"
#include "projections/fields.hpp"

namespace parley::projections {

namespace ct = events::conversation_codec::types;
namespace ot = events::order_codec::types;
namespace mt = events::customer_merge_codec::types;

using nlohmann::json;

bool OrdersView::wants(std::string_view type) const {
  return type.substr(0, 6) == "order." || type == ct::kCustomerForgotten ||
         type == ct::kDetailsCorrected || type == mt::kMerged;
}

namespace {
// A member the privacy layer could not open ("[erased]", "[unreadable]") is
// no phone or address to group by: no real one starts with '['.
std::string text_of(const json& customer, const char* field) {
  const auto it = customer.find(field);
  if (it == customer.end() || !it->is_string()) return "";
  const std::string& v = it->get_ref<const std::string&>();
  return !v.empty() && v[0] == '[' ? "" : v;
}
}  // namespace

std::string customer_key(const json& customer, const std::string& conversation_id,
                         const OrdersView::Pseudonym& pseudonym) {
  std::string digits;
  for (char c : text_of(customer, "phone"))
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  if (digits.size() >= 6) return "phone:" + (pseudonym ? pseudonym("phone:" + digits) : digits);
  std::string email = text_of(customer, "email");
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!email.empty()) return "email:" + (pseudonym ? pseudonym("email:" + email) : email);
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

bool OrdersView::given(const json& customer, const char* field) {
  if (!customer.is_object()) return false;
  const auto it = customer.find(field);
  return it != customer.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
}

// The customer row folded again from their orders, in the order they were
// placed, and the corrections made since: what a rebuild would make of it.
// Gone when no order is left.
void OrdersView::refold_customer(const std::string& key) {
  std::vector<const json*> orders;
  each("order/", [&](const std::string&, const json& o) {
    if (o.value("customer_key", "") == key) orders.push_back(&o);
  });
  std::stable_sort(orders.begin(), orders.end(), [](const json* a, const json* b) {
    return a->value("placed_at_us", int64_t{0}) < b->value("placed_at_us", int64_t{0});
  });
  std::vector<json> copies;
  for (const json* o : orders) copies.push_back(*o);
  if (copies.empty()) {
    if (find("customer/" + key)) erase("customer/" + key);
    return;
  }
  touch("customer/" + key) = json::object();
  std::map<std::string, int64_t> field_at;
  for (const auto& o : copies) {
    const json customer = o.value("customer", json::object());
    const int64_t at = o.value("placed_at_us", int64_t{0});
    add_to_customer(key, customer, o.value("conversation_id", ""), o.value("currency", ""),
                    o.value("total_cents", int64_t{0}), at);
    for (const char* f : kShown)
      if (given(customer, f)) field_at[f] = at;
  }
  apply_corrections(key, field_at);
}

void OrdersView::add_to_customer(const std::string& key, const json& customer,
                                 const std::string& conversation, const std::string& currency,
                                 int64_t total, int64_t at) {
  json& c = touch("customer/" + key);
  if (c.empty())
    c = {{"customer_key", key},           {"orders", 0},
         {"spent_cents", json::object()}, {"first_order_us", at},
         {"channels", json::array()},     {"conversations", json::array()}};
  for (const char* f : kShown)
    if (given(customer, f)) c[f] = customer[f];
  c["orders"] = c.value("orders", 0) + 1;
  c["spent_cents"][currency] = c["spent_cents"].value(currency, int64_t{0}) + total;
  c["last_order_us"] = at;
  add_unique(c["channels"], channel_of(conversation));
  add_unique(c["conversations"], conversation);
}

// The conversation's customer was forgotten: their orders keep their lines
// and totals, their details read as erased, and they count as a customer of
// their own, as after a rebuild (the log then opens them as "[erased]"). The
// corrections made there go, and the aliases they made: a rebuild could not
// read them.
void OrdersView::forget(const std::string& conversation) {
  std::set<std::string> old_keys;
  if (find("correction/" + conversation)) erase("correction/" + conversation);
  std::vector<std::string> aliases;
  each("alias/", [&](const std::string& k, const json& a) {
    if (a.value("conversation", "") == conversation) aliases.push_back(k);
  });
  for (const auto& k : aliases) erase(k);
  std::vector<std::string> order_keys;
  each("order/", [&](const std::string& k, const json& o) {
    if (o.value("conversation_id", "") == conversation) {
      order_keys.push_back(k);
      old_keys.insert(o.value("customer_key", ""));
    }
  });
  for (const auto& k : order_keys) {
    json& o = touch(k);
    json& customer = o["customer"];
    if (customer.is_object())
      for (auto& [field, v] : customer.items())
        if (v.is_string() && !v.get_ref<const std::string&>().empty()) v = "[erased]";
    o["own_key"] = "conversation:" + conversation;
  }
  if (order_keys.empty() && aliases.empty()) return;
  rekey(std::move(old_keys));
}

void OrdersView::apply(const ProjectedEvent& e) {
  if (e.env.type == ct::kCustomerForgotten) return forget(e.env.entity_id);
  if (e.env.type == ct::kDetailsCorrected)
    return correct(e.env.entity_id, e.payload(), e.env.timestamp_us);
  if (e.env.type == mt::kMerged)
    return merge(e.env.entity_id, e.payload().string("from_key"), e.env.timestamp_us);
  if (e.env.type == ot::kPlaced) return place(e);
  // The lifecycle's events move the status (domain/order.hpp); the work
  // around it (stock, notices, mail) does not.
  static const std::pair<const char*, const char*> kStatusOf[] = {
      {ot::kPaymentRequested, "awaiting_payment"},
      {ot::kPaid, "paid"},
      {ot::kShipped, "shipped"},
      {ot::kDelivered, "delivered"},
      {ot::kCancelled, "cancelled"},
      {ot::kRefunded, "refunded"}};
  json* o = row("order/" + e.env.entity_id);
  if (!o) return;
  for (const auto& [type, status] : kStatusOf)
    if (e.env.type == type) {
      (*o)["status"] = status;
      (*o)["updated_us"] = e.env.timestamp_us;
    }
  if (e.env.type == ot::kInvoiceIssued) (*o)["invoice_id"] = e.payload().string("invoice_id");
}

void OrdersView::place(const ProjectedEvent& e) {
  const std::string order_key = "order/" + e.env.entity_id;
  if (find(order_key)) return;  // placed once
  const Fields p = e.payload();
  const std::string conversation = p.string("conversation_id");
  json customer = p.json("customer");
  if (!customer.is_object()) customer = json::object();
  const std::string currency = p.string("currency");
  const int64_t total = p.i64("total_cents");
  const int64_t at = p.i64("placed_at_us", e.env.timestamp_us);
  json lines = p.json("lines");
  if (!lines.is_array()) lines = json::array();
  const std::string own = customer_key(customer, conversation, pseudonym_);
  const std::string key = resolve(own);
  json& o = touch(order_key);
  o = {{"order_id", p.has("order_id") ? p.string("order_id") : e.env.entity_id},
       {"conversation_id", conversation},
       {"channel", channel_of(conversation)},
       {"customer", customer},
       {"own_key", own},
       {"customer_key", key},
       {"lines", std::move(lines)},
       {"total_cents", total},
       {"discount_cents", p.i64("discount_cents", 0)},
       {"promo_code", p.string("promo_code")},
       {"currency", currency},
       {"placed_at_us", at},
       {"status", "placed"}};
  add_to_customer(key, customer, conversation, currency, total, at);
  // A customer the team corrected is folded whole, so the newer of each
  // detail shows (the common case, none, stays one step).
  if (const json* c = find("customer/" + key); c && has_corrections(*c)) refold_customer(key);
}

namespace {

nlohmann::json listed(const OrdersView& view, const std::string& prefix, const char* time_field,
                      const RowFilter& f, const Calendar& cal) {
  using nlohmann::json;
  const bool customers = prefix == "customer/";
  json rows = json::array();
  std::shared_lock lock(view.mutex());
  view.each(prefix, [&](const std::string&, const json& r) {
    if (!f.day_ok(cal.date(r.value(time_field, int64_t{0})))) return;
    if (!f.channel.empty()) {
      bool on = r.value("channel", "") == f.channel;
      if (customers)  // a customer is on every channel they ordered from
        for (const auto& c : r.value("channels", json::array())) on = on || c == f.channel;
      if (!on) return;
    }
    rows.push_back(r);
  });
  return rows;
}

}  // namespace

nlohmann::json OrdersView::orders(const RowFilter& f, const Calendar& cal) const {
  return listed(*this, "order/", "placed_at_us", f, cal);
}

nlohmann::json OrdersView::customers(const RowFilter& f, const Calendar& cal) const {
  return listed(*this, "customer/", "last_order_us", f, cal);
}

}  // namespace parley::projections
