// Durable timers, woken. A timer is an event in some entity's stream (a lead's
// follow-up step carries its due time); this scheduler only holds what the
// views folded from the log: key -> due time. When a timer falls due it calls
// `fire`, which sends the entity a command; the entity decides whether the
// timer still applies, so a timer fired twice (after a restart, or by a race
// with the view) acts once. After a restart the views replay the log and
// every overdue timer fires at once.
//
// `fire` runs on the scheduler's thread (never a CAF thread) and may block;
// false means "try again later" (after `retry`).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

namespace parley::crm {

class TimerScheduler {
 public:
  using Fire = std::function<bool(const std::string& key, int64_t due_us)>;

  TimerScheduler(std::function<int64_t()> now_us, Fire fire,
                 std::chrono::milliseconds retry = std::chrono::seconds(30));
  ~TimerScheduler();  // stop()

  void set(const std::string& key, int64_t due_us);  // replaces an earlier due time
  void clear(const std::string& key);
  size_t pending() const;
  std::optional<int64_t> due(const std::string& key) const;

  // Fires every timer due at `now_us`, earliest first; returns how many fired.
  // The thread calls it with the clock; tests call it with any time.
  size_t fire_due(int64_t now_us);

  void start();
  void stop();

 private:
  std::function<int64_t()> now_us_;
  Fire fire_;
  std::chrono::milliseconds retry_;
  mutable std::mutex mu_;
  std::mutex fire_mu_;  // one fire_due at a time
  std::condition_variable cv_;
  std::map<std::string, int64_t> due_by_key_;
  std::set<std::pair<int64_t, std::string>> queue_;
  bool running_ = false;
  bool changed_ = false;
  std::thread thread_;
};

}  // namespace parley::crm
