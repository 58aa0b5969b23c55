// `parley events …`: read the log without disturbing the server. The store is
// opened as a RocksDB secondary instance, which works while the server holds
// the primary and follows its new writes.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "events/envelope_json.hpp"
#include "events/rocks_event_store.hpp"
#include "tools/commands.hpp"
#include "tools/read_only_store.hpp"
#include "tools/settings.hpp"

namespace parley::tools {
namespace {

namespace fs = std::filesystem;

void print_event(const events::RecordView& r) {
  auto e = r.decode();
  if (!e) {
    std::printf("{\"position\":%llu,\"error\":\"%s\"}\n",
                static_cast<unsigned long long>(r.position()), e.status().to_string().c_str());
    return;
  }
  std::printf(
      "%s\n",
      events::to_json(*e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

int stats(ReadOnlyStore& ro) {
  auto& store = *ro.store;
  std::map<std::string, uint64_t> by_type, by_entity_type;
  std::set<std::string> streams;
  uint64_t count = 0, bytes = 0;
  int64_t first_us = 0, last_us = 0;
  auto st = store.scan_all(1, [&](const events::RecordView& r) {
    auto e = r.decode();
    if (!e) return true;
    ++count;
    bytes += r.bytes().size();
    ++by_type[e->type];
    ++by_entity_type[e->entity_type];
    streams.insert(e->entity_type + "/" + e->entity_id);
    if (first_us == 0) first_us = e->timestamp_us;
    last_us = e->timestamp_us;
    return true;
  });
  if (!st.ok()) {
    std::fprintf(stderr, "parley: %s\n", st.to_string().c_str());
    return 1;
  }
  std::printf("events        %llu (%.1f MiB of records)\n", static_cast<unsigned long long>(count),
              bytes / 1048576.0);
  std::printf("last position %llu\n", static_cast<unsigned long long>(store.last_position()));
  std::printf("streams       %zu\n", streams.size());
  if (count) {
    std::printf("first event   %s\n", events::format_timestamp(first_us).c_str());
    std::printf("last event    %s\n", events::format_timestamp(last_us).c_str());
  }
  std::printf("\nby entity type\n");
  for (const auto& [k, v] : by_entity_type)
    std::printf("  %-40s %llu\n", k.c_str(), static_cast<unsigned long long>(v));
  std::printf("\nby event type\n");
  for (const auto& [k, v] : by_type)
    std::printf("  %-40s %llu\n", k.c_str(), static_cast<unsigned long long>(v));
  if (ro.rocks) {
    std::printf("\nkeys per column family (estimate)\n");
    for (const auto& [cf, n] : ro.rocks->estimate_keys())
      std::printf("  %-40s %llu\n", cf.c_str(), static_cast<unsigned long long>(n));
  }
  return 0;
}

// Personal members are shown opened (ro.log()): these are the operator's tools.
int tail(ReadOnlyStore& ro, uint64_t n, bool follow) {
  auto& store = ro.log();
  uint64_t last = store.last_position();
  uint64_t from = last > n ? last - n + 1 : 1;
  for (;;) {
    auto st = store.scan_all(from, [&](const events::RecordView& r) {
      print_event(r);
      from = r.position() + 1;
      return true;
    });
    std::fflush(stdout);
    if (!st.ok()) {
      std::fprintf(stderr, "parley: %s\n", st.to_string().c_str());
      return 1;
    }
    if (!follow) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (auto c = ro.catch_up(); !c.ok()) {
      std::fprintf(stderr, "parley: %s\n", c.to_string().c_str());
      return 1;
    }
  }
}

// "<type>/<id>"; the id may contain '/'.
bool parse_stream_arg(const std::string& arg, events::StreamId* id) {
  auto slash = arg.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == arg.size()) return false;
  *id = {arg.substr(0, slash), arg.substr(slash + 1)};
  return true;
}

int stream(events::EventStore& store, const events::StreamId& id) {
  const std::string arg = id.to_string();
  std::vector<events::EventEnvelope> out;
  auto st = store.read_stream(id, 1, SIZE_MAX, &out);
  if (!st.ok()) {
    std::fprintf(stderr, "parley: %s\n", st.to_string().c_str());
    return 1;
  }
  if (out.empty()) {
    std::fprintf(stderr, "parley: no events in %s\n", arg.c_str());
    return 1;
  }
  for (const auto& e : out)
    std::printf(
        "%s\n",
        events::to_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return 0;
}

}  // namespace

int run_events(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: parley events stats | tail [-n N] [--follow] | stream <type>/<id>\n");
    return 2;
  }
  std::string sub = argv[1];
  if (sub != "stats" && sub != "tail" && sub != "stream") {
    std::fprintf(stderr, "parley: unknown events command '%s'\n", sub.c_str());
    return 2;
  }
  uint64_t n = 10;
  bool follow = false;
  std::string target;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (sub == "tail" && (a == "--follow" || a == "-f")) {
      follow = true;
    } else if (sub == "tail" && a == "-n" && i + 1 < argc) {
      char* end = nullptr;
      n = std::strtoull(argv[++i], &end, 10);
      if (*end != '\0') {
        std::fprintf(stderr, "parley: -n takes a number\n");
        return 2;
      }
    } else if (sub == "stream" && target.empty()) {
      target = a;
    } else {
      std::fprintf(stderr, "parley: unexpected argument '%s'\n", a.c_str());
      return 2;
    }
  }
  events::StreamId stream_id;
  if (sub == "stream" && !parse_stream_arg(target, &stream_id)) {
    std::fprintf(stderr, "usage: parley events stream <type>/<id>, e.g. conversation/api:u1\n");
    return 2;
  }
  ReadOnlyStore ro;
  if (!open_store(&ro)) return 1;
  if (sub == "stats") return stats(ro);
  if (sub == "tail") return tail(ro, n, follow);
  return stream(ro.log(), stream_id);
}

}  // namespace parley::tools
