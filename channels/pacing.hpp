// Pacing and retry timing for the outbox, pure: time comes in as µs.
#pragma once

#include <cstdint>
#include <random>

namespace parley::channels {

// A token bucket: `rate` tokens per second, at most `burst` stored. Starts full.
class TokenBucket {
 public:
  TokenBucket() = default;
  TokenBucket(double rate_per_s, double burst) : rate_(rate_per_s), burst_(burst), tokens_(burst) {}
  // The µs until a token is available at `now_us` (0: one is there).
  int64_t wait_us(int64_t now_us);
  // Takes a token; call only when wait_us(now) == 0.
  void take(int64_t now_us);
  bool unlimited() const { return rate_ <= 0; }

 private:
  void refill(int64_t now_us);
  double rate_ = 0;  // <= 0: unlimited
  double burst_ = 1;
  double tokens_ = 1;
  int64_t last_us_ = 0;
};

struct RetryPolicy {
  uint32_t max_attempts = 8;            // then dead-lettered
  int64_t base_us = 500000;             // first wait
  int64_t cap_us = 5 * 60 * 1000000LL;  // longest wait
};
// The wait before attempt `attempt + 1` after `attempt` failures: exponential
// from base with full jitter in [half, full], never below the platform's
// retry-after (ms, -1 if none) and never above the cap (unless the platform asks).
int64_t retry_delay_us(const RetryPolicy& policy, uint32_t attempt, int64_t retry_after_ms,
                       std::mt19937_64& rng);

}  // namespace parley::channels
