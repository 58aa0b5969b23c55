// The entity actor: a thin shell around a pure decider.
//
//   load    snapshot + later events, read on the executor (never on a CAF
//           scheduler thread); requests that arrive meanwhile are stashed
//   decide  Kind::decide(state, request) -> events + reply | domain error
//   evolve  the state at once, so the next request sees it (pipelining)
//   append  through the group-commit writer, expecting the previous head
//   reply   only after the writer reports the append durable
//
// If an append does not land (I/O error, or a dedupe key already claimed),
// the optimistic state is wrong: the shell answers that request, bumps its
// epoch, reloads from the log and re-decides the requests that were decided
// on top of it (their appends conflict, so none of them can land). A request
// whose append conflicted is re-decided too, once: another writer got to the
// stream first (a second node holding the entity, issue 23), or to a stream
// linked to the append (the stock of an order: then it conflicts again, and
// the caller reads the stock anew).
//
// Pipelining (Runtime::pipeline, on for one node): a request is decided on top
// of the ones still in flight. "None of them can land" holds only while this
// entity is its stream's one writer; in a cluster another node may append as
// many events as a failed request had, so a later request would land on
// events it never saw. A cluster turns pipelining off: each request waits
// for the one in flight.
//
// Passivation: after Runtime::idle without a message the entity asks the
// registry to passivate it; the registry stops routing to it and sends stop;
// the entity finishes its appends, saves a snapshot and quits. The quiet time
// is checked by one timer per idle period, not re-armed by every message.
//
// Kind provides the stream as its codec declares it (events/*_codec.hpp
//   Stream: State, Event, kType, initial(id), evolve(State, Event),
//   encode(Event), decode(EventEnvelope), encode_state(State),
//   decode_state(bytes, schema), kStateSchema), and its own Request, Reply,
//   Deps, decide(State, Request, Deps) -> Result<EntityDecision, caf::error>,
//   duplicate_reply(Request, outcome) -> Reply.
#pragma once

#include <caf/all.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/atoms.hpp"
#include "actors/entity_error.hpp"
#include "actors/runtime.hpp"

namespace parley::actors {

struct LoadResult {
  events::Status status;
  std::optional<events::Snapshot> snapshot;
  std::vector<events::EventEnvelope> events;
};

}  // namespace parley::actors

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::shared_ptr<parley::actors::LoadResult>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(parley::events::AppendResult)

namespace parley::actors {

// What an entity's decider answers: when it decided (the command's time),
// its events, an optional dedupe claim, appends to other streams that land
// with them, and the reply. An event whose codec gives it no time of its own
// (a cart change, a stage) is stored with the decision's time.
template <class Event, class Reply>
struct EntityDecision {
  int64_t at_us = 0;
  std::vector<Event> events;
  std::optional<events::DedupeClaim> dedupe;
  std::vector<events::LinkedAppend> linked;
  Reply reply;
};

template <class Kind>
struct EntityShellState {
  // `retried`: decided again once already after its append conflicted.
  struct Waiting {
    caf::response_promise rp;
    typename Kind::Request request;
    bool retried = false;
  };
  struct InFlight {
    caf::response_promise rp;
    typename Kind::Request request;
    typename Kind::Reply reply;
    uint64_t last_seq;
    bool retried = false;
  };

  events::StreamId stream;
  caf::actor registry;
  events::Status load_error = events::Status::Ok();  // not ok: every request gets it
  typename Kind::State domain;
  uint64_t head = 0;          // seq of the last event decided (durable or in flight)
  uint64_t snapshot_seq = 0;  // seq of the last snapshot loaded or saved
  uint64_t epoch = 0;         // bumped by each reload; older completions are ignored
  bool ready = false;
  bool stop_requested = false;
  bool idle_timer_armed = false;
  std::chrono::steady_clock::time_point last_message;  // for passivation
  std::vector<Waiting> stash;                          // requests waiting for a load
  std::vector<InFlight> in_flight;  // appends in submit order; they complete in order

