#include "tools/serve_cluster.hpp"

#include <algorithm>
#include <cstdio>

#include "actors/forwarded_chat.hpp"
#include "domain/conversation.hpp"
#include "http/metrics.hpp"

namespace parley::tools {

using actors::ChatTurnResult;
using actors::EngineErrc;
using actors::EngineResult;

namespace {

// Threads deciding turns other nodes forwarded, and turns waiting for one.
// Each waits on an entity as an HTTP worker does (about 1 ms on this
// machine, more while PostgreSQL commits): 16 keep 2 cores busy.
constexpr size_t kPeerWorkers = 16;
constexpr size_t kPeerQueue = 1024;

EngineResult<ChatTurnResult> failed(EngineErrc code, std::string words) {
  EngineResult<ChatTurnResult> r;
  r.error = {code, std::move(words)};
  return r;
}

}  // namespace

ServeCluster::ServeCluster(const Settings& settings) : settings_(settings) {}
ServeCluster::~ServeCluster() = default;

void ServeCluster::wire(actors::EngineOptions* options) {
  options->forward = [this](const std::string& id, const actors::ChatTurn& turn,
                            std::chrono::milliseconds timeout) {
    return forward(id, turn, timeout);
  };
  options->pipeline = false;  // another node may append to a stream (actors/entity_shell.hpp)
  options->owns = [this](const std::string& type, const std::string& id) {
    const auto placement = std::atomic_load(&placement_);
    return !placement || placement->owns(cluster::Placement::key_of(type, id));
  };
}

bool ServeCluster::listen(actors::Engine& engine, std::string* error) {
  // `left`: what the link says remains of the caller's time (nine tenths of
  // it, so this answer, a timeout too, is back before the caller gives up).
  link_ = std::make_unique<cluster::PeerLink>(
      [this, &engine](const std::string& request, std::chrono::milliseconds left) {
        ++served_;
        actors::ChatTurn turn;
        if (!actors::decode_forwarded_turn(request, &turn))
          return actors::encode_forwarded_result(
              failed(EngineErrc::unavailable, "a forwarded turn this node cannot read"));
        // Never longer than this node's own timeout; a turn that waited out its
        // time in the queue is not decided at all.
        const auto budget = std::min(left, settings_.request_timeout);
        if (budget.count() <= 0)
          return actors::encode_forwarded_result(
              failed(EngineErrc::timeout, "the turn waited too long on its owner node"));
        return actors::encode_forwarded_result(engine.chat_here(turn, budget));
      },
      kPeerWorkers, kPeerQueue);
  const auto port =
      link_->listen(settings_.cluster_host, static_cast<uint16_t>(settings_.cluster_port), error);
  if (port == 0) return false;
  peer_ = settings_.cluster_host + ":" + std::to_string(port);
  return true;
}

cluster::Heartbeat::Observer ServeCluster::observer(const std::string& node_id,
                                                    actors::Engine& engine) {
  std::atomic_store(&placement_, std::make_shared<cluster::Placement>(node_id));
  return [this, &engine, node_id](const std::vector<cluster::Member>& members) {
    const auto placement = std::atomic_load(&placement_);
    if (placement->update(members)) engine.rebalance();
    // Two nodes giving the same address (both left at 127.0.0.1 on machines of
    // their own): turns "forwarded" there come back to the sender. Said once.
    for (const auto& m : members)
      if (m.live && m.node_id != node_id && m.peer == peer_ && !warned_same_peer_.exchange(true))
        std::fprintf(stderr,
                     "parley: node %s gives the same peer address as this node (%s): set "
                     "PARLEY_CLUSTER_HOST to each node's own address\n",
                     m.node_id.c_str(), peer_.c_str());
  };
}

std::optional<EngineResult<ChatTurnResult>> ServeCluster::forward(
    const std::string& conversation_id, const actors::ChatTurn& turn,
    std::chrono::milliseconds timeout) {
  const auto placement = std::atomic_load(&placement_);
  if (!placement || !link_) return std::nullopt;
  const auto peer = placement->peer_of(
      cluster::Placement::key_of(domain::conversation::kEntityType, conversation_id));
  if (peer.empty()) return std::nullopt;
  ++forwarded_;
  auto answer = link_->call(peer, actors::encode_forwarded_turn(turn), timeout);
  switch (answer.kind) {
    case cluster::PeerAnswer::Kind::answered: {
      EngineResult<ChatTurnResult> r;
      if (actors::decode_forwarded_result(answer.bytes, &r)) return r;
      return failed(EngineErrc::unavailable, "the owner node's answer could not be read");
    }
    case cluster::PeerAnswer::Kind::unreachable:
      ++unreachable_;
      return std::nullopt;
    case cluster::PeerAnswer::Kind::busy:
      return failed(EngineErrc::unavailable, "the owner node is busy");
    case cluster::PeerAnswer::Kind::lost:
      break;
  }
  ++lost_;
  return failed(EngineErrc::timeout, "the owner node did not answer: " + answer.why);
}

std::string ServeCluster::metrics() const {
  std::string out;
  http::append_metric(&out, "parley_cluster_forwarded_total", "counter",
                      "Chat turns sent to the node that owns them.", forwarded_);
  http::append_metric(&out, "parley_cluster_served_total", "counter",
                      "Chat turns other nodes sent here.", served_);
  http::append_metric(&out, "parley_cluster_unreachable_total", "counter",
                      "Chat turns decided here because their owner could not be reached.",
                      unreachable_);
  http::append_metric(&out, "parley_cluster_lost_total", "counter",
                      "Chat turns sent to an owner that did not answer.", lost_);
  return out;
}

}  // namespace parley::tools
