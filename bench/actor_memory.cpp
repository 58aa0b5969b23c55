// Resident memory per live conversation actor: N conversations each receive
// one chat turn through the Engine and stay live (idle timeout far away).
// The store discards writes, so only the actors, their registry slots and
// their state are counted.
//   parley_actor_memory [N]     (default 100000)
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "actors/engine.hpp"
#include "events/memory_event_store.hpp"

using namespace parley;

namespace {

// Accepts every append and keeps nothing; every stream reads as empty.
class NullStore : public events::EventStore {
 public:
  std::vector<events::AppendResult> append_batch(
      const std::vector<events::AppendRequest>& r) override {
    std::vector<events::AppendResult> out(r.size());
    for (size_t i = 0; i < r.size(); ++i) {
      out[i].first_seq = r[i].expected_seq + 1;
      out[i].last_seq = r[i].expected_seq + r[i].events.size();
    }
    return out;
  }
  events::Status read_stream(const events::StreamId&, uint64_t, size_t,
                             std::vector<events::EventEnvelope>*) override {
    return events::Status::Ok();
  }
  events::Status scan_all(uint64_t, const Visitor&) override { return events::Status::Ok(); }
  uint64_t last_position() override { return 0; }
  events::Expected<uint64_t> stream_head(const events::StreamId&) override { return uint64_t{0}; }
  events::Status save_snapshot(const events::StreamId&, const events::Snapshot&) override {
    return events::Status::Ok();
  }
  events::Expected<events::Snapshot> load_snapshot(const events::StreamId&) override {
    return events::Status::NotFound();
  }
  events::Expected<std::string> find_dedupe(std::string_view) override {
    return events::Status::NotFound();
  }
};

long rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

void chat_many(actors::Engine& engine, size_t from, size_t to) {
  std::vector<std::thread> threads;
  const size_t kThreads = 16;
  for (size_t t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (size_t i = from + t; i < to; i += kThreads) {
        actors::ChatTurn turn{
            domain::conversation::text_message("api", "user-" + std::to_string(i), "hello", ""),
            "req", 1};
        auto r = engine.chat(turn, std::chrono::seconds(30));
        if (!r.ok()) std::fprintf(stderr, "chat failed: %s\n", r.error.detail.c_str());
      }
    });
  for (auto& th : threads) th.join();
}

}  // namespace

int main(int argc, char** argv) {
  const size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  NullStore store;
  events::GroupCommitWriter writer(store);
  actors::EngineOptions o;
  o.idle = std::chrono::hours(1);
  actors::Engine engine(store, writer, o);

  const size_t warm = 2000;  // threads, pools and allocator arenas settle first
  chat_many(engine, 0, warm);
  long before = rss_bytes();
  chat_many(engine, warm, warm + n);
  long after = rss_bytes();
  auto live = engine.stats().live_entities;
  std::printf("live conversation actors: %llu\n", static_cast<unsigned long long>(live));
  std::printf("RSS before: %.1f MiB, after: %.1f MiB\n", before / 1048576.0, after / 1048576.0);
  std::printf("bytes per live conversation actor: %.0f\n",
              static_cast<double>(after - before) / static_cast<double>(n));
  engine.shutdown();
  writer.stop();
  return live == warm + n ? 0 : 1;
}