  static inline const char* name = "parley.entity";
};

template <class Kind>
class EntityShell {
 public:
  using State = EntityShellState<Kind>;
  using Self = caf::stateful_actor<State>;

  static caf::behavior make(Self* self, std::string id, caf::actor registry,
                            std::shared_ptr<Runtime> rt,
                            std::shared_ptr<const typename Kind::Deps> deps) {
    self->state.stream = events::StreamId{Kind::kType, id};
    self->state.registry = registry;
    self->state.domain = Kind::initial(id);
    rt->counters.spawned.fetch_add(1, std::memory_order_relaxed);
    start_load(self, *rt);
    heard(self, *rt);
    return {
        [=](typename Kind::Request& request) -> caf::result<typename Kind::Reply> {
          heard(self, *rt);
          auto rp = self->make_response_promise();
          if (!self->state.load_error.ok()) {
            rp.deliver(make_storage_error(entity_errc::recovery_failed, self->state.load_error));
          } else if (!self->state.ready || held_back(self->state, *rt)) {
            self->state.stash.push_back({rp, std::move(request)});
          } else {
            handle(self, *rt, *deps, rp, std::move(request));
          }
          return rp;
        },
        [=](loaded_atom, uint64_t epoch, std::shared_ptr<LoadResult>& loaded) {
          heard(self, *rt);
          if (epoch != self->state.epoch) return;
          on_loaded(self, *rt, *deps, *loaded);
        },
        [=](appended_atom, uint64_t epoch, uint64_t last_seq, events::AppendResult& result) {
          heard(self, *rt);
          if (epoch != self->state.epoch) return;
          on_appended(self, *rt, *deps, last_seq, std::move(result));
        },
        [=](stop_atom) {
          heard(self, *rt);
          self->state.stop_requested = true;
          if (!self->state.load_error.ok()) return self->quit();
          maybe_finish(self, *rt);
        },
        [=](idle_atom) { on_idle_check(self, *rt); },
    };
  }

 private:
  // A message arrived: the quiet time starts again. caf::after(idle) did this
  // by re-arming CAF's clock at every message, and under the chat load that
  // woke the clock thread about once a request (issue 22); now the timer is
  // armed once and, when it fires early, once more for what is left.
  static void heard(Self* self, const Runtime& rt) {
    auto& st = self->state;
    st.last_message = std::chrono::steady_clock::now();
    if (st.idle_timer_armed) return;
    st.idle_timer_armed = true;
    self->delayed_send(self, rt.idle, idle_atom::value);
  }

  static void on_idle_check(Self* self, const Runtime& rt) {
    auto& st = self->state;
    const auto quiet = std::chrono::steady_clock::now() - st.last_message;
    if (quiet < rt.idle) {
      self->delayed_send(self, rt.idle - quiet, idle_atom::value);
      return;
    }
    st.idle_timer_armed = false;  // the next message arms it again
    if (!st.stop_requested)
      self->send(st.registry, passivate_atom::value, Kind::kType, st.stream.id);
  }

  static void start_load(Self* self, Runtime& rt) {
    self->state.ready = false;
    auto handle = caf::actor_cast<caf::actor>(self);
    auto stream = self->state.stream;
    auto epoch = self->state.epoch;
    auto* store = &rt.store;
    bool posted = rt.executor.post([=] {
      auto result = std::make_shared<LoadResult>();
      auto snap = store->load_snapshot(stream);
      uint64_t from = 1;
      if (snap) {
        from = snap->seq + 1;
        result->snapshot = std::move(snap).value();
      } else if (!snap.status().is_not_found()) {
        result->status = snap.status();
      }
      if (result->status.ok())
        result->status = store->read_stream(stream, from, SIZE_MAX, &result->events);
      caf::anon_send(handle, loaded_atom::value, epoch, std::move(result));
    });
    if (!posted) {
      auto result = std::make_shared<LoadResult>();
      result->status = events::Status::Closed("executor is shut down");
      self->send(self, loaded_atom::value, epoch, std::move(result));
    }
  }

