// The order desk and worker against the in-memory store: stock held and
// given back exactly once, gap-free invoice numbers, webhook event ids
// claimed once, and the worker's steps with fake providers and mailers.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "events/memory_event_store.hpp"
#include "events/order_codec.hpp"
#include "events/product_codec.hpp"
#include "payments/manual_provider.hpp"
#include "payments/order_desk.hpp"
#include "payments/order_worker.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley::payments {
namespace {

namespace product = domain::product;

class OrderDeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    add_product("HW-1", 10);
    add_product("HW-2", 1);
  }
  void add_product(const std::string& sku, int64_t stock) {
    product::Product p;
    p.sku = sku;
    p.name = sku;
    p.price_cents = 1000;
    p.currency = "EUR";
    p.stock = stock;
    events::AppendRequest req{{product::kEntityType, sku}, 0, {}, {}};
    req.events.push_back(events::product_codec::encode(product::ProductUpserted{p}, 1, "test"));
    ASSERT_TRUE(store_.append(req).status.ok());
  }
  void place(const std::string& id, std::vector<std::pair<std::string, int64_t>> lines,
             const std::string& email = "anna@example.com") {
    order::Order o;
    o.order_id = id;
    o.conversation_id = "api:" + id;
    o.customer = {"Anna", "+100", email, "Street 1", "Town"};
    for (const auto& [sku, qty] : lines) {
      domain::CartLine l;
      l.sku = sku;
      l.name = sku;
      l.quantity = qty;
      l.unit_price_cents = 1000;
      o.lines.push_back(l);
    }
    auto placed = order::decide(order::State{}, order::Place{o});
    ASSERT_TRUE(placed);
    events::AppendRequest req{{order::kEntityType, id}, 0, {}, {}};
    req.events.push_back(events::order_codec::encode(placed.value()[0], "chat"));
    ASSERT_TRUE(store_.append(req).status.ok());
  }
  int64_t stock(const std::string& sku) {
    std::vector<events::EventEnvelope> envs;
    store_.read_stream({product::kEntityType, sku}, 1, SIZE_MAX, &envs);
    product::State s;
    for (const auto& e : envs) s = product::evolve(s, *events::product_codec::decode(e));
    return s.product.stock;
  }
  order::PaymentConfirmed payment(int64_t cents) {
    return {"stripe", "pi_1", cents, "EUR", "webhook", "stripe", 5};
  }

  events::MemoryEventStore store_;
  events::GroupCommitWriter writer_{store_};
  int64_t now_ = 1000000;
  OrderDesk desk_{store_, writer_, [this] { return now_; }};
};

TEST_F(OrderDeskTest, StockIsHeldWhenPlacedAndGivenBackOnCancellation) {
  place("O1", {{"HW-1", 3}, {"HW-2", 2}, {"HW-1", 1}});
  auto r = desk_.reserve_stock("O1");
  ASSERT_TRUE(r.ok) << r.error_code();
  EXPECT_EQ(stock("HW-1"), 6);  // 3 + 1 of the same product
  EXPECT_EQ(stock("HW-2"), 0);  // only 1 was left of the 2 ordered
  EXPECT_EQ(r.state.reserved, (std::vector<order::StockLine>{{"HW-1", 4}, {"HW-2", 1}}));
  // Exactly once: a second reservation changes nothing.
  EXPECT_TRUE(desk_.reserve_stock("O1").events.empty());
  EXPECT_EQ(stock("HW-1"), 6);

  ASSERT_TRUE(desk_.run("O1", order::Cancel{"", "admin", 2}, "t").ok);
  ASSERT_TRUE(desk_.release_stock("O1").ok);
  EXPECT_EQ(stock("HW-1"), 10);
  EXPECT_EQ(stock("HW-2"), 1);
  EXPECT_TRUE(desk_.release_stock("O1").events.empty());
  EXPECT_EQ(stock("HW-1"), 10);
}

