// The signature checkers on their own (channels/signatures.cpp,
// payments/stripe_signature.cpp) and the form codec Twilio's check reads
// (channels/form.cpp). Input, one field a line, the rest the body:
//
//   <secret>
//   <a Stripe t= value, signed by the harness with the secret>
//   <a header as a platform would send it>
//   <body>
//
// Besides "no crash": what the harness signs verifies, and a form survives
// encoding and parsing unchanged.
#include <map>
#include <string>

#include "channels/form.hpp"
#include "channels/signatures.hpp"
#include "fuzz/fuzz.hpp"
#include "payments/stripe_signature.hpp"

using namespace parley;
using payments::SignatureCheck;

namespace {

constexpr int64_t kNow = 1795000000;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size);
  size_t at = 0;
  std::string secret, t, header;
  fuzz::next_line(in, &at, &secret);
  fuzz::next_line(in, &at, &t);
  fuzz::next_line(in, &at, &header);
  const std::string body = at < in.size() ? in.substr(at) : "";

  // Stripe: the header as sent, then with a v1 the secret really made for t.
  payments::check_stripe_signature(secret, header, body, kNow);
  const std::string signed_t =
      "t=" + t + ",v1=" + channels::hmac_sha256_hex(secret, t + "." + body);
  payments::check_stripe_signature(secret, signed_t, body, kNow);
  const auto fresh = payments::stripe_signature_header(secret, body, kNow);
  if (!secret.empty() &&
      payments::check_stripe_signature(secret, fresh, body, kNow) != SignatureCheck::ok)
    fuzz::fail("Stripe: a header signed now with the secret was refused");

  // WhatsApp: the header as sent, and the body's true signature.
  channels::whatsapp_signature_valid(secret, body, header);
  if (!channels::whatsapp_signature_valid(secret, body,
                                          "sha256=" + channels::hmac_sha256_hex(secret, body)))
    fuzz::fail("WhatsApp: the body's own signature was refused");

  // Twilio: the form, its signature over the header as the URL, and the
  // form's round trip through encode_form.
  std::map<std::string, std::string> form;
  if (channels::parse_form(body, &form)) {
    channels::twilio_signature(secret, header, form);
    std::map<std::string, std::string> again;
    if (!channels::parse_form(channels::encode_form({form.begin(), form.end()}), &again) ||
        again != form)
      fuzz::fail("form: encode_form then parse_form changed the fields");
  }
  std::map<std::string, std::string> encoded;
  if (!channels::parse_form("k=" + channels::url_encode(body), &encoded) || encoded["k"] != body)
    fuzz::fail("form: parse_form(url_encode(x)) != x");
  return 0;
}
