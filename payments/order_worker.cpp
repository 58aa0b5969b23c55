#include "payments/order_worker.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "events/conversation_codec.hpp"
#include "events/order_codec.hpp"

namespace parley::payments {

namespace ct = events::conversation_codec::types;

namespace codec = events::order_codec;

OrderWorker::OrderWorker(events::EventStore& store, OrderDesk& desk,
                         const PaymentProvider& provider, const PaymentProvider& fallback,
                         InvoiceRenderer& renderer, const Mailer* mailer, NotifyShopper notify,
                         WorkerOptions options, Clock now_us)
    : LogFollower(store),
      desk_(desk),
      provider_(provider),
      fallback_(fallback),
      renderer_(renderer),
      mailer_(mailer),
      notify_(std::move(notify)),
      options_(std::move(options)),
      now_us_(std::move(now_us)) {}

OrderWorker::~OrderWorker() {
  stop();
  stop_following();
}

void OrderWorker::start() {
  thread_.start(options_.every, [this] { run_once(); });
}

void OrderWorker::stop() {
  thread_.stop();
}

namespace {
constexpr std::string_view kCancelRequested = ct::kOrderCancelRequested;
}  // namespace

bool OrderWorker::wants(std::string_view type) const {
  return type == kCancelRequested || codec::is_order_event(std::string(type));
}

events::Status OrderWorker::apply(const events::EventEnvelope& env) {
  if (env.type == kCancelRequested) {
    // The shopper asked to cancel in the chat: the order's own events say
    // whether it still can be (work_on), so only the wish is kept here.
    const auto p = nlohmann::json::parse(env.payload, nullptr, false);
    if (!p.is_object() || !p.value("order_id", nlohmann::json()).is_string())
      return events::Status::Corruption("order_cancel_requested without an order_id");
    std::lock_guard<std::mutex> lock(mu_);
    const std::string id = p["order_id"];
    cancel_wanted_[id] = env.timestamp_us;
    dirty_.insert(id);
    return events::Status::Ok();
  }
  auto e = codec::decode(env);
  if (!e) return e.status();
  std::lock_guard<std::mutex> lock(mu_);
  auto& s = orders_[env.entity_id];
  s = order::evolve(std::move(s), *e);
  dirty_.insert(env.entity_id);
  return events::Status::Ok();
}

OrderWorker::Stats OrderWorker::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  Stats s = stats_;
  s.pending = due_.size();
  return s;
}

void OrderWorker::run_once() {
  if (auto st = catch_up(); !st.ok())
    std::fprintf(stderr, "parley: order worker cannot read the log: %s\n", st.to_string().c_str());
  const int64_t now = now_us_();
  std::vector<std::string> work;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& id : dirty_) {
      if (due_.count(id)) continue;  // waiting for its retry
      if (cancel_wanted_.count(id)) {
        work.push_back(id);
        continue;
      }
      const auto step = order::next_step(orders_[id]);
      if (step == order::Step::none) continue;
      if (step == order::Step::mail_invoice && !mailer_) continue;
      work.push_back(id);
    }
    dirty_.clear();
    for (auto it = due_.begin(); it != due_.end();) {
      if (it->second <= now) {
        work.push_back(it->first);
        it = due_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (const auto& id : work) {
    if (work_on(id, now)) {
      std::lock_guard<std::mutex> lock(mu_);
      failures_.erase(id);
    } else {
      retry_later(id, now);
    }
  }
}

void OrderWorker::retry_later(const std::string& id, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  const uint32_t n = ++failures_[id];
  ++stats_.failures;
  // 1 s, 2 s, 4 s … capped at 5 minutes.
  int64_t wait_s = int64_t{1} << (n < 9 ? n - 1 : 8);
  if (wait_s > 300) wait_s = 300;
  due_[id] = now + wait_s * 1000000;
}

// The shopper's cancellation, if one is waiting: done while the order is
// unpaid; once paid it was the team's to decide, and the wish is dropped.
bool OrderWorker::cancel_if_wanted(const std::string& id) {
  int64_t asked_at = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = cancel_wanted_.find(id);
    if (it == cancel_wanted_.end()) return true;
    asked_at = it->second;
  }
  auto loaded = desk_.load(id);
  if (!loaded.status.ok()) return false;
  const auto& status = loaded.state.status;
  if (status == "placed" || status == "awaiting_payment") {
    auto r =
        desk_.run(id, order::Cancel{"cancelled by the shopper in the chat", "shopper", asked_at},
                  "cancel:" + id);
    if (!r.ok) return false;
  }
  std::lock_guard<std::mutex> lock(mu_);
  cancel_wanted_.erase(id);
  return true;
}

