#include "actors/engine.hpp"

#include <caf/all.hpp>

#include <atomic>
#include <random>

#include "actors/atoms.hpp"
#include "actors/caf_messages.hpp"
#include "actors/caller_pool.hpp"
#include "actors/conversation_entity.hpp"
#include "actors/entity_error.hpp"
#include "actors/lead_entity.hpp"
#include "actors/registry.hpp"
#include "actors/stock_levels.hpp"
#include "actors/turn_preparation.hpp"
#include "brain/nlu.hpp"
#include "domain/conversation.hpp"
#include "domain/lead.hpp"

namespace parley::actors {

struct Engine::Impl {
  events::EventStore& store;
  events::BlockingExecutor executor;
  std::shared_ptr<Runtime> rt;
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::unique_ptr<CallerPool> callers;  // cleared before sys goes
  caf::actor registry;
  std::atomic<bool> stopped{false};
  std::shared_ptr<const brain::TurnAdvisor> advisor;
  size_t advice_history = 12;
  std::shared_ptr<const brain::SearchRewriter> rewriter;
  std::shared_ptr<const brain::DetailsExtractor> extractor;
  decltype(EngineOptions::forward) forward;
  CatalogSource catalog;
  int utc_offset_minutes = 0;

  Impl(events::EventStore& s, events::GroupCommitWriter& writer, EngineOptions& o)
      : store(s),
        executor(o.executor_threads),
        advisor(std::move(o.advisor)),
        advice_history(o.advice_history),
        rewriter(std::move(o.rewriter)),
        extractor(std::move(o.extractor)),
        forward(std::move(o.forward)),
        catalog(o.conversations.catalog),
        utc_offset_minutes(o.conversations.utc_offset_minutes) {
    rt = std::shared_ptr<Runtime>(new Runtime{s,
                                              writer,
                                              executor,
                                              o.idle,
                                              o.snapshot_every,
                                              {},
                                              o.max_live_entities,
                                              o.owns,
                                              o.pipeline});
    cfg.set("scheduler.max-threads", o.scheduler_threads);
    cfg.set("logger.console", caf::atom("none"));
    // Work stealing spins idle workers (sched_yield) on these 2 cores, starving
    // the clock and I/O threads: shutting down 80k live entities took 20 s
    // with it and 3.5 s with sharing, and chat p99 is lower (docs/BENCHMARKS.md).
    cfg.set("scheduler.policy", caf::atom("sharing"));
    sys = std::make_unique<caf::actor_system>(cfg);
    callers = std::make_unique<CallerPool>(*sys);
    auto deps = std::make_shared<const ConversationDeps>(std::move(o.conversations));
    EntityFactories factories;
    factories[domain::conversation::kEntityType] =
        [rt = rt, deps](caf::local_actor* parent, const std::string& id, const caf::actor& reg) {
          return spawn_conversation(parent, id, reg, rt, deps);
        };
    auto lead_deps = std::make_shared<const LeadDeps>(std::move(o.leads));
    factories[domain::lead::kEntityType] = [rt = rt, lead_deps](caf::local_actor* parent,
                                                                const std::string& id,
                                                                const caf::actor& reg) {
      return spawn_lead(parent, id, reg, rt, lead_deps);
    };
    registry = spawn_registry(*sys, std::move(factories), rt);
  }

