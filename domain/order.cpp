#include "domain/order.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/overloaded.hpp"

namespace parley::domain::order {

const char* to_string(Error e) {
  switch (e) {
    case Error::already_exists:
      return "already_exists";
    case Error::empty_order:
      return "empty_order";
    case Error::incomplete_customer:
      return "incomplete_customer";
    case Error::not_found:
      return "not_found";
    case Error::invalid_transition:
      return "invalid_transition";
    case Error::amount_mismatch:
      return "amount_mismatch";
    case Error::already_invoiced:
      return "already_invoiced";
    case Error::not_invoiced:
      return "not_invoiced";
  }
  return "unknown";
}

namespace {

using Events = std::vector<Event>;
using Decision = Result<Events, Error>;

bool is(const State& s, std::initializer_list<const char*> statuses) {
  for (const char* st : statuses)
    if (s.status == st) return true;
  return false;
}

Decision place(const State& s, const Place& c) {
  if (s.exists) return fail(Error::already_exists);
  if (c.order.lines.empty()) return fail(Error::empty_order);
  if (!c.order.customer.complete()) return fail(Error::incomplete_customer);
  Order o = c.order;
  const int64_t lines = cart_total_cents(o.lines);
  // A discount is at most what the lines cost: an order never pays less than 0.
  o.discount_cents = std::clamp<int64_t>(o.discount_cents, 0, lines);
  if (o.discount_cents == 0) o.promo_code.clear();
  o.total_cents = lines - o.discount_cents;
  return Events{OrderPlaced{std::move(o)}};
}

Decision reserve(const State& s, const ReserveStock& c) {
  if (s.stock_reserved) return Events{};
  return Events{StockReserved{c.lines}};
}

Decision release(const State& s, const ReleaseStock&) {
  if (!s.stock_reserved || s.stock_released) return Events{};
  return Events{StockReleased{s.reserved}};
}

Decision request_payment(const State& s, const RequestPayment& c) {
  if (s.payment) return Events{};
  if (s.status != "placed") return fail(Error::invalid_transition);
  return Events{PaymentRequested{c.request}};
}

Decision confirm_payment(const State& s, const ConfirmPayment& c) {
  if (is(s, {"paid", "shipped", "delivered"})) return Events{};  // told twice
  if (!is(s, {"placed", "awaiting_payment"})) return fail(Error::invalid_transition);
  const auto& p = c.payment;
  if (p.amount_cents != s.order.total_cents || p.currency != s.order.currency)
    return fail(Error::amount_mismatch);
  return Events{PaymentConfirmed{p}};
}

Decision ship(const State& s, const Ship& c) {
  if (s.status == "shipped" && c.tracking == s.tracking) return Events{};
  if (!is(s, {"paid", "shipped"})) return fail(Error::invalid_transition);
  return Events{Shipped{c.tracking, c.by, c.at_us}};
}

Decision deliver(const State& s, const Deliver& c) {
  if (s.status == "delivered") return Events{};
  if (s.status != "shipped") return fail(Error::invalid_transition);
  return Events{Delivered{c.by, c.at_us}};
}

Decision cancel(const State& s, const Cancel& c) {
  if (s.status == "cancelled") return Events{};
  if (!is(s, {"placed", "awaiting_payment"})) return fail(Error::invalid_transition);
  return Events{Cancelled{c.reason, c.by, c.at_us}};
}

Decision refund(const State& s, const Refund& c) {
  if (s.status == "refunded") return Events{};
  if (!is(s, {"paid", "shipped", "delivered"})) return fail(Error::invalid_transition);
  return Events{Refunded{c.reason, c.by, c.at_us}};
}

Decision issue_invoice(const State& s, const IssueInvoice& c) {
  if (s.invoice) return fail(Error::already_invoiced);
  if (!s.paid) return fail(Error::invalid_transition);
  Invoice inv = invoice_amounts(s.order.total_cents, c.vat_rate_bp);
  inv.number = c.number;
  inv.invoice_id = invoice_id(c.number);
  inv.issued_at_us = c.at_us;
  return Events{InvoiceIssued{inv}};
}

Decision record_mail(const State& s, const RecordMail& c) {
  if (!s.invoice) return fail(Error::not_invoiced);
  if (s.invoice_mailed) return Events{};
  if (c.sent) return Events{InvoiceMailed{c.to, c.via, c.at_us}};
  return Events{InvoiceMailFailed{
      c.to, c.error, c.permanent || s.invoice_mail_attempts + 1 >= kMaxMailAttempts, c.at_us}};
}

Decision record_notified(const State& s, const RecordNotified& c) {
  if (s.notified_status == c.status) return Events{};
  return Events{ShopperNotified{c.status, c.at_us}};
}

template <class C>
Decision on_existing(const State& s, const C& c) {
  if (!s.exists) return fail(Error::not_found);
  if constexpr (std::is_same_v<C, ReserveStock>)
    return reserve(s, c);
  else if constexpr (std::is_same_v<C, ReleaseStock>)
    return release(s, c);
  else if constexpr (std::is_same_v<C, RequestPayment>)
    return request_payment(s, c);
  else if constexpr (std::is_same_v<C, ConfirmPayment>)
    return confirm_payment(s, c);
  else if constexpr (std::is_same_v<C, Ship>)
    return ship(s, c);
  else if constexpr (std::is_same_v<C, Deliver>)
    return deliver(s, c);
  else if constexpr (std::is_same_v<C, Cancel>)
    return cancel(s, c);
  else if constexpr (std::is_same_v<C, Refund>)
    return refund(s, c);
  else if constexpr (std::is_same_v<C, IssueInvoice>)
    return issue_invoice(s, c);
  else if constexpr (std::is_same_v<C, RecordMail>)
    return record_mail(s, c);
  else if constexpr (std::is_same_v<C, RecordNotified>)
    return record_notified(s, c);
  else
    static_assert(unhandled<C>, "an order command without a handler");
}

struct Evolver {
  State& s;
  void operator()(const OrderPlaced& e) {
    s.exists = true;
    s.status = "placed";
    s.notified_status = "placed";  // the chat reply that placed it said so
    s.order = e.order;
    s.updated_at_us = e.order.placed_at_us;
  }
  void operator()(const StockReserved& e) {
    s.stock_reserved = true;
    s.reserved = e.lines;
  }
  void operator()(const StockReleased&) {
    s.stock_released = true;
    s.reserved.clear();
  }
  void operator()(const PaymentRequested& e) {
    s.payment = e;
    if (s.status == "placed") s.status = "awaiting_payment";
    s.updated_at_us = e.at_us;
  }
  void operator()(const PaymentConfirmed& e) {
    s.paid = e;
    s.status = "paid";
    s.updated_at_us = e.at_us;
  }
  void operator()(const Shipped& e) {
    s.status = "shipped";
    s.tracking = e.tracking;
    s.ever_shipped = true;
    s.updated_at_us = e.at_us;
  }
  void operator()(const Delivered& e) {
    s.status = "delivered";
    s.updated_at_us = e.at_us;
  }
  void operator()(const Cancelled& e) {
    s.status = "cancelled";
    s.status_reason = e.reason;
    s.updated_at_us = e.at_us;
  }
  void operator()(const Refunded& e) {
    s.status = "refunded";
    s.status_reason = e.reason;
    s.updated_at_us = e.at_us;
  }
  void operator()(const InvoiceIssued& e) { s.invoice = e.invoice; }
  void operator()(const InvoiceMailed&) { s.invoice_mailed = true; }
  void operator()(const InvoiceMailFailed& e) {
    ++s.invoice_mail_attempts;
    s.last_mail_failure_us = e.at_us;
    if (e.permanent) s.invoice_mail_dead = true;
  }
  void operator()(const ShopperNotified& e) { s.notified_status = e.status; }
};

}  // namespace

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  return std::visit(
      [&](const auto& c) -> Decision {
        if constexpr (std::is_same_v<std::decay_t<decltype(c)>, Place>) {
          return place(state, c);
        } else {
          return on_existing(state, c);
        }
      },
      command);
}