TEST_F(OrderDeskTest, InvoiceNumbersAreGapFreeAndNeverReused) {
  for (const char* id : {"A", "B", "C"}) place(id, {{"HW-1", 1}});
  ASSERT_TRUE(desk_.run("A", order::ConfirmPayment{payment(1000)}, "t").ok);
  ASSERT_TRUE(desk_.run("C", order::ConfirmPayment{payment(1000)}, "t").ok);
  EXPECT_TRUE(
      desk_.issue_invoice("B", 2000).refused_with(order::Error::invalid_transition));  // unpaid
  EXPECT_EQ(desk_.issue_invoice("C", 2000).state.invoice->invoice_id, "INV-000001");
  EXPECT_EQ(desk_.issue_invoice("A", 2000).state.invoice->invoice_id, "INV-000002");
  EXPECT_TRUE(desk_.issue_invoice("A", 2000).refused_with(order::Error::already_invoiced));
  ASSERT_TRUE(desk_.run("B", order::ConfirmPayment{payment(1000)}, "t").ok);
  EXPECT_EQ(desk_.issue_invoice("B", 2000).state.invoice->number, 3u);
  std::vector<events::EventEnvelope> seq;
  store_.read_stream({events::order_codec::kInvoiceSeqType, events::order_codec::kInvoiceSeqId}, 1,
                     SIZE_MAX, &seq);
  ASSERT_EQ(seq.size(), 3u);
  EXPECT_NE(seq[2].payload.find("\"order_id\":\"B\""), std::string::npos);
}

TEST_F(OrderDeskTest, AWebhookEventIdIsActedOnOnce) {
  place("O1", {{"HW-1", 2}});
  auto first = desk_.run("O1", order::ConfirmPayment{payment(2000)}, "evt", "stripe_event:evt_1");
  ASSERT_TRUE(first.ok);
  EXPECT_FALSE(first.duplicate);
  EXPECT_EQ(first.state.status, "paid");
  auto again = desk_.run("O1", order::ConfirmPayment{payment(2000)}, "evt", "stripe_event:evt_1");
  EXPECT_TRUE(again.ok);
  EXPECT_TRUE(again.duplicate);
  EXPECT_TRUE(desk_.run("nope", order::Ship{}, "t").refused_with(order::Error::not_found));
}

// ---- the worker -----------------------------------------------------------

class FakeStripe final : public PaymentProvider {
 public:
  std::string name() const override { return "stripe"; }
  PaymentLink create_link(const PaymentRequest& r) const override {
    ++calls;
    PaymentLink l;
    l.provider = "stripe";
    if (failures_left > 0) {
      --failures_left;
      l.retryable = !refuse;
      l.error = "down";
      return l;
    }
    l.ok = true;
    l.reference = "cs_" + r.order_id;
    l.url = "https://pay.example/" + r.order_id;
    return l;
  }
  PaymentCheck check(const std::string&) const override { return {}; }
  PaymentNotice read_webhook(const std::map<std::string, std::string>&, const std::string&,
                             int64_t) const override {
    return {};
  }
  mutable std::atomic<int> calls{0};
  mutable std::atomic<int> failures_left{0};
  bool refuse = false;
};

class FakeMailer final : public Mailer {
 public:
  std::string name() const override { return "smtp"; }
  MailResult send(const MailMessage& m) const override {
    std::lock_guard<std::mutex> lock(mu);
    sent.push_back(m);
    MailResult r;
    if (failures_left > 0) {
      --failures_left;
      r.error = "451 try later";
      return r;
    }
    r.ok = true;
    return r;
  }
  mutable std::mutex mu;
  mutable std::vector<MailMessage> sent;
  mutable int failures_left = 0;
};

class OrderWorkerTest : public OrderDeskTest {
 protected:
  OrderWorker& worker() {
    if (!worker_) {
      worker_ = std::make_unique<OrderWorker>(
          store_, desk_, stripe_, bank_, renderer_, &mailer_,
          [this](const OrderNotice& n) {
            notices_.push_back(n);
            return notify_ok_;
          },
          WorkerOptions{"shop@example.com", std::chrono::milliseconds(100)},
          [this] { return now_; });
    }
    return *worker_;
  }
  order::State order_state(const std::string& id) { return desk_.load(id).state; }

  FakeStripe stripe_;
  ManualProvider bank_{{"Shop", "IBAN1", "", ""}};
  testing::TempDir dir_;
  InvoiceRenderer renderer_{ShopDetails{}, dir_.sub("invoices")};
  FakeMailer mailer_;
  std::vector<OrderNotice> notices_;
  bool notify_ok_ = true;
  std::unique_ptr<OrderWorker> worker_;
};

