// Read-all replay of the RocksDB log: 1,000,000 events written once (WAL
// sync off, 1,000-event batches), then scanned from position 1.
//   raw:     visit each record and read its type from the fixed header
//            (what a projection does to skip events it does not read)
//   decoded: decode every envelope (strings copied, payload not parsed)
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include "events/rocks_event_store.hpp"

using namespace parley::events;

namespace {

constexpr uint64_t kEvents = 1'000'000;

struct Fixture {
  std::string dir;
  std::unique_ptr<RocksEventStore> store;

  Fixture() {
    dir = (std::filesystem::temp_directory_path() /
           ("parley-replay-" + std::to_string(std::random_device{}())))
              .string();
    RocksEventStore::Options o;
    o.path = dir;
    o.sync = false;
    store = std::move(RocksEventStore::open(o)).value();
    const char* types[] = {"conversation.message_received", "conversation.message_sent",
                           "cart.item_added", "order.placed"};
    std::vector<uint64_t> heads(10'000, 0);
    std::vector<AppendRequest> batch;
    for (uint64_t i = 0; i < kEvents; ++i) {
      size_t entity = i % heads.size();
      NewEvent e;
      e.type = types[i % 4];
      e.timestamp_us = 1795000000000000 + static_cast<int64_t>(i);
      e.causation_id = "wamid." + std::to_string(i);
      e.payload =
          R"({"message_id":"c#1","channel":"whatsapp","user_id":"+919876543210","text":"add 3 of the second one please"})";
      batch.push_back({{"conversation", "c" + std::to_string(entity)}, heads[entity]++, {e}, {}});
      if (batch.size() == 1000) {
        store->append_batch(batch);
        batch.clear();
      }
    }
    store->flush();
  }
  ~Fixture() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_ReplayRaw(benchmark::State& state) {
  auto& f = fixture();
  for (auto _ : state) {
    uint64_t n = 0, sent = 0;
    f.store->scan_all(1, [&](const RecordView& r) {
      ++n;
      if (r.type() == "conversation.message_sent") ++sent;
      return true;
    });
    if (n != kEvents) state.SkipWithError("short replay");
    benchmark::DoNotOptimize(sent);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kEvents));
}

void BM_ReplayDecoded(benchmark::State& state) {
  auto& f = fixture();
  for (auto _ : state) {
    uint64_t n = 0;
    f.store->scan_all(1, [&](const RecordView& r) {
      auto e = r.decode();
      n += e.ok();
      return true;
    });
    if (n != kEvents) state.SkipWithError("short replay");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kEvents));
}

BENCHMARK(BM_ReplayRaw)->Unit(benchmark::kMillisecond)->MinTime(3);
BENCHMARK(BM_ReplayDecoded)->Unit(benchmark::kMillisecond)->MinTime(3);

}  // namespace

BENCHMARK_MAIN();
