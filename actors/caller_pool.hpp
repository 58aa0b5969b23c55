// Blocking actors that non-actor threads (the HTTP workers) borrow to send one
// request and wait for its reply.
//
//   borrow   a caller from the pool, or a new one when none is free
//   give     back after a reply or an error: it is used again
//   drop     after a timeout instead: the late reply would stay in its
//            mailbox, so the caller dies with it
//   clear    before the actor system goes: every pooled caller is destroyed
//
// Why a pool: a scoped_actor per request was created, registered and torn
// down on every chat turn, and each teardown pushed a cancel into CAF's clock
// thread, waking it about every other request (18.6k of its context switches
// in 10 s at ~3,000 requests/s; issue 22).
#pragma once

#include <caf/all.hpp>
#include <memory>
#include <mutex>
#include <vector>

namespace parley::actors {

class CallerPool {
 public:
  using Caller = std::unique_ptr<caf::scoped_actor>;

  explicit CallerPool(caf::actor_system& sys) : sys_(sys) {}
  CallerPool(const CallerPool&) = delete;
  CallerPool& operator=(const CallerPool&) = delete;

  Caller borrow() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        Caller c = std::move(free_.back());
        free_.pop_back();
        return c;
      }
    }
    return std::make_unique<caf::scoped_actor>(sys_);
  }

  void give(Caller caller) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!cleared_) free_.push_back(std::move(caller));
  }

  // The system must outlive every caller: those still borrowed when the
  // pool is cleared die on their own thread, as a scoped_actor did before.
  void clear() {
    std::vector<Caller> gone;
    std::lock_guard<std::mutex> lock(mu_);
    cleared_ = true;
    gone.swap(free_);
  }

 private:
  caf::actor_system& sys_;
  std::mutex mu_;
  bool cleared_ = false;
  std::vector<Caller> free_;
};

}  // namespace parley::actors
