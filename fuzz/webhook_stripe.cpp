// Stripe's webhook: the Stripe-Signature check and the event it carries
// (payments/stripe_provider.cpp, read_webhook), and the body read as
// Stripe's answer about a Checkout Session. Input: fuzz/request.hpp;
// "Stripe-Signature: {sign}" is replaced by the body's true signature at the
// harness's clock, so signed bodies reach the event reader.
#include <map>

#include "fuzz/webhook.hpp"
#include "payments/stripe_provider.hpp"
#include "payments/stripe_signature.hpp"

using namespace parley;
using Verdict = payments::PaymentNotice::Verdict;

namespace {

constexpr int64_t kNow = 1795000000;  // seconds; the tests' clock
constexpr const char* kSecret = "whsec_test";

payments::StripeOptions options() {
  payments::StripeOptions o;
  o.api_key = "sk_test";
  o.webhook_secret = kSecret;
  o.api_base = "http://stripe.invalid";  // never called: only read_webhook runs
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const payments::StripeProvider stripe(options());
  auto request = fuzz::read_request(data, size);
  auto sig = request.headers.find("stripe-signature");
  const bool signed_here = sig != request.headers.end() && sig->second == "{sign}";
  if (signed_here) sig->second = payments::stripe_signature_header(kSecret, request.body, kNow);
  const auto n = stripe.read_webhook(request.headers, request.body, kNow);
  if (signed_here && (n.verdict == Verdict::bad_signature || n.verdict == Verdict::stale))
    fuzz::fail("a body Stripe signed just now was refused");
  if (n.verdict == Verdict::payment && (n.order_id.empty() || n.event_id.empty()))
    fuzz::fail("a payment without an order or an event id");
  for (long status : {200L, 404L, 503L}) {
    payments::read_session_link(status, request.body);
    payments::read_session_check(status, request.body);
  }
  return 0;
}
