// Crash-test child: appends forever through the GroupCommitWriter into a
// RocksEventStore from many entities, and prints one line per append only
// after the writer acknowledged it durable:
//   ack <entity> <first_seq> <last_seq> <first_position> <last_position>
// usage: parley_crash_child <store dir> <entities> <seed>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

#include "events/group_commit_writer.hpp"
#include "events/rocks_event_store.hpp"

using namespace parley::events;

namespace {

struct Driver {
  GroupCommitWriter& writer;
  std::mt19937_64 rng;
  std::vector<uint64_t> heads;

  // One outstanding append per entity: the next one is submitted from the
  // completion of the previous, so every entity always has one in flight.
  void next(size_t entity) {
    AppendRequest r;
    r.stream = {"crash", "e" + std::to_string(entity)};
    r.expected_seq = heads[entity];
    size_t n = 1 + rng() % 3;
    for (size_t i = 0; i < n; ++i) {
      NewEvent e;
      e.type = "crash.tick";
      e.timestamp_us = 1;
      e.payload = std::string(16 + rng() % 200, 'x');
      r.events.push_back(std::move(e));
    }
    if (rng() % 4 == 0)
      r.dedupe = DedupeClaim{r.stream.id + ":" + std::to_string(heads[entity]), "o"};
    writer.submit(std::move(r), [this, entity](AppendResult res) {
      if (!res.status.ok()) {
        std::fprintf(stderr, "append failed: %s\n", res.status.to_string().c_str());
        std::_Exit(3);
      }
      std::printf("ack e%zu %llu %llu %llu %llu\n", entity,
                  static_cast<unsigned long long>(res.first_seq),
                  static_cast<unsigned long long>(res.last_seq),
                  static_cast<unsigned long long>(res.first_position),
                  static_cast<unsigned long long>(res.last_position));
      std::fflush(stdout);
      heads[entity] = res.last_seq;
      next(entity);
    });
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s <store dir> <entities> <seed>\n", argv[0]);
    return 2;
  }
  RocksEventStore::Options o;
  o.path = argv[1];
  auto store = RocksEventStore::open(o);
  if (!store) {
    std::fprintf(stderr, "open: %s\n", store.status().to_string().c_str());
    return 1;
  }
  size_t entities = std::strtoull(argv[2], nullptr, 10);
  GroupCommitWriter writer(**store);
  Driver d{writer, std::mt19937_64(std::strtoull(argv[3], nullptr, 10)), {}};
  // Continue streams a previous run left behind.
  for (size_t i = 0; i < entities; ++i)
    d.heads.push_back(*(*store)->stream_head({"crash", "e" + std::to_string(i)}));
  std::printf("ready\n");
  std::fflush(stdout);
  for (size_t i = 0; i < entities; ++i) d.next(i);
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));  // until SIGKILL
}
