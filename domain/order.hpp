// The order entity: placed by a conversation, then paid, shipped and
// delivered, or cancelled or refunded. Decider: decide(state, command) ->
// events | error; evolve(state, event). Pure: times, ids, invoice numbers
// and provider answers arrive in the commands.
//
// Lifecycle (status):
//   placed -> awaiting_payment -> paid -> shipped -> delivered
//   placed | awaiting_payment -> cancelled
//   paid | shipped | delivered -> refunded
// Besides the status the order records the work done around it (stock
// reserved and released, the invoice, its e-mail, the shopper told of each
// status); next_step() names what is still to do, so a worker that follows
// the log can do it exactly once and resume after a restart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"
#include "domain/shop.hpp"

namespace parley::domain::order {

inline constexpr const char* kEntityType = "order";

struct Order {
  std::string order_id;
  std::string conversation_id;
  Customer customer;
  std::vector<CartLine> lines;
  int64_t total_cents = 0;      // the lines' total less the discount: what is paid
  int64_t discount_cents = 0;   // a promotion's (domain/promotion.hpp); 0 without one
  std::string promo_code = "";  // the promotion's code, "" without one
  std::string currency = "EUR";
  int64_t placed_at_us = 0;
};

// Stock held for (or given back by) the order: what each product actually
// had to give, which may be less than ordered when the stock ran short.
struct StockLine {
  std::string sku;
  int64_t quantity = 0;
  friend bool operator==(const StockLine& a, const StockLine& b) {
    return a.sku == b.sku && a.quantity == b.quantity;
  }
};

struct Invoice {
  uint64_t number = 0;     // gap-free, from 1
  std::string invoice_id;  // "INV-000042"
  int64_t issued_at_us = 0;
  uint32_t vat_rate_bp = 0;  // basis points: 2000 = 20 %
  int64_t net_cents = 0, vat_cents = 0, gross_cents = 0;
};

// ---- events -------------------------------------------------------------
struct OrderPlaced {
  Order order;
};
struct StockReserved {
  std::vector<StockLine> lines;
};
struct StockReleased {
  std::vector<StockLine> lines;
};
struct PaymentRequested {
  std::string provider;      // "stripe", "manual"
  std::string reference;     // the provider's id (Checkout Session id; the order id)
  std::string url;           // where the shopper pays; "" for bank transfer
  std::string instructions;  // bank-transfer details; "" for Stripe
  int64_t at_us = 0;
};
struct PaymentConfirmed {
  std::string provider;
  std::string reference;  // the provider's payment id, or who confirmed it
  int64_t amount_cents = 0;
  std::string currency;
  std::string source;  // "webhook", "admin", "status_check"
  std::string by;
  int64_t at_us = 0;
};
struct Shipped {
  std::string tracking;
  std::string by;
  int64_t at_us = 0;
};
struct Delivered {
  std::string by;
  int64_t at_us = 0;
};
struct Cancelled {
  std::string reason;
  std::string by;
  int64_t at_us = 0;
};
struct Refunded {
  std::string reason;
  std::string by;
  int64_t at_us = 0;
};
struct InvoiceIssued {
  Invoice invoice;
};
struct InvoiceMailed {
  std::string to;
  std::string via;  // "smtp", "sendgrid"
  int64_t at_us = 0;
};
struct InvoiceMailFailed {
  std::string to;
  std::string error;
  bool permanent = false;  // no more attempts
  int64_t at_us = 0;
};
struct ShopperNotified {
  std::string status;
  int64_t at_us = 0;
};
// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kPlaced = "order.placed";
inline constexpr const char* kStockReserved = "order.stock_reserved";
inline constexpr const char* kStockReleased = "order.stock_released";
inline constexpr const char* kPaymentRequested = "order.payment_requested";
inline constexpr const char* kPaid = "order.paid";
inline constexpr const char* kShipped = "order.shipped";
inline constexpr const char* kDelivered = "order.delivered";
inline constexpr const char* kCancelled = "order.cancelled";
inline constexpr const char* kRefunded = "order.refunded";
inline constexpr const char* kInvoiceIssued = "order.invoice_issued";
inline constexpr const char* kInvoiceMailed = "order.invoice_mailed";
inline constexpr const char* kInvoiceMailFailed = "order.invoice_mail_failed";
inline constexpr const char* kShopperNotified = "order.shopper_notified";
}  // namespace types
using Event = std::variant<OrderPlaced, StockReserved, StockReleased, PaymentRequested,
                           PaymentConfirmed, Shipped, Delivered, Cancelled, Refunded, InvoiceIssued,
                           InvoiceMailed, InvoiceMailFailed, ShopperNotified>;

