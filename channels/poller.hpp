// Long polling, for shops without a public URL: Telegram's getUpdates and
// GREEN-API's receiveNotification / deleteNotification. Each poller has its
// own thread and hands every update to `deliver`, which answers true once it
// is durable; only then is the update acknowledged (Telegram: the next
// offset; GREEN-API: deleteNotification). A redelivered update is the
// intake's dedupe problem, never lost.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "channels/adapters.hpp"

namespace parley::channels {

class Poller {
 public:
  using Deliver = std::function<bool(const WebhookRequest& update)>;
  static std::unique_ptr<Poller> telegram(TelegramConfig config, Deliver deliver);
  static std::unique_ptr<Poller> greenapi(GreenApiConfig config, Deliver deliver);
  ~Poller();  // stop()

  void start();
  // Returns within about one poll timeout (5 s).
  void stop();
  uint64_t delivered() const { return delivered_.load(); }

 private:
  using Step = std::function<bool(Poller&)>;  // one poll; false on error (then back off)
  Poller(Step step) : step_(std::move(step)) {}
  Step step_;
  std::atomic<bool> running_{false};
  std::atomic<uint64_t> delivered_{0};
  std::thread thread_;
  friend struct PollSteps;
};

}  // namespace parley::channels
