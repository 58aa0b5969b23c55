// The cluster's nodes (issue 23): a row each in parley_members (PostgreSQL,
// created with the event store's schema), with a lease the node renews by
// heartbeat. A node is live while its lease runs; one that stops renewing
// (killed, cut off) drops out when the lease ends, without anyone removing it.
// Time is the database's clock (now()), so the nodes' clocks need not agree.
//
//   renew(self, address, peer, lease, folded)
//                               joins or renews; `folded`: the last log
//                               position its views have folded (for the lag)
//   leave(node)                 a clean stop: out at once
//   members()                   every row, live or not, by node id
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "events/status.hpp"

namespace parley::events::pg {
class Pool;
}

namespace parley::cluster {

struct Member {
  std::string node_id;
  std::string address;  // its HTTP edge
  std::string peer;     // its gateway for other nodes, "host:port" ("" none)
  bool live = false;
  int64_t lease_left_ms = 0;  // < 0: ended that long ago
  uint64_t folded = 0;
};

class Membership {
 public:
  // The database of a PostgreSQL event store that was opened (schema 2+).
  static events::Expected<std::unique_ptr<Membership>> open(const std::string& url);
  ~Membership();

  events::Status renew(const std::string& node_id, const std::string& address,
                       const std::string& peer, std::chrono::milliseconds lease, uint64_t folded);
  events::Status leave(const std::string& node_id);
  events::Expected<std::vector<Member>> members();

 private:
  explicit Membership(std::unique_ptr<events::pg::Pool> pool);
  std::unique_ptr<events::pg::Pool> pool_;
};

}  // namespace parley::cluster
