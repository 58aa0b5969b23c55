// Stripe webhook signatures: the Stripe-Signature header is
// "t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]"; a v1 is the hex
// HMAC-SHA256, keyed by the endpoint's secret (whsec_…), of "<t>.<raw body>".
// A webhook is genuine when one v1 matches (compared in constant time) and t
// is within the tolerance of now, so a captured request cannot be replayed
// later. Pure apart from the hash.
#pragma once

#include <cstdint>
#include <string>

namespace parley::payments {

enum class SignatureCheck {
  ok,
  missing,        // no header, or no secret configured
  malformed,      // no t=, or t= not a number, or no v1=
  mismatch,       // no v1 matches the body
  outside_window  // t is further than the tolerance from now (a replay, or a skewed clock)
};
const char* to_string(SignatureCheck c);

inline constexpr int64_t kDefaultToleranceSeconds = 300;  // Stripe's libraries' default

SignatureCheck check_stripe_signature(const std::string& secret, const std::string& header,
                                      const std::string& body, int64_t now_seconds,
                                      int64_t tolerance_seconds = kDefaultToleranceSeconds);

// The header Stripe would send for `body` at `t` (for fake servers in tests).
std::string stripe_signature_header(const std::string& secret, const std::string& body, int64_t t);

}  // namespace parley::payments
