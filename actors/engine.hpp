// The actor side of Parley as the edge sees it: plain calls that block the
// calling (HTTP) thread until an entity answers or the timeout passes. No CAF
// types cross this header, so the HTTP layer compiles without CAF.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "actors/chat_types.hpp"
#include "actors/conversation_deps.hpp"
#include "actors/lead_types.hpp"
#include "actors/runtime.hpp"
#include "brain/details_extraction.hpp"
#include "brain/search_rewrite.hpp"
#include "brain/turn_advice.hpp"
#include "domain/refusal.hpp"
#include "events/status.hpp"

namespace parley::actors {

enum class EngineErrc : uint8_t {
  ok = 0,
  rejected,     // the entity refused the request: `refusal` says with what
  timeout,      // no answer within the timeout
  unavailable,  // the entity or system is down or shutting down
  storage,      // the log failed to store or load: `store` says how
};

struct EngineError {
  EngineErrc code = EngineErrc::ok;
  std::string detail;       // words for logs and messages: the refusal's name, the store's message
  domain::Refusal refusal;  // rejected: which entity, which Error
  events::StoreErrc store = events::StoreErrc::ok;  // storage: the store's code

  EngineError() = default;
  EngineError(EngineErrc c, std::string words, domain::Refusal r = {},
              events::StoreErrc s = events::StoreErrc::ok)
      : code(c), detail(std::move(words)), refusal(std::move(r)), store(s) {}
  static EngineError refused(domain::Refusal r) {
    std::string words = r.name;
    return {EngineErrc::rejected, std::move(words), std::move(r)};
  }
  // True when an entity refused with the domain error `e` (conversation::Error,
  // lead::Error …): callers compare enums, never the words.
  template <class DomainError>
  bool refused_with(DomainError e) const {
    return code == EngineErrc::rejected && refusal.is(e);
  }
};

template <class T>
struct EngineResult {
  T value{};
  EngineError error;
  bool ok() const { return error.code == EngineErrc::ok; }
};

struct EngineOptions {
  size_t scheduler_threads = 2;
  size_t executor_threads = 2;
  std::chrono::milliseconds idle{std::chrono::seconds(300)};
  uint64_t snapshot_every = 200;
  // Live entity actors at most (the least recently used beyond are
  // passivated; they come back on their next message). 0: no cap.
  size_t max_live_entities = 20000;
  // What conversation entities sell from and whom they notify: the catalog,
  // the zone, the managers, the nudge policy (actors/conversation_entity.hpp).
  ConversationDeps conversations;
  LeadDeps leads;  // how lead entities reach the team
  // A language model that may decide shoppers' turns (PARLEY_LLM); nullptr:
  // the offline brain decides every turn.
  std::shared_ptr<const brain::TurnAdvisor> advisor;
  size_t advice_history = 12;  // earlier messages the advisor sees
  // Asks a model for other words when a shopper's search finds nothing
  // (brain/search_rewrite.hpp); nullptr: never.
  std::shared_ptr<const brain::SearchRewriter> rewriter;
  // Reads checkout details a shopper's message gives that the rules miss
  // (brain/details_extraction.hpp); nullptr: never.
  std::shared_ptr<const brain::DetailsExtractor> extractor;
  // Cluster mode (issue 23). Sends a chat turn to the node that owns its
  // conversation and answers what it answered; nullopt when this node owns
  // it, or when the owner could not be reached before the turn was sent
  // (then this node decides it: the store's compare-and-set keeps the log
  // right if the owner holds it too). Unset: every entity is this node's.
  std::function<std::optional<EngineResult<ChatTurnResult>>(
      const std::string& conversation_id, const ChatTurn& turn, std::chrono::milliseconds timeout)>
      forward;
  // Whether this node owns the entity (type, id) now; unset: all of them.
  // Entities it does not own are passivated after a command and on rebalance().
  std::function<bool(const std::string& type, const std::string& id)> owns;
  // An entity decides a request while its previous append is in flight (one
  // node: the entity is its stream's only writer). Off in a cluster.
  bool pipeline = true;
};

struct EngineStats {
  uint64_t live_entities = 0;
  uint64_t spawned = 0;
  uint64_t passivated = 0;
  uint64_t recoveries = 0;
  uint64_t reloads = 0;
  uint64_t snapshots_saved = 0;
  uint64_t evicted = 0;  // passivated to stay within max_live_entities
};

class Engine {
 public:
  // Borrows the store and writer; both must outlive the engine.
  Engine(events::EventStore& store, events::GroupCommitWriter& writer, EngineOptions options);
  ~Engine();  // shutdown()
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // One chat turn: records the inbound message and the replies atomically and
  // answers after they are durable. A repeated platform message id answers the
  // first outcome with duplicate = true and records nothing.
  // With an advisor, a shopper's text turn is first offered to it on this
  // thread (actors/turn_preparation.hpp); `observer` hears its progress.
  EngineResult<ChatTurnResult> chat(const ChatTurn& turn, std::chrono::milliseconds timeout,
                                    const brain::TurnObserver& observer = {});
  // The same turn decided on this node whoever owns it: what a turn
  // forwarded by another node runs.
  EngineResult<ChatTurnResult> chat_here(const ChatTurn& turn, std::chrono::milliseconds timeout,
                                         const brain::TurnObserver& observer = {});
  // Whether the conversation (channel, user) recorded this platform message id.
  bool seen(const std::string& channel, const std::string& user_id,
            const std::string& platform_message_id) const;
  // Whether the conversation has anything in the log (read from the store:
  // asking spawns no actor).
  bool exists(const std::string& conversation_id) const;
  // A command on an existing conversation (operator reply, handoff, delivery
  // status); answers after its events are durable.
  EngineResult<ChatTurnResult> command(const std::string& conversation_id,
                                       ConversationCommand command,
                                       std::chrono::milliseconds timeout);

  // A command on a lead; answers after its events (and the notifications
  // they cause) are durable. A refusal is `rejected` with the domain error.
  EngineResult<LeadReply> lead(const std::string& lead_id, LeadRequest request,
                               std::chrono::milliseconds timeout);

  // The owners changed (a node joined or left): every live entity this node
  // no longer owns snapshots and stops; the new owner loads it from the log.
  void rebalance();

  EngineStats stats() const;
  // Stops every entity (in-flight appends complete first) and the actor system.
  // Idempotent. Call after the edge stopped sending.
  void shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::actors
