// Understanding latency per message: every labelled message of the given
// files (five languages, commerce and CRM, dates; the development examples
// and the corpus) understood many times, one at a time, on one thread.
//   parley_nlu_bench FILE.jsonl...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "brain/nlu.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.jsonl...\n", argv[0]);
    return 2;
  }
  std::vector<std::pair<std::string, parley::brain::nlu::LocalNow>> items;
  for (int f = 1; f < argc; ++f) {
    std::ifstream in(argv[f]);
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      parley::brain::nlu::LocalNow now;
      parley::brain::nlu::parse_now(j.value("now", "2026-11-22T10:00:00+05:30"), &now);
      items.emplace_back(j["text"], now);
    }
  }
  for (auto& [t, now] : items) parley::brain::understand(t, now);  // warm up
  std::vector<double> us;
  const int rounds = items.size() > 2000 ? 5 : 100;
  for (int r = 0; r < rounds; ++r)
    for (auto& [t, now] : items) {
      auto s = std::chrono::steady_clock::now();
      auto u = parley::brain::understand(t, now);
      us.push_back(
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - s).count());
      if (u.intent.empty()) return 1;
    }
  std::sort(us.begin(), us.end());
  auto pct = [&](double p) { return us[static_cast<size_t>(p * (us.size() - 1))]; };
  std::printf("%zu messages (%zu examples x %d)\n", us.size(), items.size(), rounds);
  std::printf("understanding latency: p50 %.0f us, p90 %.0f us, p99 %.0f us, max %.0f us\n",
              pct(0.5), pct(0.9), pct(0.99), us.back());
  return 0;
}
