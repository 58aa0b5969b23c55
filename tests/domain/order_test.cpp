// The order's lifecycle, given/when/then: given these events, when this
// command, then these events (or this error).
#include "domain/order.hpp"

#include <gtest/gtest.h>

namespace parley::domain::order {
namespace {

Order sample_order() {
  Order o;
  o.order_id = "ORD-1";
  o.conversation_id = "api:u1";
  o.customer = {"Анна Петрова", "+79001234567", "anna@example.com", "Lenina 1", "Moskva"};
  CartLine line;
  line.sku = "HW-1";
  line.name = "Screws";
  line.quantity = 3;
  line.unit_price_cents = 1990;
  o.lines = {line};
  o.total_cents = 5970;
  o.currency = "EUR";
  o.placed_at_us = 1000;
  return o;
}

State given(const std::vector<Event>& events) {
  State s;
  for (const auto& e : events) s = evolve(std::move(s), e);
  return s;
}

const Event kPlaced = OrderPlaced{sample_order()};
const Event kAsked = PaymentRequested{"stripe", "cs_1", "https://pay/cs_1", "", 2000};
const Event kPaid = PaymentConfirmed{"stripe", "pi_1", 5970, "EUR", "webhook", "stripe", 3000};
const Event kReserved = StockReserved{{{"HW-1", 3}}};

PaymentConfirmed payment(int64_t cents, const std::string& currency = "EUR") {
  return {"stripe", "pi_1", cents, currency, "webhook", "stripe", 3000};
}

TEST(OrderLifecycle, PlacedThenPaymentAskedIsAwaitingPayment) {
  auto s = given({kPlaced});
  EXPECT_EQ(s.status, "placed");
  auto r = decide(s, RequestPayment{std::get<PaymentRequested>(kAsked)});
  ASSERT_TRUE(r);
  ASSERT_EQ(r.value().size(), 1u);
  EXPECT_EQ(evolve(s, r.value()[0]).status, "awaiting_payment");
  // Asked once: a second request decides nothing.
  EXPECT_TRUE(decide(given({kPlaced, kAsked}), RequestPayment{}).value().empty());
}

TEST(OrderLifecycle, PaymentOfTheTotalMakesItPaidAndIsIdempotent) {
  auto r = decide(given({kPlaced, kAsked}), ConfirmPayment{payment(5970)});
  ASSERT_TRUE(r);
  ASSERT_EQ(r.value().size(), 1u);
  EXPECT_EQ(given({kPlaced, kAsked, r.value()[0]}).status, "paid");
  auto again = decide(given({kPlaced, kAsked, kPaid}), ConfirmPayment{payment(5970)});
  ASSERT_TRUE(again);
  EXPECT_TRUE(again.value().empty());
}

TEST(OrderLifecycle, PaymentOfAnotherAmountOrCurrencyIsRefused) {
  auto s = given({kPlaced, kAsked});
  auto low = decide(s, ConfirmPayment{payment(5969)});
  ASSERT_FALSE(low);
  EXPECT_EQ(low.error(), Error::amount_mismatch);
  auto usd = decide(s, ConfirmPayment{payment(5970, "USD")});
  ASSERT_FALSE(usd);
  EXPECT_EQ(usd.error(), Error::amount_mismatch);
}

TEST(OrderLifecycle, ShipsOnlyWhenPaidThenDelivers) {
  auto unpaid = decide(given({kPlaced, kAsked}), Ship{"DHL1", "admin", 4000});
  ASSERT_FALSE(unpaid);
  EXPECT_EQ(unpaid.error(), Error::invalid_transition);
  auto shipped = decide(given({kPlaced, kAsked, kPaid}), Ship{"DHL1", "admin", 4000});
  ASSERT_TRUE(shipped);
  auto s = given({kPlaced, kAsked, kPaid, shipped.value()[0]});
  EXPECT_EQ(s.status, "shipped");
  EXPECT_EQ(s.tracking, "DHL1");
  auto delivered = decide(s, Deliver{"admin", 5000});
  ASSERT_TRUE(delivered);
  EXPECT_EQ(evolve(s, delivered.value()[0]).status, "delivered");
  // Delivering an order that was never shipped is refused.
  EXPECT_EQ(decide(given({kPlaced, kAsked, kPaid}), Deliver{"admin", 1}).error(),
            Error::invalid_transition);
}

TEST(OrderLifecycle, CancelBeforePaymentRefundAfter) {
  auto cancelled = decide(given({kPlaced, kAsked}), Cancel{"changed mind", "admin", 4000});
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(given({kPlaced, kAsked, cancelled.value()[0]}).status, "cancelled");
  EXPECT_EQ(decide(given({kPlaced, kAsked, kPaid}), Cancel{}).error(), Error::invalid_transition);
  auto refunded = decide(given({kPlaced, kAsked, kPaid}), Refund{"broken", "admin", 4000});
  ASSERT_TRUE(refunded);
  EXPECT_EQ(given({kPlaced, kAsked, kPaid, refunded.value()[0]}).status, "refunded");
  EXPECT_EQ(decide(given({kPlaced, kAsked}), Refund{}).error(), Error::invalid_transition);
  // A payment arriving for a cancelled order is refused, not recorded.
  EXPECT_EQ(decide(given({kPlaced, cancelled.value()[0]}), ConfirmPayment{payment(5970)}).error(),
            Error::invalid_transition);
}

TEST(OrderLifecycle, CommandsOnAnOrderNeverPlacedAreNotFound) {
  EXPECT_EQ(decide(State{}, Ship{}).error(), Error::not_found);
  EXPECT_EQ(decide(State{}, ConfirmPayment{payment(1)}).error(), Error::not_found);
}

TEST(OrderSteps, FollowTheLifecycleInOrder) {
  EXPECT_EQ(next_step(State{}), Step::none);
  EXPECT_EQ(next_step(given({kPlaced})), Step::reserve_stock);
  EXPECT_EQ(next_step(given({kPlaced, kReserved})), Step::request_payment);
  // The chat told the shopper "placed"; the payment request is news.
  EXPECT_EQ(next_step(given({kPlaced, kReserved, kAsked})), Step::notify_shopper);
  const Event told_awaiting = ShopperNotified{"awaiting_payment", 2500};
  EXPECT_EQ(next_step(given({kPlaced, kReserved, kAsked, told_awaiting})), Step::none);
  const Event told_paid = ShopperNotified{"paid", 3500};
  EXPECT_EQ(next_step(given({kPlaced, kReserved, kAsked, told_awaiting, kPaid})),
            Step::notify_shopper);
  auto paid = given({kPlaced, kReserved, kAsked, told_awaiting, kPaid, told_paid});
  EXPECT_EQ(next_step(paid), Step::issue_invoice);
  auto invoiced = decide(paid, IssueInvoice{7, 3600, 2000});
  ASSERT_TRUE(invoiced);
  paid = evolve(paid, invoiced.value()[0]);
  EXPECT_EQ(next_step(paid), Step::mail_invoice);
  paid = evolve(paid, InvoiceMailed{"anna@example.com", "smtp", 3700});
  EXPECT_EQ(next_step(paid), Step::none);
}

TEST(OrderSteps, CancellationReleasesWhatWasReservedOnce) {
  const Event cancelled = Cancelled{"", "admin", 4000};
  EXPECT_EQ(next_step(given({kPlaced, kReserved, kAsked, cancelled})), Step::release_stock);
  auto r = decide(given({kPlaced, kReserved, kAsked, cancelled}), ReleaseStock{});
  ASSERT_TRUE(r);
  ASSERT_EQ(r.value().size(), 1u);
  EXPECT_EQ(std::get<StockReleased>(r.value()[0]).lines, (std::vector<StockLine>{{"HW-1", 3}}));
  auto released = given({kPlaced, kReserved, kAsked, cancelled, r.value()[0]});
  EXPECT_TRUE(decide(released, ReleaseStock{}).value().empty());
  EXPECT_EQ(next_step(released), Step::notify_shopper);
  // Cancelled before anything was reserved: nothing to reserve or release.
  EXPECT_EQ(next_step(given({kPlaced, cancelled, ShopperNotified{"cancelled", 1}})), Step::none);
  // Refunded after shipping: the goods are gone, the stock stays as it is.
  auto shipped_refund = given({kPlaced, kReserved, kAsked, kPaid, Shipped{"", "a", 1},
                               Refunded{"", "a", 2}, ShopperNotified{"refunded", 3}});
  EXPECT_NE(next_step(shipped_refund), Step::release_stock);
}

TEST(OrderInvoice, NumbersVatAndMailAttempts) {
  auto paid = given({kPlaced, kReserved, kAsked, kPaid, ShopperNotified{"paid", 3100}});
  auto r = decide(paid, IssueInvoice{42, 3600, 2000});
  ASSERT_TRUE(r);
  const auto inv = std::get<InvoiceIssued>(r.value()[0]).invoice;
  EXPECT_EQ(inv.number, 42u);
  EXPECT_EQ(inv.invoice_id, "INV-000042");
  // 59.70 gross at 20 %: net 49.75, VAT 9.95.
  EXPECT_EQ(inv.net_cents, 4975);
  EXPECT_EQ(inv.vat_cents, 995);
  EXPECT_EQ(inv.net_cents + inv.vat_cents, inv.gross_cents);
  auto invoiced = evolve(paid, r.value()[0]);
  EXPECT_EQ(decide(invoiced, IssueInvoice{43, 1, 2000}).error(), Error::already_invoiced);
  EXPECT_EQ(decide(given({kPlaced, kAsked}), IssueInvoice{1, 1, 2000}).error(),
            Error::invalid_transition);
  // Failures count; the last allowed one is permanent.
  for (uint32_t i = 1; i < kMaxMailAttempts; ++i) {
    auto f = decide(invoiced, RecordMail{false, "a@b", "smtp", "451", false, int64_t{i}});
    ASSERT_TRUE(f);
    EXPECT_FALSE(std::get<InvoiceMailFailed>(f.value()[0]).permanent) << i;
    invoiced = evolve(invoiced, f.value()[0]);
  }
  auto last = decide(invoiced, RecordMail{false, "a@b", "smtp", "451", false, 99});
  EXPECT_TRUE(std::get<InvoiceMailFailed>(last.value()[0]).permanent);
  invoiced = evolve(invoiced, last.value()[0]);
  EXPECT_EQ(next_step(invoiced), Step::none);
  EXPECT_EQ(mail_backoff_us(1), 2000000);
  EXPECT_EQ(mail_backoff_us(20), 600000000);
}

TEST(OrderInvoice, VatSplitsRoundToTheCent) {
  EXPECT_EQ(invoice_amounts(100, 2000).net_cents, 83);  // 0.8333…
  EXPECT_EQ(invoice_amounts(100, 2000).vat_cents, 17);
  EXPECT_EQ(invoice_amounts(1190, 1900).net_cents, 1000);
  EXPECT_EQ(invoice_amounts(1000, 0).vat_cents, 0);
}

}  // namespace
}  // namespace parley::domain::order
