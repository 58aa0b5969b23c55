// Orders and customers, from order.* events, the team's corrections of a
// customer's details, and their merges of two customers into one.
//   "order/<order id>"        the order as placed (customer, lines, total,
//                             discount and promo code, currency, conversation,
//                             channel, placed_at_us)
//                             its status (placed, awaiting_payment, paid,
//                             shipped, delivered, cancelled, refunded) and
//                             invoice_id once invoiced; own_key (the key its
//                             details give) and customer_key (where that leads);
//   "customer/<customer key>" name, phone, email, city, orders, spent_cents
//                             per currency, first_order_us, last_order_us,
//                             channels and conversations; corrected_us once
//                             the team corrected a detail shown;
//   "correction/<conversation>" the details the team corrected there (name,
//                             phone, email, city), each with its time;
//   "alias/<customer key>"    {"into": another key}: a key merged away, or
//                             the key of a corrected phone or e-mail.
// A customer is keyed by the digits of their phone, else their e-mail in
// lower case, else the conversation: the same person ordering on Telegram
// and WhatsApp with one phone number is one customer. Aliases chain (a -> b,
// b -> c: a is c); an order belongs to where its own key leads.
// A detail shown is the latest given, by an order or a correction. A
// corrected phone or e-mail that is no customer yet leads to the corrected
// customer, so their next order with it joins them; one that is another
// customer does not (merging them is the team's call, customer.merged).
// When a conversation's customer is forgotten (conversation.customer_forgotten),
// its orders keep lines and totals, their details read "[erased]", its
// corrections and the aliases they made are dropped, and the customer rows
// are folded again without them, as a rebuild would fold them.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string_view>

#include "projections/calendar.hpp"
#include "projections/projection.hpp"
#include "projections/row_filter.hpp"

namespace parley::projections {

class OrdersView final : public JsonRowProjection {
 public:
  // How a phone's digits or an e-mail appear in a customer key; unset, as
  // they are. `parley serve` gives a keyed hash, so no row key names anyone.
  using Pseudonym = std::function<std::string(std::string_view)>;
  // 3: forgotten customers; details the log could not open group no one.
  // 4: an order's discount_cents and promo_code.
  // 5: corrections and merges (correction/ and alias/ rows, an order's own_key).
  explicit OrdersView(Pseudonym pseudonym = {})
      : JsonRowProjection("orders", pseudonym ? "orders/5 pseudonymous" : "orders/5"),
        pseudonym_(std::move(pseudonym)) {}
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;

  // Orders placed on the days asked for; customers whose last order was.
  // Takes the view's lock.
  nlohmann::json orders(const RowFilter& filter, const Calendar& calendar) const;
  nlohmann::json customers(const RowFilter& filter, const Calendar& calendar) const;

  // The customer `key` names (a key merged away names the one it went into):
  // {"customer": the row, "orders": theirs newest first, "conversations",
  // "aliases": the keys that lead to it}; null when there is none. Takes the
  // view's lock.
  nlohmann::json customer(const std::string& key) const;
  // Customers, newest last order first, at most `limit`. A non-empty `q`
  // keeps those whose name or e-mail holds it (ASCII case folded), or, when
  // it is a phone number (digits, spaces, + - ( ) .), whose phone's digits
  // hold its digits. Takes the view's lock.
  nlohmann::json customer_list(const std::string& q, size_t limit) const;

  // Where `key` leads through the aliases; itself when it is no alias.
  // Hold mutex() shared.
  std::string resolve(const std::string& key) const;

 private:
  // The details a customer row shows, and a correction may change.
  static constexpr const char* kShown[] = {"name", "phone", "email", "city"};
  // A non-empty string member.
  static bool given(const nlohmann::json& customer, const char* field);
  void place(const ProjectedEvent& event);
  void add_to_customer(const std::string& key, const nlohmann::json& customer,
                       const std::string& conversation, const std::string& currency, int64_t total,
                       int64_t at);
  void refold_customer(const std::string& key);
  // Lays the corrections of the row's conversations over what its orders
  // said, where they are newer (field_at: when each field was last given).
  void apply_corrections(const std::string& key, const std::map<std::string, int64_t>& field_at);
  bool has_corrections(const nlohmann::json& customer_row) const;
  void correct(const std::string& conversation, const Fields& details, int64_t at);
  void merge(const std::string& into, const std::string& from, int64_t at);
  void forget(const std::string& conversation);
  // Every order's customer_key made where its own key leads; refolds the
  // customers that lost or gained an order, and those in `also`.
  void rekey(std::set<std::string> also = {});
  Pseudonym pseudonym_;
};

std::string customer_key(const nlohmann::json& customer, const std::string& conversation_id,
                         const OrdersView::Pseudonym& pseudonym = {});

}  // namespace parley::projections
