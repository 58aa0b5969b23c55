#include "projections/log_follower.hpp"

namespace parley::projections {

LogFollower::~LogFollower() {
  stop_following();
}

events::Status LogFollower::catch_up() {
  std::lock_guard lock(fold_mu_);
  uint64_t last = checkpoint_.load();
  bool changed = false;
  events::Status fold_error;
  auto st = store_.scan_all(last + 1, [&](const events::RecordView& r) {
    if (wants(r.type())) {  // others are skipped unparsed
      auto env = r.decode();
      if (!env) {
        fold_error = env.status();
        return false;
      }
      if (auto a = apply(*env); !a.ok()) {
        fold_error = a;
        return false;
      }
      changed = true;
    }
    last = r.position();
    return true;
  });
  if (changed) publish(last);
  checkpoint_.store(last);
  return st.ok() ? fold_error : st;
}

void LogFollower::start_following(std::chrono::milliseconds every) {
  std::lock_guard lock(follow_mu_);
  if (following_) return;
  following_ = true;
  follower_ = std::thread([this, every] {
    std::unique_lock lock(follow_mu_);
    while (following_) {
      lock.unlock();
      if (store_.last_position() > checkpoint_.load()) catch_up();
      lock.lock();
      follow_cv_.wait_for(lock, every, [this] { return !following_ || wake_; });
      wake_ = false;
    }
  });
}

void LogFollower::wake() {
  {
    std::lock_guard lock(follow_mu_);
    wake_ = true;
  }
  follow_cv_.notify_all();
}

void LogFollower::stop_following() {
  {
    std::lock_guard lock(follow_mu_);
    following_ = false;
  }
  follow_cv_.notify_all();
  if (follower_.joinable()) follower_.join();
}

}  // namespace parley::projections
