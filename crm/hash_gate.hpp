// At most N password hashes at once (issue 17, item 8: argon2id takes 64 MiB
// per attempt, and 128 parallel logins drove RSS to 7.7 GiB). A caller waits
// for a slot up to its deadline and is then told to come back (503), so
// memory stays at about N x 64 MiB whatever the load.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace parley::crm {

class HashGate {
 public:
  explicit HashGate(size_t slots) : free_(slots) {}

  // Holds a slot for its lifetime; false (no slot) when the wait timed out.
  class Slot {
   public:
    explicit Slot(HashGate* gate) : gate_(gate) {}
    Slot(Slot&& o) noexcept : gate_(o.gate_) { o.gate_ = nullptr; }
    Slot(const Slot&) = delete;
    ~Slot() {
      if (gate_) gate_->leave();
    }
    explicit operator bool() const { return gate_ != nullptr; }

   private:
    HashGate* gate_;
  };

  Slot enter(std::chrono::milliseconds wait) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, wait, [this] { return free_ > 0; })) return Slot(nullptr);
    --free_;
    return Slot(this);
  }

 private:
  void leave() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++free_;
    }
    cv_.notify_one();
  }
  std::mutex mu_;
  std::condition_variable cv_;
  size_t free_;
};

}  // namespace parley::crm
