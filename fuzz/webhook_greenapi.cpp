// GREEN-API's webhook: the bearer webhook token and the typeWebhook payloads
// (channels/greenapi.cpp). Input: fuzz/request.hpp.
#include "channels/adapters.hpp"
#include "fuzz/webhook.hpp"

using namespace parley;

namespace {

channels::GreenApiConfig config() {
  channels::GreenApiConfig c;
  c.instance_id = "1101";
  c.token = "gtok";
  c.webhook_token = "gt";
  c.api_base = "http://green";
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto adapter = channels::make_greenapi(config());
  fuzz::exercise(*adapter, fuzz::read_request(data, size));
  return 0;
}
