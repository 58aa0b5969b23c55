// A server's own membership (issue 23): joins at start, renews its lease every
// third of it on a thread of its own, and leaves at a clean stop. A renewal
// that fails is said once on stderr and tried again; the lease runs out only
// if renewals keep failing. `folded` says how far its views have got (the lag
// `parley cluster status` shows).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cluster/membership.hpp"

namespace parley::cluster {

class Heartbeat {
 public:
  // After each renewal the members as they are reach `observe` (on the
  // heartbeat's thread; the first time inside start()); it may be empty.
  using Observer = std::function<void(const std::vector<Member>&)>;
  Heartbeat(std::unique_ptr<Membership> members, std::string node_id, std::string address,
            std::string peer, std::chrono::milliseconds lease, std::function<uint64_t()> folded,
            Observer observe = {});
  ~Heartbeat();  // stop()

  // The first renewal, here; then the thread. Fails if it cannot join.
  events::Status start();
  // Leaves the membership (a clean stop); idempotent.
  void stop();

 private:
  void run();
  std::unique_ptr<Membership> members_;
  // Renews, then tells the observer who is a member.
  events::Status beat();
  const std::string node_id_, address_, peer_;
  const std::chrono::milliseconds lease_;
  std::function<uint64_t()> folded_;
  Observer observe_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace parley::cluster
