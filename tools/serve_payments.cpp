#include "tools/serve_payments.hpp"

#include <cstdio>

#include "payments/stripe_provider.hpp"
#include "tools/commands.hpp"
#include "tools/secret_file.hpp"

namespace parley::tools {

namespace {

payments::BankDetails bank_of(const PaymentsEnv& p) {
  return {p.shop_name, p.bank_iban, p.bank_bic, p.bank_name};
}

std::string trimmed(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

ServePayments::ServePayments(const Settings& settings, events::EventStore& store,
                             events::GroupCommitWriter& writer, privacy::CustomerKeys& keys)
    : settings_(settings), store_(store), manual_(bank_of(settings.payments)) {
  const auto& p = settings.payments;
  if (p.stripe()) {
    payments::StripeOptions o;
    o.api_key = p.stripe_api_key;
    o.webhook_secret = p.stripe_webhook_secret;
    o.api_base = trimmed(p.stripe_api_base);
    const std::string done =
        trimmed(settings.public_url()) + "/payments/done?order={ORDER_ID}&{ORDER_LINK}";
    o.success_url = p.stripe_success_url.empty() ? done : p.stripe_success_url;
    o.cancel_url = p.stripe_cancel_url.empty() ? done : p.stripe_cancel_url;
    o.tolerance_seconds = p.stripe_tolerance_s;
    provider_ = std::make_unique<payments::StripeProvider>(std::move(o));
  } else {
    provider_ = std::make_unique<payments::ManualProvider>(bank_of(p));
  }
  if (!p.smtp_url.empty()) {
    mailer_ = payments::smtp_mailer({p.smtp_url, std::chrono::milliseconds(20000)});
  } else if (!p.sendgrid_api_key.empty()) {
    mailer_ = payments::sendgrid_mailer(
        {p.sendgrid_api_key, trimmed(p.sendgrid_api_base), std::chrono::milliseconds(20000)});
  }
  payments::ShopDetails shop;
  shop.name = p.shop_name;
  shop.address = p.shop_address;
  shop.vat_id = p.shop_vat_id;
  shop.email = p.shop_email.empty() ? p.smtp_from : p.shop_email;
  shop.vat_rate_bp = p.vat_rate_bp;
  // An invoice names the customer: kept sealed with their key, it is gone
  // with them (docs/SECURITY.md, section 4b).
  payments::FileSeal seal;
  seal.seal = [&keys](const std::string& conversation_id, const std::string& pdf) {
    return keys.seal_file("conversation/" + conversation_id, pdf);
  };
  seal.open = [&keys](const std::string& stored) { return keys.open_file(stored); };
  renderer_ = std::make_unique<payments::InvoiceRenderer>(shop, settings.data_dir + "/invoices",
                                                          std::move(seal));
  desk_ = std::make_unique<payments::OrderDesk>(store, writer, wall_clock_us);
}

bool ServePayments::open_links(std::string* error) {
  std::string key;
  if (!load_or_create_secret(settings_.data_dir + "/link-key", 32, &key, error)) return false;
  links_ = std::make_unique<payments::OrderLinks>(std::move(key),
                                                  int64_t{settings_.order_link_days} * 24 * 3600);
  return true;
}

ServePayments::~ServePayments() {
  stop();
}

void ServePayments::attach(actors::Engine& engine) {
  auto notify = [&engine](const payments::OrderNotice& n) {
    actors::NoteOrder note{n.order_id,
                           {n.status, n.payment_url, n.payment_instructions, n.tracking},
                           n.total_cents,
                           n.currency,
                           n.at_us};
    auto r = engine.command(n.conversation_id, note, std::chrono::seconds(5));
    if (r.ok()) return true;
    if (r.error.code == actors::EngineErrc::rejected) {
      // Nothing to tell (no such conversation): recorded as told, not retried.
      std::fprintf(stderr, "parley: order %s: conversation %s refused the notice: %s\n",
                   n.order_id.c_str(), n.conversation_id.c_str(), r.error.detail.c_str());
      return true;
    }
    return false;
  };
  payments::WorkerOptions options;
  options.mail_from = settings_.payments.smtp_from;
  options.links = links_.get();
  worker_ = std::make_unique<payments::OrderWorker>(store_, *desk_, *provider_, manual_, *renderer_,
                                                    mailer_.get(), notify, options, wall_clock_us);
}

void ServePayments::start() {
  worker_->start();
}

void ServePayments::stop() {
  if (worker_) worker_->stop();
}

void ServePayments::register_routes(http::Router& router, const http::Authorizer& auth) {
  api_ = std::make_unique<http::OrderApiContext>(
      http::OrderApiContext{*desk_, *provider_, *renderer_, auth, wall_clock_us,
                            [this] {
                              if (worker_) worker_->wake_now();
                            },
                            std::chrono::milliseconds(15000), mailer_ != nullptr, links_.get()});
  http::register_order_api(router, *api_);
}

std::string ServePayments::describe() const {
  std::string mail = mailer_ ? mailer_->name() : std::string("off");
  return "payments " + provider_->name() + ", invoice e-mail " + mail;
}

}  // namespace parley::tools
