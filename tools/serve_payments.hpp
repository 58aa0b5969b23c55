// Payments and invoices as the server runs them: the payment provider
// (Stripe when STRIPE_API_KEY is set, else bank transfer), the mailer (SMTP
// or SendGrid, or none), the invoice renderer's thread, the order worker
// that moves orders along (tools -> payments/order_worker.hpp), and the
// order routes.
#pragma once

#include <memory>
#include <string>

#include "actors/engine.hpp"
#include "http/order_api.hpp"
#include "payments/manual_provider.hpp"
#include "payments/order_worker.hpp"
#include "privacy/customer_keys.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

class ServePayments {
 public:
  // Stored invoices are sealed with the customer's key from `keys`.
  ServePayments(const Settings& settings, events::EventStore& store,
                events::GroupCommitWriter& writer, privacy::CustomerKeys& keys);
  ~ServePayments();

  // Reads (or makes) the key of shoppers' signed order links: $PARLEY_DATA_DIR/link-key.
  bool open_links(std::string* error);
  const payments::OrderLinks* links() const { return links_.get(); }
  // Makes the order worker; shoppers hear of their orders through `engine`.
  void attach(actors::Engine& engine);
  // Starts it (after attach; in cluster mode only on the node holding the duty).
  void start();
  // Stops the worker (before the engine shuts down) and the renderer.
  void stop();
  void register_routes(http::Router& router, const http::Authorizer& auth);
  const projections::LogFollower& worker() const { return *worker_; }
  bool mail_configured() const { return mailer_ != nullptr; }
  // One line for the start-up log.
  std::string describe() const;

 private:
  const Settings& settings_;
  events::EventStore& store_;
  std::unique_ptr<payments::PaymentProvider> provider_;
  payments::ManualProvider manual_;
  std::unique_ptr<payments::Mailer> mailer_;
  std::unique_ptr<payments::OrderLinks> links_;
  std::unique_ptr<payments::InvoiceRenderer> renderer_;
  std::unique_ptr<payments::OrderDesk> desk_;
  std::unique_ptr<payments::OrderWorker> worker_;
  std::unique_ptr<http::OrderApiContext> api_;
};

}  // namespace parley::tools
