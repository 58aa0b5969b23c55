#include "channels/rate_limiter.hpp"

namespace parley::channels {

Admission RateLimiter::admit(const std::string& user_key, int64_t now_us) {
  std::lock_guard lock(mu_);
  prune(now_us);
  auto [it, fresh] = users_.try_emplace(user_key);
  User& u = it->second;
  if (fresh && limits_.per_user_per_minute > 0)
    u.bucket = TokenBucket(limits_.per_user_per_minute / 60.0, limits_.per_user_burst);
  u.last_us = now_us;
  Admission verdict = Admission::allow;
  if (u.bucket.wait_us(now_us) > 0) {
    verdict = Admission::slow_down;
  } else if (overall_.wait_us(now_us) > 0) {
    verdict = Admission::busy;
  } else {
    u.bucket.take(now_us);
    overall_.take(now_us);
  }
  if (verdict == Admission::allow) {
    u.told = false;
    return verdict;
  }
  if (u.told) return Admission::quiet;
  u.told = true;
  return verdict;
}

// Users idle for ten minutes have full buckets again: forget them.
void RateLimiter::prune(int64_t now_us) {
  constexpr int64_t kIdleUs = 600LL * 1000000;
  if (now_us - last_prune_us_ < kIdleUs) return;
  last_prune_us_ = now_us;
  for (auto it = users_.begin(); it != users_.end();)
    it = now_us - it->second.last_us > kIdleUs ? users_.erase(it) : std::next(it);
}

}  // namespace parley::channels
