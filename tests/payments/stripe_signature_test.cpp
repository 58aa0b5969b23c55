// Stripe-Signature checks against a vector computed independently
// (Python's hmac): genuine, tampered, replayed, malformed.
#include "payments/stripe_signature.hpp"

#include <gtest/gtest.h>

namespace parley::payments {
namespace {

const std::string kSecret = "whsec_test";
const std::string kBody = R"({"id":"evt_1","type":"checkout.session.completed"})";
// hmac.new(b"whsec_test", b"1700000000." + body, sha256).hexdigest()
const std::string kV1 = "749721cbedbfa4cc1aa6c9c2bec1edd93766a07906c9d9b3dbc7626e4e660caf";
constexpr int64_t kT = 1700000000;

TEST(StripeSignature, AGenuineWebhookWithinTheWindowPasses) {
  const std::string header = "t=1700000000,v1=" + kV1;
  EXPECT_EQ(check_stripe_signature(kSecret, header, kBody, kT + 10), SignatureCheck::ok);
  EXPECT_EQ(stripe_signature_header(kSecret, kBody, kT), header);
  // Several v1 (a secret being rolled) and a v0 are fine when one v1 matches.
  EXPECT_EQ(
      check_stripe_signature(kSecret, "t=1700000000,v1=00ff,v1=" + kV1 + ",v0=abc", kBody, kT),
      SignatureCheck::ok);
}

TEST(StripeSignature, ATamperedBodyOrAnotherSecretIsAMismatch) {
  const std::string header = "t=1700000000,v1=" + kV1;
  EXPECT_EQ(check_stripe_signature(kSecret, header, kBody + " ", kT), SignatureCheck::mismatch);
  EXPECT_EQ(check_stripe_signature("whsec_other", header, kBody, kT), SignatureCheck::mismatch);
  // The timestamp is signed too: moving it breaks the signature.
  EXPECT_EQ(check_stripe_signature(kSecret, "t=1700000001,v1=" + kV1, kBody, kT),
            SignatureCheck::mismatch);
}

TEST(StripeSignature, AnOldOrFutureTimestampIsOutsideTheWindow) {
  const std::string header = "t=1700000000,v1=" + kV1;
  EXPECT_EQ(check_stripe_signature(kSecret, header, kBody, kT + 300), SignatureCheck::ok);
  EXPECT_EQ(check_stripe_signature(kSecret, header, kBody, kT + 301),
            SignatureCheck::outside_window);
  EXPECT_EQ(check_stripe_signature(kSecret, header, kBody, kT - 301),
            SignatureCheck::outside_window);
  EXPECT_EQ(check_stripe_signature(kSecret, header, kBody, kT + 3600, 7200), SignatureCheck::ok);
}

TEST(StripeSignature, MissingOrMalformedHeadersAreNamed) {
  EXPECT_EQ(check_stripe_signature(kSecret, "", kBody, kT), SignatureCheck::missing);
  EXPECT_EQ(check_stripe_signature("", "t=1,v1=" + kV1, kBody, kT), SignatureCheck::missing);
  EXPECT_EQ(check_stripe_signature(kSecret, "v1=" + kV1, kBody, kT), SignatureCheck::malformed);
  EXPECT_EQ(check_stripe_signature(kSecret, "t=1700000000", kBody, kT), SignatureCheck::malformed);
  EXPECT_EQ(check_stripe_signature(kSecret, "t=17x,v1=" + kV1, kBody, kT),
            SignatureCheck::malformed);
  EXPECT_EQ(check_stripe_signature(kSecret, "t=-5,v1=" + kV1, kBody, kT),
            SignatureCheck::malformed);
  EXPECT_EQ(check_stripe_signature(kSecret, ",,,", kBody, kT), SignatureCheck::malformed);
}

}  // namespace
}  // namespace parley::payments
