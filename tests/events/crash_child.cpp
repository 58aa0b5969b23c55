// Crash-test child: appends forever through the GroupCommitWriter into a
// RocksEventStore from many entities, and prints one line per append only
// after the writer acknowledged it durable:
//   ack <entity> <first_seq> <last_seq> <first_position> <last_position>
// usage: parley_crash_child <store dir> <entities> <seed> [sealed]
// With "sealed" it writes shoppers' messages through the SealedEventStore
// ("conversation/s<seed>-e<n>", text "tick <entity> <seq>"), so every entity
// of every run gets a new customer key while appends are in flight.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

#include "events/group_commit_writer.hpp"
#include "events/rocks_event_store.hpp"
#include "privacy/sealed_event_store.hpp"

using namespace parley::events;

namespace {

struct Driver {
  GroupCommitWriter& writer;
  std::mt19937_64 rng;
  std::vector<uint64_t> heads;
  std::string sealed_prefix = "";  // "" for the plain "crash/e<n>" streams

  // One outstanding append per entity: the next one is submitted from the
  // completion of the previous, so every entity always has one in flight.
  void next(size_t entity) {
    AppendRequest r;
    r.stream = sealed_prefix.empty()
                   ? StreamId{"crash", "e" + std::to_string(entity)}
                   : StreamId{"conversation", sealed_prefix + "e" + std::to_string(entity)};
    r.expected_seq = heads[entity];
    size_t n = 1 + rng() % 3;
    for (size_t i = 0; i < n; ++i) {
      NewEvent e;
      e.timestamp_us = 1;
      if (sealed_prefix.empty()) {
        e.type = "crash.tick";
        e.payload = std::string(16 + rng() % 200, 'x');
      } else {
        e.type = "conversation.message_received";
        e.payload =
            "{\"text\":\"tick " + r.stream.id + " " + std::to_string(heads[entity] + i + 1) + "\"}";
      }
      r.events.push_back(std::move(e));
    }
    if (rng() % 4 == 0)
      r.dedupe = DedupeClaim{r.stream.id + ":" + std::to_string(heads[entity]), "o"};
    writer.submit(std::move(r), [this, entity](AppendResult res) {
      if (!res.status.ok()) {
        std::fprintf(stderr, "append failed: %s\n", res.status.to_string().c_str());
        std::_Exit(3);
      }
      std::printf("ack %s%zu %llu %llu %llu %llu\n", (sealed_prefix + "e").c_str(), entity,
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
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: %s <store dir> <entities> <seed> [sealed]\n", argv[0]);
    return 2;
  }
  const bool sealed = argc == 5 && std::string(argv[4]) == "sealed";
  RocksEventStore::Options o;
  o.path = argv[1];
  auto store = RocksEventStore::open(o);
  if (!store) {
    std::fprintf(stderr, "open: %s\n", store.status().to_string().c_str());
    return 1;
  }
  size_t entities = std::strtoull(argv[2], nullptr, 10);
  std::unique_ptr<parley::privacy::CustomerKeys> keys;
  std::unique_ptr<parley::privacy::SealedEventStore> sealed_store;
  EventStore* log = store->get();
  if (sealed) {
    parley::privacy::KeyBytes master;
    master.fill(0x42);
    auto opened = parley::privacy::CustomerKeys::open(**store, master);
    if (!opened) {
      std::fprintf(stderr, "keys: %s\n", opened.status().to_string().c_str());
      return 1;
    }
    keys = std::move(opened).value();
    sealed_store = std::make_unique<parley::privacy::SealedEventStore>(**store, *keys);
    log = sealed_store.get();
  }
  GroupCommitWriter writer(*log);
  Driver d{writer, std::mt19937_64(std::strtoull(argv[3], nullptr, 10)), {}};
  if (sealed) d.sealed_prefix = "s" + std::string(argv[3]) + "-";
  // Continue streams a previous run left behind.
  for (size_t i = 0; i < entities; ++i)
    d.heads.push_back(*(*store)->stream_head(
        sealed ? StreamId{"conversation", d.sealed_prefix + "e" + std::to_string(i)}
               : StreamId{"crash", "e" + std::to_string(i)}));
  std::printf("ready\n");
  std::fflush(stdout);
  for (size_t i = 0; i < entities; ++i) d.next(i);
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));  // until SIGKILL
}
