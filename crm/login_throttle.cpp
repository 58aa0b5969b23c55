#include "crm/login_throttle.hpp"

#include <algorithm>
#include <vector>

namespace parley::crm {

LoginThrottle::LoginThrottle(ThrottleOptions options) : o_(options) {}

int64_t LoginThrottle::wait_of(const std::string& key, uint32_t free, int64_t now_us) const {
  auto it = keys_.find(key);
  if (it == keys_.end() || it->second.failures < free) return 0;
  const uint32_t over = it->second.failures - free;
  int64_t delay = o_.max_delay_us;
  if (over < 30) delay = std::min(o_.max_delay_us, o_.base_delay_us << over);
  return std::max<int64_t>(0, it->second.last_us + delay - now_us);
}

int64_t LoginThrottle::begin(const std::string& username, const std::string& address,
                             int64_t now_us) {
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t wait = std::max(wait_of("u:" + username, o_.free_failures_per_user, now_us),
                                wait_of("a:" + address, o_.free_failures_per_address, now_us));
  if (wait > 0) return wait;
  count("u:" + username, now_us);
  count("a:" + address, now_us);
  if (keys_.size() > o_.max_keys) prune(now_us);
  return 0;
}

void LoginThrottle::count(const std::string& key, int64_t now_us) {
  auto& e = keys_[key];
  if (e.failures > 0 && now_us - e.last_us > o_.forget_after_us) e.failures = 0;
  ++e.failures;
  e.last_us = now_us;
}

void LoginThrottle::succeeded(const std::string& username, const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  keys_.erase("u:" + username);
  auto a = keys_.find("a:" + address);
  if (a != keys_.end() && a->second.failures > 0 && --a->second.failures == 0) keys_.erase(a);
}

size_t LoginThrottle::keys() const {
  std::lock_guard<std::mutex> lock(mu_);
  return keys_.size();
}

void LoginThrottle::prune(int64_t now_us) {
  for (auto it = keys_.begin(); it != keys_.end();)
    it = now_us - it->second.last_us > o_.forget_after_us ? keys_.erase(it) : std::next(it);
  if (keys_.size() <= o_.max_keys) return;
  // Still too many (a spray from many addresses): keep the most recent half.
  std::vector<int64_t> times;
  times.reserve(keys_.size());
  for (const auto& [k, e] : keys_) times.push_back(e.last_us);
  auto mid = times.begin() + static_cast<long>(times.size() / 2);
  std::nth_element(times.begin(), mid, times.end());
  const int64_t cut = *mid;
  for (auto it = keys_.begin(); it != keys_.end();)
    it = it->second.last_us < cut ? keys_.erase(it) : std::next(it);
  // Ties (one burst, one timestamp) leave it full: drop any until half remain.
  for (auto it = keys_.begin(); it != keys_.end() && keys_.size() > o_.max_keys / 2;)
    it = keys_.erase(it);
}

}  // namespace parley::crm
