// The machinery every in-memory projection shares: a checkpoint in the global
// log, a catch-up that reads only the event types the view wants (by the
// record header, without parsing others), and a thread that catches up on a
// period. A view says what it reads (wants), how it folds (apply) and what
// it publishes when something changed (publish).
//
// A failing event follows projections/fold_rule.hpp, as in the projection
// engine: Corruption or a throw skips it; anything else stops the catch-up
// at that event, to be tried again on the next period.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string_view>
#include <thread>

#include "events/event_store.hpp"
#include "projections/periodic_thread.hpp"

namespace parley::projections {

class LogFollower {
 public:
  explicit LogFollower(events::EventStore& store) : store_(store) {}
  virtual ~LogFollower();  // call stop_following() in the derived destructor

  // Folds the events after the checkpoint; publishes if any applied.
  // Thread-safe; concurrent callers wait for each other.
  events::Status catch_up();
  uint64_t checkpoint() const { return checkpoint_.load(); }
  // Events skipped because they can never be folded, since start.
  uint64_t skipped() const { return skipped_.load(); }
  // For the log: which view this is.
  virtual std::string_view name() const { return "log follower"; }
  void start_following(std::chrono::milliseconds every);
  void stop_following();
  // Makes the following thread catch up now instead of at the end of its period.
  void wake();

 protected:
  virtual bool wants(std::string_view type) const = 0;
  // Folds one event (see the rule for failures above).
  virtual events::Status apply(const events::EventEnvelope& event) = 0;
  virtual void publish(uint64_t position) = 0;
  std::mutex& fold_mutex() { return fold_mu_; }

 private:
  events::EventStore& store_;
  std::mutex fold_mu_;
  std::atomic<uint64_t> checkpoint_{0};
  std::atomic<uint64_t> skipped_{0};
  PeriodicThread follower_;
};

}  // namespace parley::projections
