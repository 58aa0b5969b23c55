// Twilio's webhook: X-Twilio-Signature over the public URL, the path, the
// query and the sorted form fields, and the form body itself, inbound
// messages and status callbacks (channels/twilio.cpp, channels/form.cpp).
// Input: fuzz/request.hpp.
#include "channels/adapters.hpp"
#include "fuzz/webhook.hpp"

using namespace parley;

namespace {

channels::TwilioConfig config() {
  channels::TwilioConfig c;
  c.account_sid = "AC1";
  c.auth_token = "tw-token";
  c.from = "whatsapp:+14155238886";
  c.api_base = "http://tw";
  c.public_url = "https://shop.example.com/";
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto adapter = channels::make_twilio(config());
  fuzz::exercise(*adapter, fuzz::read_request(data, size));
  return 0;
}
