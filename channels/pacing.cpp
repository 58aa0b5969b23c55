#include "channels/pacing.hpp"

#include <algorithm>
#include <cmath>

namespace parley::channels {

void TokenBucket::refill(int64_t now_us) {
  if (last_us_ == 0 || now_us < last_us_) {
    last_us_ = now_us;
    return;
  }
  tokens_ = std::min(burst_, tokens_ + (now_us - last_us_) * rate_ / 1e6);
  last_us_ = now_us;
}

int64_t TokenBucket::wait_us(int64_t now_us) {
  if (unlimited()) return 0;
  refill(now_us);
  if (tokens_ >= 1) return 0;
  return static_cast<int64_t>(std::ceil((1 - tokens_) * 1e6 / rate_));
}

void TokenBucket::take(int64_t now_us) {
  if (unlimited()) return;
  refill(now_us);
  tokens_ -= 1;
}

int64_t retry_delay_us(const RetryPolicy& p, uint32_t attempt, int64_t retry_after_ms,
                       std::mt19937_64& rng) {
  const uint32_t shift = std::min<uint32_t>(attempt > 0 ? attempt - 1 : 0, 30);
  const int64_t full = std::min<int64_t>(p.cap_us, p.base_us << shift);
  std::uniform_int_distribution<int64_t> jitter(full / 2, std::max<int64_t>(full / 2, full));
  int64_t delay = jitter(rng);
  if (retry_after_ms >= 0) delay = std::max(delay, retry_after_ms * 1000);
  return delay;
}

}  // namespace parley::channels
