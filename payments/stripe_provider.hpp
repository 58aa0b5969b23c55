// Stripe, through Checkout Sessions (STRIPE_API_BASE, default
// https://api.stripe.com):
//   create_link  POST /v1/checkout/sessions (form-encoded; mode=payment, one
//                line item per order line, client_reference_id and
//                metadata[order_id] = the order id, Idempotency-Key
//                "parley-<order id>" so a retried create gives the same session)
//   check        GET  /v1/checkout/sessions/{id}: payment_status "paid"
//   read_webhook Stripe-Signature over the raw body (stripe_signature.hpp), then
//                checkout.session.completed / async_payment_succeeded with
//                payment_status "paid" is a payment for client_reference_id.
// The wire-format functions are pure and tested as data; the provider adds
// the libcurl calls.
#pragma once

#include <chrono>

#include "payments/payment_provider.hpp"

namespace parley::payments {

struct StripeOptions {
  std::string api_key;         // STRIPE_API_KEY (sk_…)
  std::string webhook_secret;  // STRIPE_WEBHOOK_SECRET (whsec_…)
  std::string api_base = "https://api.stripe.com";
  // Where Checkout sends the shopper afterwards; "{ORDER_ID}" is replaced.
  std::string success_url;
  std::string cancel_url;
  int64_t tolerance_seconds = 300;
  std::chrono::milliseconds timeout{15000};
};

// The form fields of a Checkout Session for `request`.
std::vector<std::pair<std::string, std::string>> checkout_session_form(
    const PaymentRequest& request, const StripeOptions& options);
// Reads a Checkout Session (create or retrieve answer).
PaymentLink read_session_link(long status, const std::string& body);
PaymentCheck read_session_check(long status, const std::string& body);
// Reads a webhook body whose signature already holds.
PaymentNotice read_stripe_event(const std::string& body);

class StripeProvider final : public PaymentProvider {
 public:
  explicit StripeProvider(StripeOptions options) : options_(std::move(options)) {}
  std::string name() const override { return "stripe"; }
  PaymentLink create_link(const PaymentRequest& request) const override;
  PaymentCheck check(const std::string& reference) const override;
  PaymentNotice read_webhook(const std::map<std::string, std::string>& headers,
                             const std::string& body, int64_t now_s) const override;

 private:
  StripeOptions options_;
};

}  // namespace parley::payments
