// What every entity actor shares: the store (reads), the writer (appends),
// the executor (blocking reads and snapshot saves), settings and counters.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "events/blocking_executor.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"

namespace parley::actors {

struct EntityCounters {
  std::atomic<uint64_t> spawned{0};
  std::atomic<uint64_t> passivated{0};
  std::atomic<uint64_t> recoveries{0};  // loads that folded at least one event or snapshot
  std::atomic<uint64_t> reloads{0};     // reloads after a failed append
  std::atomic<uint64_t> live{0};
  std::atomic<uint64_t> snapshots_saved{0};
  std::atomic<uint64_t> evicted{0};  // passivated to stay within max_live
};

struct Runtime {
  events::EventStore& store;
  events::GroupCommitWriter& writer;
  events::BlockingExecutor& executor;
  // An entity that received nothing for this long snapshots and stops.
  std::chrono::milliseconds idle{std::chrono::seconds(300)};
  // A snapshot is also taken when this many events were appended since the last.
  uint64_t snapshot_every = 200;
  EntityCounters counters;
  // Live entities kept at most; the least recently used beyond are passivated (0: no cap).
  size_t max_live = 0;
  // Cluster mode: whether this node owns the entity (type, id); unset: all.
  std::function<bool(const std::string& type, const std::string& id)> owns;
  // Decide a request on top of appends still in flight (actors/entity_shell.hpp):
  // only while each entity is its stream's one writer, so off in a cluster.
  bool pipeline = true;
};

}  // namespace parley::actors
