// Cluster mode for `parley serve` (issue 23, PARLEY_CLUSTER=1): this node's
// share of the entities and the way to the others'.
//
//   wire(options)     the engine forwards each chat turn whose conversation
//                     another node owns to that node (cluster/peer_link.hpp)
//                     and keeps live only the entities it owns
//   listen(engine)    publishes this node's gateway: turns other nodes
//                     forward are decided here by Engine::chat_here
//   observer(engine)  for the heartbeat: the ring follows the live members,
//                     and when owners move the engine lets go of what it
//                     no longer owns
//
// Before the first heartbeat every entity is this node's. A turn whose owner
// cannot be reached (refused before anything was sent: the node died and its
// lease has not run out yet) is decided here; the store's compare-and-set
// keeps the log right if the owner still holds the conversation too.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "actors/engine.hpp"
#include "cluster/heartbeat.hpp"
#include "cluster/peer_link.hpp"
#include "cluster/placement.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

class ServeCluster {
 public:
  explicit ServeCluster(const Settings& settings);
  ~ServeCluster();

  void wire(actors::EngineOptions* options);
  // Publishes the gateway; false with `*error` when it cannot listen.
  bool listen(actors::Engine& engine, std::string* error);
  // "host:port" other nodes reach this one at (after listen()).
  const std::string& peer() const { return peer_; }
  // Stops taking turns from other nodes; before the engine shuts down and
  // after everything here that may forward a turn stopped. (The engine's
  // actor system waited forever while the link's threads, which had decided
  // a turn on it, were alive: reproduced in a 30-line program.) Idempotent.
  void stop() { link_.reset(); }
  // Places entities by the ring over members seen by the heartbeat of `node_id`.
  cluster::Heartbeat::Observer observer(const std::string& node_id, actors::Engine& engine);
  // Prometheus lines: turns sent to owners, decided for other nodes, decided
  // here because the owner could not be reached.
  std::string metrics() const;

 private:
  std::optional<actors::EngineResult<actors::ChatTurnResult>> forward(
      const std::string& conversation_id, const actors::ChatTurn& turn,
      std::chrono::milliseconds timeout);

  const Settings& settings_;
  std::unique_ptr<cluster::PeerLink> link_;
  std::shared_ptr<cluster::Placement> placement_;  // std::atomic_load / atomic_store
  std::string peer_;
  std::atomic<uint64_t> forwarded_{0}, served_{0}, unreachable_{0}, lost_{0};
  std::atomic<bool> warned_same_peer_{false};
};

}  // namespace parley::tools