  static void on_loaded(Self* self, Runtime& rt, const typename Kind::Deps& deps,
                        const LoadResult& loaded) {
    auto& st = self->state;
    auto fold = [&]() -> events::Status {
      auto domain = Kind::initial(st.stream.id);
      uint64_t head = 0;
      if (loaded.snapshot) {
        auto decoded = Kind::decode_state(loaded.snapshot->state, loaded.snapshot->schema_version);
        if (!decoded) return decoded.status();
        domain = std::move(decoded).value();
        head = loaded.snapshot->seq;
      }
      for (const auto& env : loaded.events) {
        if (env.seq != head + 1)
          return events::Status::Corruption("gap in " + st.stream.to_string() + " at seq " +
                                            std::to_string(head + 1));
        auto event = Kind::decode(env);
        if (!event) return event.status();
        domain = Kind::evolve(std::move(domain), *event);
        head = env.seq;
      }
      st.domain = std::move(domain);
      st.head = head;
      st.snapshot_seq = loaded.snapshot ? loaded.snapshot->seq : 0;
      return events::Status::Ok();
    };
    auto status = loaded.status.ok() ? fold() : loaded.status;
    if (!status.ok()) {
      // Nothing can be decided without the state: answer every request with
      // the error and ask to be stopped; the registry stashes what arrives
      // meanwhile and spawns a fresh entity for it, which loads again. (The
      // load may finish before the first request arrives, so the entity must
      // not simply quit: that request would find no one.)
      st.load_error = status;
      for (auto& w : st.stash)
        w.rp.deliver(make_storage_error(entity_errc::recovery_failed, st.load_error));
      st.stash.clear();
      self->send(st.registry, passivate_atom::value, Kind::kType, st.stream.id);
      return;
    }
    if (st.head > 0) rt.counters.recoveries.fetch_add(1, std::memory_order_relaxed);
    st.ready = true;
    auto stash = std::move(st.stash);
    st.stash.clear();
    for (auto& w : stash) {
      // A request below failed its append and began a reload, or one is in
      // flight and requests wait for it (Runtime::pipeline off).
      if (!st.ready || held_back(st, rt)) {
        st.stash.push_back(std::move(w));
        continue;
      }
      handle(self, rt, deps, w.rp, std::move(w.request), w.retried);
    }
    maybe_finish(self, rt);
  }

  // No exception leaves a handler (it would kill the actor): decide and
  // encode run first and may fail; the state changes only after both did.
  static void handle(Self* self, Runtime& rt, const typename Kind::Deps& deps,
                     caf::response_promise rp, typename Kind::Request request,
                     bool retried = false) {
    auto& st = self->state;
    std::optional<typename Kind::Decision> decided;
    events::AppendRequest append{st.stream, st.head, {}, {}};
    try {
      auto decision = Kind::decide(st.domain, request, deps);
      if (!decision) {
        rp.deliver(decision.error());
        return;
      }
      decided = std::move(decision).value();
      for (const auto& e : decided->events) {
        append.events.push_back(Kind::encode(e));
        if (append.events.back().timestamp_us == 0)
          append.events.back().timestamp_us = decided->at_us;
      }
    } catch (const std::exception& ex) {
      rp.deliver(make_failure(std::string("internal: ") + ex.what()));
      return;
    }
    auto& d = *decided;
    if (d.events.empty()) {
      rp.deliver(std::move(d.reply));
      return;
    }
    append.dedupe = std::move(d.dedupe);
    append.linked = std::move(d.linked);
    for (auto& e : d.events) st.domain = Kind::evolve(std::move(st.domain), e);
    st.head += d.events.size();
    st.in_flight.push_back({rp, std::move(request), std::move(d.reply), st.head, retried});
    auto handle = caf::actor_cast<caf::actor>(self);
    auto epoch = st.epoch;
    auto last_seq = st.head;
    rt.writer.submit(std::move(append), [handle, epoch, last_seq](events::AppendResult r) {
      caf::anon_send(handle, appended_atom::value, epoch, last_seq, std::move(r));
    });
  }

