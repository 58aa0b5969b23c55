// Inbound rate limits: per user and for the whole shop, token buckets. A
// message over a limit is still recorded (nothing is dropped); the brain is
// skipped and the shopper gets one polite notice per episode, not one per
// message. Thread-safe; time comes in as µs.
#pragma once

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "channels/pacing.hpp"

namespace parley::channels {

struct RateLimits {
  double per_user_per_minute = 20;  // PARLEY_INBOUND_PER_USER_PER_MINUTE (0: off)
  double per_user_burst = 8;
  double overall_per_second = 20000;  // PARLEY_INBOUND_PER_SECOND (0: off)
};

enum class Admission : uint8_t {
  allow,
  slow_down,  // this user is over the limit: tell them once
  busy,       // the shop is over its overall limit: tell them once
  quiet,      // over a limit and told already
};

class RateLimiter {
 public:
  explicit RateLimiter(RateLimits limits) : limits_(limits) {
    overall_ = TokenBucket(limits.overall_per_second, std::max(1.0, limits.overall_per_second));
  }
  Admission admit(const std::string& user_key, int64_t now_us);

 private:
  struct User {
    TokenBucket bucket;
    bool told = false;
    int64_t last_us = 0;
  };
  void prune(int64_t now_us);

  const RateLimits limits_;
  mutable std::mutex mu_;
  TokenBucket overall_;
  std::unordered_map<std::string, User> users_;
  int64_t last_prune_us_ = 0;
};

}  // namespace parley::channels
