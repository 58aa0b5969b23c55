// The order worker: follows the log's order events and does, for each
// order, what domain::order::next_step() says is still to do — reserve the
// stock, ask the payment provider for a link or instructions, tell the
// shopper of each status (through the conversation, which words it in the
// shopper's language and sends it through the outbox), issue the invoice,
// render it and e-mail it. Each step ends in an order event, so the log
// says what was done: after a restart the worker folds the log again and
// carries on where it stopped, and nothing is done twice.
//
// A step that fails (provider down, SMTP refused, entity busy) is retried
// later: with backoff in memory for links and notices, and with the failed
// attempts recorded on the order (order.invoice_mail_failed) for e-mail,
// until kMaxMailAttempts.
//
// It also follows conversation.order_cancel_requested: a shopper's
// cancellation is carried out while the order is unpaid.
//
// One thread; the blocking calls (libcurl, rendering futures, the engine)
// happen there, never on a CAF scheduler thread or an HTTP thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "payments/invoice_renderer.hpp"
#include "payments/mailer.hpp"
#include "payments/order_desk.hpp"
#include "payments/order_links.hpp"
#include "payments/payment_provider.hpp"
#include "projections/log_follower.hpp"
#include "projections/periodic_thread.hpp"

namespace parley::payments {

// What the shopper is told when their order changes.
struct OrderNotice {
  std::string conversation_id;
  std::string order_id;
  std::string status;
  int64_t total_cents = 0;
  std::string currency;
  std::string payment_url;
  std::string payment_instructions;
  std::string tracking;
  int64_t at_us = 0;
};
// true: recorded by the conversation (or nothing to tell); false: try later.
using NotifyShopper = std::function<bool(const OrderNotice&)>;

struct WorkerOptions {
  std::string mail_from;  // SMTP_FROM
  std::chrono::milliseconds every{100};
  const OrderLinks* links = nullptr;  // signs the page the provider returns the shopper to
};

class OrderWorker : public projections::LogFollower {
 public:
  std::string_view name() const override { return "order worker"; }
  using Clock = std::function<int64_t()>;
  // Borrows everything; `mailer` may be null (no e-mail configured).
  OrderWorker(events::EventStore& store, OrderDesk& desk, const PaymentProvider& provider,
              const PaymentProvider& fallback, InvoiceRenderer& renderer, const Mailer* mailer,
              NotifyShopper notify, WorkerOptions options, Clock now_us);
  ~OrderWorker() override;

  void start();
  void stop();
  // Makes the worker's thread run at once instead of at the end of its period.
  void wake_now() { thread_.wake(); }
  // Catches up and does every step that is due now (tests call it directly).
  void run_once();

  struct Stats {
    uint64_t steps = 0, failures = 0, pending = 0;
  };
  Stats stats() const;

 protected:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t) override {}

 private:
  // Does the order's steps until none is left or one fails; false on failure.
  bool work_on(const std::string& order_id, int64_t now);
  bool cancel_if_wanted(const std::string& order_id);
  bool request_payment(const order::State& s);
  bool notify(const order::State& s);
  bool mail_invoice(const order::State& s, int64_t now);
  void retry_later(const std::string& order_id, int64_t now);

  OrderDesk& desk_;
  const PaymentProvider& provider_;
  const PaymentProvider& fallback_;
  InvoiceRenderer& renderer_;
  const Mailer* mailer_;
  NotifyShopper notify_;
  WorkerOptions options_;
  Clock now_us_;

  mutable std::mutex mu_;                         // guards what follows
  std::map<std::string, order::State> orders_;    // folded from the log
  std::set<std::string> dirty_;                   // changed since last looked at
  std::map<std::string, int64_t> cancel_wanted_;  // asked in the chat at (µs), not yet done
  std::map<std::string, int64_t> due_;            // retry at (µs)
  std::map<std::string, uint32_t> failures_;      // consecutive, per order
  Stats stats_;
  projections::PeriodicThread thread_;
};

}  // namespace parley::payments