  static void on_appended(Self* self, Runtime& rt, const typename Kind::Deps& deps,
                          uint64_t last_seq, events::AppendResult result) {
    auto& st = self->state;
    if (st.in_flight.empty() || st.in_flight.front().last_seq != last_seq) return;
    auto done = std::move(st.in_flight.front());
    st.in_flight.erase(st.in_flight.begin());
    if (result.status.ok()) {
      done.rp.deliver(std::move(done.reply));
      // Settled now, before the next request goes in flight: a busy entity
      // without pipelining would otherwise never be settled to snapshot.
      maybe_snapshot(self, rt);
      take_next(self, rt, deps);
      maybe_finish(self, rt);
      return;
    }
    std::vector<typename State::Waiting> retry;
    if (result.status.code() == events::StoreErrc::duplicate) {
      done.rp.deliver(Kind::duplicate_reply(done.request, result.duplicate_outcome));
    } else if (result.status.code() == events::StoreErrc::conflict && !done.retried) {
      // Someone else appended to the stream (another node held this entity
      // for a while, issue 23): decided again, once, on the log as it is.
      retry.push_back({done.rp, std::move(done.request), true});
    } else {
      done.rp.deliver(make_storage_error(entity_errc::storage_failed, result.status));
    }
    // Everything decided after this request assumed its events: re-decide it
    // on the state reloaded from the log, before anything stashed later.
    for (auto& f : st.in_flight) retry.push_back({f.rp, std::move(f.request), f.retried});
    st.in_flight.clear();
    for (auto& w : st.stash) retry.push_back(std::move(w));
    st.stash = std::move(retry);
    ++st.epoch;
    rt.counters.reloads.fetch_add(1, std::memory_order_relaxed);
    start_load(self, rt);
  }

  // Without pipelining (Runtime::pipeline off) a request waits while another
  // is in flight: it is decided on the log as it is once that one landed.
  static bool held_back(const State& st, const Runtime& rt) {
    return !rt.pipeline && !st.in_flight.empty();
  }

  // The requests that waited for an append: decided now, up to the next one
  // that goes in flight.
  static void take_next(Self* self, Runtime& rt, const typename Kind::Deps& deps) {
    auto& st = self->state;
    while (st.ready && !held_back(st, rt) && !st.stash.empty()) {
      auto w = std::move(st.stash.front());
      st.stash.erase(st.stash.begin());
      handle(self, rt, deps, w.rp, std::move(w.request), w.retried);
    }
  }

  // Snapshots only a settled state: nothing in flight, so domain == log.
  static void maybe_snapshot(Self* self, Runtime& rt, bool force = false) {
    auto& st = self->state;
    if (!st.ready || !st.in_flight.empty() || st.head == st.snapshot_seq) return;
    if (!force && st.head - st.snapshot_seq < rt.snapshot_every) return;
    events::Snapshot snap{st.head, Kind::kStateSchema, Kind::encode_state(st.domain)};
    st.snapshot_seq = st.head;
    auto* store = &rt.store;
    auto* counters = &rt.counters;
    auto stream = st.stream;
    rt.executor.post([store, counters, stream, snap = std::move(snap)] {
      if (store->save_snapshot(stream, snap).ok())
        counters->snapshots_saved.fetch_add(1, std::memory_order_relaxed);
    });
  }

  static void maybe_finish(Self* self, Runtime& rt) {
    auto& st = self->state;
    if (!st.stop_requested || !st.ready || !st.in_flight.empty() || !st.stash.empty()) return;
    maybe_snapshot(self, rt, true);
    rt.counters.passivated.fetch_add(1, std::memory_order_relaxed);
    self->quit();
  }
};

}  // namespace parley::actors