  EngineResult<ChatTurnResult> ask(const std::string& id, ConversationRequest request,
                                   std::chrono::milliseconds timeout);
  // Cluster mode: an entity this node does not own is not kept live here.
  void let_go_unless_owned(std::string_view type, const std::string& id) {
    if (rt->owns && !rt->owns(std::string(type), id))
      caf::anon_send(registry, passivate_atom::value, std::string(type), id);
  }
  // Offers the turn to the advisor; the advice rides along with the turn.
  void advise(const std::string& id, ChatTurn* turn, std::chrono::milliseconds timeout,
              const brain::TurnObserver& observer);
};

Engine::Engine(events::EventStore& store, events::GroupCommitWriter& writer, EngineOptions options)
    : impl_(std::make_unique<Impl>(store, writer, options)) {}

Engine::~Engine() {
  shutdown();
}

namespace {

// "ORD-" and 16 Crockford base32 digits (80 bits from the system's CSPRNG):
// an order id says nothing about its shopper and cannot be guessed.
std::string new_order_id() {
  static const char kDigits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  thread_local std::random_device rd;
  std::string id = "ORD-";
  for (int i = 0; i < 4; ++i) {
    const uint32_t bits = rd();
    for (int j = 0; j < 4; ++j) id += kDigits[(bits >> (5 * j)) & 31];
  }
  return id;
}

EngineError to_engine_error(const caf::error& err) {
  EntityError e;
  if (decode_entity_error(err, &e)) {
    switch (e.code) {
      case entity_errc::rejected:
        return {EngineErrc::rejected, e.text, e.refusal};
      case entity_errc::storage_failed:
      case entity_errc::recovery_failed:
        return {EngineErrc::storage, e.text, {}, e.store};
      case entity_errc::failed:
        return {EngineErrc::unavailable, e.text};
    }
  }
  if (err == caf::sec::request_timeout) return {EngineErrc::timeout, "no answer in time"};
  return {EngineErrc::unavailable, caf::to_string(err)};
}

// Asks the registry to route `request` to an entity and waits for its reply
// on this (non-actor) thread, at most `timeout`. The request itself carries no
// timeout: the wait does. A timed request arms CAF's clock thread twice (set,
// cancel), and under the chat load that woke the clock once a request: 45k
// context switches in 10 s, 5 % of the server's CPU (issue 22). A reply that
// comes later dies with its caller, which is not given back.
template <class Reply>
EngineResult<Reply> await_reply(CallerPool& callers, const caf::actor& registry,
                                std::string entity_type, const std::string& id,
                                caf::message request, std::chrono::milliseconds timeout) {
  EngineResult<Reply> out;
  auto caller = callers.borrow();
  auto& self = *caller;
  auto handle = self->request(registry, caf::infinite, route_atom::value, std::move(entity_type),
                              id, std::move(request));
  bool timed_out = false;
  caf::blocking_actor::accept_one_cond one;
  self->varargs_receive(
      one, handle.id(), [&](Reply& r) { out.value = std::move(r); },
      [&](caf::error& err) { out.error = to_engine_error(err); },
      caf::after(timeout) >>
          [&] {
            timed_out = true;
            out.error = to_engine_error(caf::sec::request_timeout);
          });
  if (!timed_out) callers.give(std::move(caller));
  return out;
}

}  // namespace

EngineResult<ChatTurnResult> Engine::Impl::ask(const std::string& id, ConversationRequest request,
                                               std::chrono::milliseconds timeout) {
  return await_reply<ChatTurnResult>(*callers, registry,
                                     std::string(domain::conversation::kEntityType), id,
                                     caf::make_message(std::move(request)), timeout);
}

void Engine::Impl::advise(const std::string& id, ChatTurn* turn, std::chrono::milliseconds timeout,
                          const brain::TurnObserver& observer) {
  const std::string said = words(*turn);
  if (turn->scripted || said.empty()) return;
  const auto& understood = *turn->understood;
  if (!wants_advice(*turn, understood)) return;  // before the round trip to the entity
  auto peek = ask(id, ConversationRequest{PeekState{}}, timeout);
  if (!peek.ok() || !peek.value.state) return;      // the turn itself will report the failure
  if (peek.value.state->handoff_requested) return;  // human mode: people answer
  domain::conversation::State state = *peek.value.state;
  if (!receive(*turn, understood.language_certain ? understood.language : "", &state)) return;
  brain::AdviceRequest request{id,
                               said,
                               state.language,
                               turn->at_us,
                               recent_messages(store, id, advice_history),
                               turn->order_id};
  turn->advice = advisor->advise(state, request, observer);
}

EngineResult<ChatTurnResult> Engine::chat(const ChatTurn& turn, std::chrono::milliseconds timeout,
                                          const brain::TurnObserver& observer) {
  if (!impl_->rt->owns) return chat_here(turn, timeout, observer);  // one node owns all
  const auto id = domain::conversation::conversation_id(turn.channel, turn.user_id);
  if (impl_->forward && !impl_->stopped && turn.text.size() <= domain::kMaxTextBytes)
    if (auto answered = impl_->forward(id, turn, timeout)) return std::move(*answered);
  // This node's, or the owner could not be reached: decided here, kept only if owned.
  auto here = chat_here(turn, timeout, observer);
  impl_->let_go_unless_owned(domain::conversation::kEntityType, id);
  return here;
}

EngineResult<ChatTurnResult> Engine::chat_here(const ChatTurn& turn,
                                               std::chrono::milliseconds timeout,
                                               const brain::TurnObserver& observer) {
  EngineResult<ChatTurnResult> out;
  if (impl_->stopped) {
    out.error = {EngineErrc::unavailable, "shutting down"};
    return out;
  }
  if (turn.text.size() > domain::kMaxTextBytes) {  // before any understanding
    out.error =
        EngineError::refused(domain::Refusal::of(domain::conversation::Error::text_too_long));
    return out;
  }
  const auto id = domain::conversation::conversation_id(turn.channel, turn.user_id);
  if (!turn.platform_message_id.empty()) {
    // Fast path for redeliveries; the append's dedupe claim settles races.
    auto prior = impl_->store.find_dedupe(chat_dedupe_key(id, turn.platform_message_id));
    if (prior.ok() && decode_chat_outcome(*prior, &out.value)) {
      out.value.duplicate = true;
      return out;
    }
  }
  // Understanding runs here, on the caller's thread, not on the scheduler's.
  ChatTurn prepared = turn;
  if (prepared.order_id.empty()) prepared.order_id = new_order_id();
  prepared.understood = std::make_shared<const brain::Understanding>(
      brain::understand(words(turn), brain::nlu::local_now(turn.at_us, impl_->utc_offset_minutes)));
  if (impl_->advisor && impl_->advisor->active()) impl_->advise(id, &prepared, timeout, observer);
  if (impl_->rewriter && impl_->rewriter->active() && impl_->catalog)
    if (auto snapshot = impl_->catalog())
      prepared.search_rewrite =
          rewrite_search(prepared, *prepared.understood, snapshot->index, *impl_->rewriter, id);
  // Details the rules miss at checkout, read by the extractor when the model
  // did not decide the turn itself.
  if (impl_->extractor && impl_->extractor->active() && !prepared.scripted &&
      !(prepared.advice && prepared.advice->usable)) {
    auto peek = impl_->ask(id, ConversationRequest{PeekState{}}, timeout);
    if (peek.ok() && peek.value.state)
      prepared.extracted =
          extract_details(prepared, *prepared.understood, *peek.value.state, *impl_->extractor, id);
  }
  // A turn that places an order needs the cart's stock as the log has it: the
  // entity says so, and after a race for the last units its append conflicts;
  // either way the stock is read here and the turn asked again.
  for (int attempt = 0;; ++attempt) {
    auto r = impl_->ask(id, ConversationRequest{prepared}, timeout);
    const bool needs_stock = r.error.refused_with(domain::conversation::Error::stock_unknown);
    const bool raced = prepared.stock && r.error.code == EngineErrc::storage &&
                       r.error.store == events::StoreErrc::conflict;
    if ((!needs_stock && !raced) || attempt == 3) return r;
    auto peek = impl_->ask(id, ConversationRequest{PeekState{}}, timeout);
    if (!peek.ok() || !peek.value.state) return r;
    std::vector<std::string> skus;
    for (const auto& l : peek.value.state->cart) skus.push_back(l.sku);
    prepared.stock = std::make_shared<const StockLevels>(read_stock_levels(impl_->store, skus));
  }
}

bool Engine::seen(const std::string& channel, const std::string& user_id,
                  const std::string& platform_message_id) const {
  if (platform_message_id.empty()) return false;
  const auto id = domain::conversation::conversation_id(channel, user_id);
  return impl_->store.find_dedupe(chat_dedupe_key(id, platform_message_id)).ok();
}

bool Engine::exists(const std::string& conversation_id) const {
  auto head = impl_->store.stream_head({domain::conversation::kEntityType, conversation_id});
  return head.ok() && *head > 0;
}

EngineResult<ChatTurnResult> Engine::command(const std::string& conversation_id,
                                             ConversationCommand command,
                                             std::chrono::milliseconds timeout) {
  if (impl_->stopped) {
    EngineResult<ChatTurnResult> out;
    out.error = {EngineErrc::unavailable, "shutting down"};
    return out;
  }
  ConversationRequest request;
  std::visit([&](auto& c) { request.op = std::move(c); }, command);
  auto r = impl_->ask(conversation_id, std::move(request), timeout);
  impl_->let_go_unless_owned(domain::conversation::kEntityType, conversation_id);
  return r;
}

EngineResult<LeadReply> Engine::lead(const std::string& lead_id, LeadRequest request,
                                     std::chrono::milliseconds timeout) {
  EngineResult<LeadReply> out;
  if (impl_->stopped) {
    out.error = {EngineErrc::unavailable, "shutting down"};
    return out;
  }
  out = await_reply<LeadReply>(*impl_->callers, impl_->registry,
                               std::string(domain::lead::kEntityType), lead_id,
                               caf::make_message(std::move(request)), timeout);
  impl_->let_go_unless_owned(domain::lead::kEntityType, lead_id);
  return out;
}

void Engine::rebalance() {
  if (!impl_->stopped) caf::anon_send(impl_->registry, rebalance_atom::value);
}

EngineStats Engine::stats() const {
  const auto& c = impl_->rt->counters;
  EngineStats s;
  s.live_entities = c.live.load(std::memory_order_relaxed);
  s.spawned = c.spawned.load(std::memory_order_relaxed);
  s.passivated = c.passivated.load(std::memory_order_relaxed);
  s.recoveries = c.recoveries.load(std::memory_order_relaxed);
  s.reloads = c.reloads.load(std::memory_order_relaxed);
  s.snapshots_saved = c.snapshots_saved.load(std::memory_order_relaxed);
  s.evicted = c.evicted.load(std::memory_order_relaxed);
  return s;
}

void Engine::shutdown() {
  if (impl_->stopped.exchange(true)) return;
  {
    caf::scoped_actor self{*impl_->sys};
    self->monitor(impl_->registry);
    self->send_exit(impl_->registry, caf::exit_reason::user_shutdown);
    self->receive([](const caf::down_msg&) {}, caf::after(std::chrono::seconds(10)) >> [] {});
  }
  impl_->registry = nullptr;
  impl_->callers->clear();
  impl_->sys.reset();  // waits for every actor
  impl_->executor.shutdown();
}

}  // namespace parley::actors