TEST_F(OrderWorkerTest, APlacedOrderGetsStockALinkAndANotice) {
  place("O1", {{"HW-1", 2}});
  worker().run_once();
  auto s = order_state("O1");
  EXPECT_EQ(s.status, "awaiting_payment");
  EXPECT_TRUE(s.stock_reserved);
  EXPECT_EQ(stock("HW-1"), 8);
  ASSERT_TRUE(s.payment);
  EXPECT_EQ(s.payment->url, "https://pay.example/O1");
  ASSERT_EQ(notices_.size(), 1u);
  EXPECT_EQ(notices_[0].status, "awaiting_payment");
  EXPECT_EQ(notices_[0].payment_url, "https://pay.example/O1");
  EXPECT_EQ(s.notified_status, "awaiting_payment");
  // Nothing more to do: another round asks nobody anything.
  worker().run_once();
  EXPECT_EQ(stripe_.calls, 1);
  EXPECT_EQ(notices_.size(), 1u);
}

TEST_F(OrderWorkerTest, PaymentLeadsToAnInvoiceMailedWithThePdfRetriedOnFailure) {
  place("O1", {{"HW-1", 1}});
  worker().run_once();
  ASSERT_TRUE(desk_.run("O1", order::ConfirmPayment{payment(1000)}, "t").ok);
  mailer_.failures_left = 1;
  worker().run_once();
  auto s = order_state("O1");
  ASSERT_TRUE(s.invoice);
  EXPECT_EQ(s.invoice->invoice_id, "INV-000001");
  EXPECT_EQ(s.invoice_mail_attempts, 1u);
  EXPECT_FALSE(s.invoice_mailed);
  EXPECT_EQ(notices_.back().status, "paid");
  // Not yet due: the failure waits its backoff (2 s).
  worker().run_once();
  EXPECT_EQ(mailer_.sent.size(), 1u);
  now_ += 2100000;
  worker().run_once();
  s = order_state("O1");
  EXPECT_TRUE(s.invoice_mailed);
  ASSERT_EQ(mailer_.sent.size(), 2u);
  const auto& m = mailer_.sent.back();
  EXPECT_EQ(m.to, "anna@example.com");
  EXPECT_EQ(m.from, "shop@example.com");
  EXPECT_EQ(m.attachment_name, "INV-000001.pdf");
  EXPECT_EQ(m.attachment.rfind("%PDF-", 0), 0u);
}

TEST_F(OrderWorkerTest, ProviderTroubleIsRetriedAndARefusalFallsBackToBankTransfer) {
  place("O1", {{"HW-1", 1}});
  stripe_.failures_left = 1;
  worker().run_once();
  EXPECT_EQ(order_state("O1").status, "placed");
  now_ += 1100000;  // the first retry comes after a second
  worker().run_once();
  EXPECT_EQ(order_state("O1").payment->provider, "stripe");

  place("O2", {{"HW-1", 1}});
  stripe_.refuse = true;
  stripe_.failures_left = 1;
  worker().run_once();
  auto s = order_state("O2");
  ASSERT_TRUE(s.payment);
  EXPECT_EQ(s.payment->provider, "manual");
  EXPECT_NE(s.payment->instructions.find("IBAN1"), std::string::npos);
}

TEST_F(OrderWorkerTest, AShopperNotReachedIsToldLaterAndOnlyOnce) {
  place("O1", {{"HW-1", 1}});
  notify_ok_ = false;
  worker().run_once();
  EXPECT_EQ(order_state("O1").notified_status, "placed");
  notify_ok_ = true;
  now_ += 1100000;
  worker().run_once();
  EXPECT_EQ(order_state("O1").notified_status, "awaiting_payment");
  EXPECT_EQ(notices_.size(), 2u);  // the failed try and the one that landed
  // Cancelled: the stock comes back and the shopper hears of it.
  ASSERT_TRUE(desk_.run("O1", order::Cancel{"", "admin", 1}, "t").ok);
  worker().run_once();
  EXPECT_EQ(stock("HW-1"), 10);
  EXPECT_EQ(notices_.back().status, "cancelled");
}

}  // namespace
}  // namespace parley::payments
