#include "crm/timer_scheduler.hpp"

#include <vector>

namespace parley::crm {

TimerScheduler::TimerScheduler(std::function<int64_t()> now_us, Fire fire,
                               std::chrono::milliseconds retry)
    : now_us_(std::move(now_us)), fire_(std::move(fire)), retry_(retry) {}

TimerScheduler::~TimerScheduler() {
  stop();
}

void TimerScheduler::set(const std::string& key, int64_t due_us) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = due_by_key_.find(key);
  if (it != due_by_key_.end()) {
    if (it->second == due_us) return;
    queue_.erase({it->second, key});
  }
  due_by_key_[key] = due_us;
  queue_.insert({due_us, key});
  changed_ = true;
  cv_.notify_all();
}

void TimerScheduler::clear(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = due_by_key_.find(key);
  if (it == due_by_key_.end()) return;
  queue_.erase({it->second, key});
  due_by_key_.erase(it);
}

size_t TimerScheduler::pending() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queue_.size();
}

std::optional<int64_t> TimerScheduler::due(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = due_by_key_.find(key);
  if (it == due_by_key_.end()) return std::nullopt;
  return it->second;
}

size_t TimerScheduler::fire_due(int64_t now_us) {
  std::lock_guard<std::mutex> firing(fire_mu_);
  std::vector<std::pair<int64_t, std::string>> due;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = queue_.begin(); it != queue_.end() && it->first <= now_us;) {
      due.push_back(*it);
      due_by_key_.erase(it->second);
      it = queue_.erase(it);
    }
  }
  size_t fired = 0;
  const int64_t retry_us = std::chrono::duration_cast<std::chrono::microseconds>(retry_).count();
  for (const auto& [at, key] : due) {
    bool done = false;
    try {
      done = fire_(key, at);
    } catch (...) {
      done = false;
    }
    if (done) {
      ++fired;
    } else {
      std::lock_guard<std::mutex> lock(mu_);
      if (!due_by_key_.count(key)) {  // a newer set() wins
        due_by_key_[key] = now_us + retry_us;
        queue_.insert({now_us + retry_us, key});
      }
    }
  }
  return fired;
}

void TimerScheduler::start() {
  std::lock_guard<std::mutex> guard(mu_);
  if (running_) return;
  running_ = true;
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mu_);
    while (running_) {
      const int64_t now = now_us_();
      if (!queue_.empty() && queue_.begin()->first <= now) {
        lock.unlock();
        fire_due(now);
        lock.lock();
        continue;
      }
      changed_ = false;
      // Sleep until the earliest timer (at most a minute: the wall clock may jump).
      int64_t wait_us =
          queue_.empty() ? 60'000'000 : std::min<int64_t>(queue_.begin()->first - now, 60'000'000);
      cv_.wait_for(lock, std::chrono::microseconds(wait_us), [&] { return !running_ || changed_; });
    }
  });
}

void TimerScheduler::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!running_) return;
    running_ = false;
    cv_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

}  // namespace parley::crm
