// Telegram's webhook: the secret-token header and one Update
// (channels/telegram.cpp). Input: fuzz/request.hpp.
#include "channels/adapters.hpp"
#include "fuzz/webhook.hpp"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto adapter = channels::make_telegram({"T0K", "s3cret", "http://tg"});
  fuzz::exercise(*adapter, fuzz::read_request(data, size));
  return 0;
}
