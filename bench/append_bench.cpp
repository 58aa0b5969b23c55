// Durable appends through the GroupCommitWriter into RocksDB, closed loop:
// N entities each keep one append (one event, ~200 bytes of JSON) in flight
// and submit the next from the previous one's completion.
//   parley_append_bench [--benchmark_filter=…]
// PARLEY_SYNC=0 turns the WAL sync off (shows what the sync costs).
// PARLEY_PG_URL=… adds the same loop into PostgreSQL (BM_DurableAppendsPostgres;
// each run its own entity ids, so one database serves every run).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <random>

#include "events/group_commit_writer.hpp"
#include "events/postgres_event_store.hpp"
#include "events/rocks_event_store.hpp"

using namespace parley::events;

namespace {

std::string scratch_dir() {
  auto p = std::filesystem::temp_directory_path() /
           ("parley-bench-" + std::to_string(std::random_device{}()));
  std::filesystem::remove_all(p);
  return p.string();
}

struct Loop {
  Loop(GroupCommitWriter& w, size_t entities, std::string p, int64_t total,
       std::string run = "bench-")
      : writer(w),
        heads(entities, 0),
        payload(std::move(p)),
        remaining(total),
        run(std::move(run)) {}

  GroupCommitWriter& writer;
  std::vector<uint64_t> heads;
  std::string payload;
  std::atomic<int64_t> remaining;
  std::string run;  // the entity ids' prefix
  std::atomic<uint64_t> failures{0};
  std::promise<void> done;
  std::atomic<size_t> finished_entities{0};

  void next(size_t entity) {
    if (remaining.fetch_sub(1) <= 0) {
      if (++finished_entities == heads.size()) done.set_value();
      return;
    }
    AppendRequest r;
    r.stream = {"conversation", run + std::to_string(entity)};
    r.expected_seq = heads[entity];
    NewEvent e;
    e.type = "conversation.message_received";
    e.timestamp_us = 1795000000000000;
    e.causation_id = "wamid.bench";
    e.payload = payload;
    r.events.push_back(std::move(e));
    writer.submit(std::move(r), [this, entity](AppendResult res) {
      if (!res.status.ok())
        ++failures;
      else
        heads[entity] = res.last_seq;
      next(entity);
    });
  }
};

constexpr const char* kPayload =
    R"({"message_id":"conversation-42#17","channel":"whatsapp","user_id":"+919876543210","text":"I need something to fasten wood, maybe screws or nails","platform_message_id":"wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQ0Y"})";

void run_loop(benchmark::State& state, EventStore& store, size_t entities, uint64_t total,
              const std::string& run) {
  GroupCommitWriter writer(store);
  for (auto _ : state) {
    Loop loop(writer, entities, kPayload, static_cast<int64_t>(total), run);
    auto finished = loop.done.get_future();
    for (size_t i = 0; i < entities; ++i) loop.next(i);
    finished.wait();
    if (loop.failures) state.SkipWithError("appends failed");
  }
  auto s = writer.stats();
  state.SetItemsProcessed(static_cast<int64_t>(s.requests));
  state.counters["appends_per_batch"] =
      static_cast<double>(s.requests) / static_cast<double>(std::max<uint64_t>(1, s.batches));
}

void BM_DurableAppends(benchmark::State& state) {
  const size_t entities = static_cast<size_t>(state.range(0));
  const char* sync_env = std::getenv("PARLEY_SYNC");
  const bool sync = !(sync_env && std::string(sync_env) == "0");
  // Enough appends for a run of a few seconds at each concurrency.
  const uint64_t total = entities == 1 ? 5'000 : entities <= 64 ? 200'000 : 1'000'000;
  auto dir = scratch_dir();
  {
    RocksEventStore::Options o;
    o.path = dir;
    o.sync = sync;
    auto store = RocksEventStore::open(o);
    if (!store) {
      state.SkipWithError(store.status().to_string().c_str());
      return;
    }
    run_loop(state, **store, entities, total, "bench-");
    state.counters["sync"] = sync ? 1 : 0;
  }
  std::filesystem::remove_all(dir);
}

// 1, 64 and 1,024 entities, one closed loop each.
benchmark::internal::Benchmark* entities(benchmark::internal::Benchmark* b) {
  return b->Arg(1)->Arg(64)->Arg(1024)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_DurableAppends)->Apply([](auto* b) { entities(b); });

}  // namespace

// The same loop into PostgreSQL at PARLEY_PG_URL (skipped without it): the
// server's own synchronous_commit decides durability.
void BM_DurableAppendsPostgres(benchmark::State& state) {
  const char* url = std::getenv("PARLEY_PG_URL");
  if (!url || !*url) {
    state.SkipWithError("PARLEY_PG_URL is not set");
    return;
  }
  PostgresEventStore::Options o;
  o.url = url;
  auto store = PostgresEventStore::open(o);
  if (!store) {
    state.SkipWithError(store.status().to_string().c_str());
    return;
  }
  const size_t entities = static_cast<size_t>(state.range(0));
  const uint64_t total = entities == 1 ? 2'000 : entities <= 64 ? 20'000 : 100'000;
  run_loop(state, **store, entities, total,
           "bench-" + std::to_string(std::random_device{}()) + "-");
}

BENCHMARK(BM_DurableAppendsPostgres)->Apply([](auto* b) { entities(b); });

BENCHMARK_MAIN();
