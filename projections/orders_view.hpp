// Orders and customers, from order.* events.
//   "order/<order id>"        the order as placed (customer, lines, total,
//                             discount and promo code, currency, conversation,
//                             channel, placed_at_us)
//                             its status (placed, awaiting_payment, paid,
//                             shipped, delivered, cancelled, refunded) and
//                             invoice_id once invoiced;
//   "customer/<customer key>" name, phone, email, city, orders, spent_cents
//                             per currency, first_order_us, last_order_us,
//                             channels and conversations.
// A customer is keyed by the digits of their phone, else their e-mail in
// lower case, else the conversation: the same person ordering on Telegram
// and WhatsApp with one phone number is one customer. When a conversation's
// customer is forgotten (conversation.customer_forgotten), its orders keep
// lines and totals, their details read "[erased]", and the customer rows are
// folded again without them.
#pragma once

#include <functional>
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
  explicit OrdersView(Pseudonym pseudonym = {})
      : JsonRowProjection("orders", pseudonym ? "orders/4 pseudonymous" : "orders/4"),
        pseudonym_(std::move(pseudonym)) {}
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;

  // Orders placed on the days asked for; customers whose last order was.
  // Takes the view's lock.
  nlohmann::json orders(const RowFilter& filter, const Calendar& calendar) const;
  nlohmann::json customers(const RowFilter& filter, const Calendar& calendar) const;

 private:
  void add_to_customer(const std::string& key, const nlohmann::json& customer,
                       const std::string& conversation, const std::string& currency, int64_t total,
                       int64_t at);
  void refold_customer(const std::string& key);
  void forget(const std::string& conversation);
  Pseudonym pseudonym_;
};

std::string customer_key(const nlohmann::json& customer, const std::string& conversation_id,
                         const OrdersView::Pseudonym& pseudonym = {});

}  // namespace parley::projections