bool OrderWorker::work_on(const std::string& id, int64_t now) {
  if (!cancel_if_wanted(id)) return false;
  for (int guard = 0; guard < 16; ++guard) {
    auto loaded = desk_.load(id);
    if (!loaded.status.ok()) return false;
    const auto& s = loaded.state;
    const auto step = order::next_step(s);
    OrderOutcome done;
    done.ok = true;
    switch (step) {
      case order::Step::none:
        return true;
      case order::Step::reserve_stock:
        done = desk_.reserve_stock(id);
        break;
      case order::Step::release_stock:
        done = desk_.release_stock(id);
        break;
      case order::Step::request_payment:
        done.ok = request_payment(s);
        break;
      case order::Step::notify_shopper:
        done.ok = notify(s);
        break;
      case order::Step::issue_invoice:
        done = desk_.issue_invoice(id, renderer_.shop().vat_rate_bp);
        break;
      case order::Step::mail_invoice: {
        if (!mailer_) return true;
        const int64_t due =
            s.last_mail_failure_us + order::mail_backoff_us(s.invoice_mail_attempts);
        if (s.invoice_mail_attempts > 0 && due > now) {
          std::lock_guard<std::mutex> lock(mu_);
          due_[id] = due;
          return true;
        }
        done.ok = mail_invoice(s, now);
        break;
      }
    }
    if (!done.ok) {
      std::fprintf(stderr, "parley: order %s: step %d failed: %s %s\n", id.c_str(),
                   static_cast<int>(step), done.error_code().c_str(), done.message.c_str());
      return false;
    }
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.steps;
  }
  return true;
}

bool OrderWorker::request_payment(const order::State& s) {
  PaymentRequest req;
  req.order_id = s.order.order_id;
  req.total_cents = s.order.total_cents;
  req.currency = s.order.currency;
  req.customer_email = s.order.customer.email;
  if (options_.links) req.link_query = options_.links->query(req.order_id, now_us_() / 1000000);
  for (const auto& l : s.order.lines) req.items.push_back({l.name, l.quantity, l.unit_price_cents});
  auto link = provider_.create_link(req);
  if (!link.ok && !link.retryable) {
    // The platform refuses for good (a bad key, say): the shopper can still
    // pay by bank transfer rather than wait for nothing.
    std::fprintf(stderr, "parley: order %s: %s refused the payment link (%s); using %s\n",
                 req.order_id.c_str(), provider_.name().c_str(), link.error.c_str(),
                 fallback_.name().c_str());
    link = fallback_.create_link(req);
  }
  if (!link.ok) {
    std::fprintf(stderr, "parley: order %s: no payment link yet: %s\n", req.order_id.c_str(),
                 link.error.c_str());
    return false;
  }
  order::PaymentRequested requested{link.provider, link.reference, link.url, link.instructions,
                                    now_us_()};
  auto r = desk_.run(s.order.order_id, order::RequestPayment{requested},
                     "order:" + s.order.order_id + ":payment");
  return r.ok;
}

bool OrderWorker::notify(const order::State& s) {
  OrderNotice n;
  n.conversation_id = s.order.conversation_id;
  n.order_id = s.order.order_id;
  n.status = s.status;
  n.total_cents = s.order.total_cents;
  n.currency = s.order.currency;
  if (s.payment) {
    n.payment_url = s.payment->url;
    n.payment_instructions = s.payment->instructions;
  }
  n.tracking = s.tracking;
  n.at_us = now_us_();
  if (!n.conversation_id.empty() && notify_ && !notify_(n)) return false;
  auto r = desk_.run(s.order.order_id, order::RecordNotified{s.status, n.at_us},
                     "order:" + s.order.order_id + ":notified");
  return r.ok;
}

bool OrderWorker::mail_invoice(const order::State& s, int64_t now) {
  auto rendered = renderer_.pdf(s).get();
  const std::string& to = s.order.customer.email;
  order::RecordMail record;
  record.to = to;
  record.via = mailer_->name();
  record.at_us = now;
  if (!rendered.ok) {
    record.error = "render: " + rendered.error;
  } else {
    const auto& inv = *s.invoice;
    MailMessage m;
    m.from = options_.mail_from;
    m.from_name = renderer_.shop().name;
    m.to = to;
    m.subject = "Invoice " + inv.invoice_id + " for order " + s.order.order_id;
    m.text = "Hello " + s.order.customer.name + ",\n\nthank you for your payment of " +
             invoice_money(inv.gross_cents, s.order.currency) + " for order " + s.order.order_id +
             ". Your invoice " + inv.invoice_id + " is attached.\n\n" + renderer_.shop().name +
             "\n";
    m.attachment_name = inv.invoice_id + ".pdf";
    m.attachment = std::move(rendered.bytes);
    auto sent = mailer_->send(m);
    record.sent = sent.ok;
    record.error = sent.error;
    record.permanent = sent.permanent;
  }
  if (!record.sent)
    std::fprintf(stderr, "parley: order %s: invoice e-mail to %s failed: %s\n",
                 s.order.order_id.c_str(), to.c_str(), record.error.c_str());
  auto r = desk_.run(s.order.order_id, record, "order:" + s.order.order_id + ":mail");
  // A failure is recorded with its backoff; the order stays dirty through the log.
  return r.ok;
}

}  // namespace parley::payments
