// Work that runs once per cluster (issue 23): the outbox sender, the order
// worker, the timers (follow-ups, nudges, the digest) and the platforms'
// pollers run on the one node that holds this duty. The duty is a session
// advisory lock in PostgreSQL on a connection of its own: the database
// itself lets one session have it, and frees it when that session ends (the
// node died, or was cut off long enough for its connection to drop).
//
//   start()   a thread tries for the lock every `retry`; when it is had,
//             `acquired` runs (on that thread) and the lock is checked every
//             `retry` from then on
//   lost      runs once if the lock is found gone (the connection broke):
//             another node may hold it already, so this node must stop its
//             duties at once (the server stops itself; systemd starts it
//             again, and it waits for the duty like any other node)
//   held()    true once `acquired` has returned, false from the moment the
//             lock is found gone or released
//   halt()    ends the thread (no more tries, checks or callbacks); a lock
//             held stays held, so the node can stop its duties first
//   release() then closes the connection: the lock is free for the next
//             node at once. stop() is both.
//
// `lost` must stop the duties itself before it returns: the lock is gone, so
// another node may start them any moment.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace parley::events::pg {
class Pool;
}

namespace parley::cluster {

class Duty {
 public:
  Duty(std::string url, std::chrono::milliseconds retry, std::function<void()> acquired,
       std::function<void()> lost);
  ~Duty();  // stop()
  void start();
  void halt();
  void release();
  void stop() {
    halt();
    release();
  }
  bool held() const { return held_.load(); }

 private:
  void run();
  bool try_take();    // the lock is ours now
  bool still_held();  // false: the connection broke or the lock is gone
  const std::string url_;
  const std::chrono::milliseconds retry_;
  std::function<void()> acquired_, lost_;
  std::unique_ptr<events::pg::Pool> pool_;
  std::atomic<bool> held_{false};
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace parley::cluster