// ---- state --------------------------------------------------------------
struct State {
  bool exists = false;
  std::string status;  // placed, awaiting_payment, paid, shipped, delivered, cancelled, refunded
  Order order;
  bool stock_reserved = false;
  bool stock_released = false;
  std::vector<StockLine> reserved;  // what is held now
  std::optional<PaymentRequested> payment;
  std::optional<PaymentConfirmed> paid;
  std::string tracking;
  bool ever_shipped = false;
  std::string status_reason;  // of the cancellation or refund
  std::optional<Invoice> invoice;
  bool invoice_mailed = false;
  bool invoice_mail_dead = false;  // a permanent failure, or too many attempts
  uint32_t invoice_mail_attempts = 0;
  int64_t last_mail_failure_us = 0;
  std::string notified_status;  // the last status the shopper was told of
  int64_t updated_at_us = 0;
};

// ---- commands -----------------------------------------------------------
struct Place {
  Order order;
};
struct ReserveStock {
  std::vector<StockLine> lines;
};
struct ReleaseStock {};
struct RequestPayment {
  PaymentRequested request;
};
struct ConfirmPayment {
  PaymentConfirmed payment;
};
struct Ship {
  std::string tracking;
  std::string by;
  int64_t at_us = 0;
};
struct Deliver {
  std::string by;
  int64_t at_us = 0;
};
struct Cancel {
  std::string reason;
  std::string by;
  int64_t at_us = 0;
};
struct Refund {
  std::string reason;
  std::string by;
  int64_t at_us = 0;
};
struct IssueInvoice {
  uint64_t number = 0;
  int64_t at_us = 0;
  uint32_t vat_rate_bp = 0;
};
struct RecordMail {
  bool sent = false;
  std::string to;
  std::string via;
  std::string error;
  bool permanent = false;
  int64_t at_us = 0;
};
struct RecordNotified {
  std::string status;
  int64_t at_us = 0;
};
using Command =
    std::variant<Place, ReserveStock, ReleaseStock, RequestPayment, ConfirmPayment, Ship, Deliver,
                 Cancel, Refund, IssueInvoice, RecordMail, RecordNotified>;

enum class Error : uint8_t {
  already_exists = 1,
  empty_order,
  incomplete_customer,
  not_found,           // a command on an order never placed
  invalid_transition,  // the status does not allow it (shipping an unpaid order …)
  amount_mismatch,     // a payment for another amount or currency than the order's
  already_invoiced,
  not_invoiced,
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

// The attempts an invoice e-mail gets before it is given up (dead).
inline constexpr uint32_t kMaxMailAttempts = 8;

Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

// Prices include VAT: the gross splits into net and VAT at `rate_bp`
// (net rounded to the nearest cent, VAT the rest).
Invoice invoice_amounts(int64_t gross_cents, uint32_t rate_bp);
std::string invoice_id(uint64_t number);

// What the order still needs done by the worker, in this order of priority.
enum class Step : uint8_t {
  none,
  reserve_stock,    // placed, nothing reserved yet
  release_stock,    // cancelled (or refunded before shipping) and still holding stock
  request_payment,  // placed, no payment asked for yet
  notify_shopper,   // the shopper was not told of the current status
  issue_invoice,    // paid (or later), no invoice yet
  mail_invoice,     // invoiced, not mailed, not dead, with an e-mail address
};
Step next_step(const State& state);
// When the next mail attempt is due after `attempts` failures (µs after the last).
int64_t mail_backoff_us(uint32_t attempts);

}  // namespace parley::domain::order
