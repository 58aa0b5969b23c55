// Maytapi's webhook: the product id check (Maytapi does not sign) and the
// message and ack payloads (channels/maytapi.cpp). Input: fuzz/request.hpp.
#include "channels/adapters.hpp"
#include "fuzz/webhook.hpp"

using namespace parley;

namespace {

channels::MaytapiConfig config() {
  channels::MaytapiConfig c;
  c.product_id = "prod";
  c.phone_id = "123";
  c.token = "mkey";
  c.api_base = "http://may/api";
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto adapter = channels::make_maytapi(config());
  fuzz::exercise(*adapter, fuzz::read_request(data, size));
  return 0;
}
