// WhatsApp Cloud API's webhook: X-Hub-Signature-256 over the body, every
// entry, change, message and status of one post (channels/whatsapp_cloud.cpp),
// and the GET subscription handshake on the query. Input: fuzz/request.hpp;
// "X-Hub-Signature-256: {sign}" is replaced by the body's true signature,
// which must then verify.
#include <map>

#include "channels/adapters.hpp"
#include "channels/signatures.hpp"
#include "fuzz/webhook.hpp"

using namespace parley;

namespace {

channels::WhatsAppConfig config() {
  channels::WhatsAppConfig c;
  c.verify_token = "vt";
  c.app_secret = "app-secret";
  c.access_token = "EAAT";
  c.phone_number_id = "PN1";
  c.api_base = "http://meta/v22.0";
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto c = config();
  static const auto adapter = channels::make_whatsapp(c);
  auto request = fuzz::read_request(data, size);
  auto sig = request.headers.find("x-hub-signature-256");
  const bool signed_here = sig != request.headers.end() && sig->second == "{sign}";
  if (signed_here) sig->second = "sha256=" + channels::hmac_sha256_hex(c.app_secret, request.body);
  if (request.method == "GET") {
    std::map<std::string, std::string> params(request.query.begin(), request.query.end());
    const auto h = channels::whatsapp_handshake(c, params);
    if (h.status != 200 && !h.body.empty()) fuzz::fail("a refused handshake echoed a challenge");
  }
  fuzz::exercise(*adapter, request);
  if (signed_here && adapter->verify(fuzz::to_webhook(request)).verdict != channels::Verdict::ok)
    fuzz::fail("a body signed with the app secret did not verify");
  return 0;
}