State evolve(State s, const Event& event) {
  std::visit(Evolver{s}, event);
  return s;
}

Invoice invoice_amounts(int64_t gross_cents, uint32_t rate_bp) {
  Invoice inv;
  inv.vat_rate_bp = rate_bp;
  inv.gross_cents = gross_cents;
  const int64_t divisor = 10000 + int64_t{rate_bp};
  inv.net_cents = (gross_cents * 10000 + divisor / 2) / divisor;
  inv.vat_cents = gross_cents - inv.net_cents;
  return inv;
}

std::string invoice_id(uint64_t number) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "INV-%06llu", static_cast<unsigned long long>(number));
  return buf;
}

Step next_step(const State& s) {
  if (!s.exists) return Step::none;
  const bool closed = s.status == "cancelled" || (s.status == "refunded" && !s.ever_shipped);
  if (!s.stock_reserved && !closed) return Step::reserve_stock;
  if (closed && s.stock_reserved && !s.stock_released) return Step::release_stock;
  if (s.status == "placed" && !s.payment) return Step::request_payment;
  if (s.notified_status != s.status) return Step::notify_shopper;
  if (s.paid && !s.invoice) return Step::issue_invoice;
  if (s.invoice && !s.invoice_mailed && !s.invoice_mail_dead && !s.order.customer.email.empty())
    return Step::mail_invoice;
  return Step::none;
}

int64_t mail_backoff_us(uint32_t attempts) {
  // 2 s, 4 s, 8 s … capped at 10 minutes.
  int64_t s = int64_t{1} << (attempts < 10 ? attempts : 10);
  if (s > 600) s = 600;
  return s * 1000000;
}

}  // namespace parley::domain::order
