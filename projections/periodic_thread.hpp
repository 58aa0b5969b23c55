// A thread that runs `work` every `every`, or at once when woken; stop()
// ends it after the current run. The follow loop of LogFollower and of the
// projection engine.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace parley::projections {

class PeriodicThread {
 public:
  ~PeriodicThread() { stop(); }

  // Starts the thread; a second start while running does nothing.
  void start(std::chrono::milliseconds every, std::function<void()> work) {
    std::lock_guard guard(mu_);
    if (running_) return;
    running_ = true;
    thread_ = std::thread([this, every, work = std::move(work)] {
      std::unique_lock lock(mu_);
      while (running_) {
        lock.unlock();
        work();
        lock.lock();
        cv_.wait_for(lock, every, [this] { return !running_ || wake_; });
        wake_ = false;
      }
    });
  }
  void wake() {
    {
      std::lock_guard lock(mu_);
      wake_ = true;
    }
    cv_.notify_all();
  }
  void stop() {
    {
      std::lock_guard lock(mu_);
      running_ = false;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool running_ = false;
  bool wake_ = false;
  std::thread thread_;
};

}  // namespace parley::projections
