// Search latency on a generated 10,000-product catalog: the demo catalog's
// 320 products multiplied into variants (brand, size and spec words varied,
// so the vocabulary grows too), queried with the shared example queries
// (five languages, typos, filters), one query at a time.
//   parley_search_bench DEMO_CATALOG.csv QUERIES.jsonl [products]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "domain/catalog_csv.hpp"
#include "projections/search_index.hpp"

using namespace parley;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DEMO_CATALOG.csv QUERIES.jsonl [products]\n", argv[0]);
    return 2;
  }
  const size_t target = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 10000;
  std::ifstream csv_in(argv[1]);
  std::string csv((std::istreambuf_iterator<char>(csv_in)), {});
  auto base = domain::parse_catalog_csv(csv).products;
  if (base.empty()) return 1;

  const char* brands[] = {"Ferrox", "Voltrek", "Kraftlin", "Borix",   "Lunelle", "Corvina",
                          "Mirabo", "Nordhav", "Aveline",  "Solmara", "Tervo",   "Quillon"};
  const char* extras[] = {"Pro", "Plus", "Max", "Lite", "Eco", "XL", "Mini", "Duo", "Prime"};
  std::mt19937 rng(42);
  std::vector<domain::product::Product> products;
  for (size_t i = 0; products.size() < target; ++i) {
    auto p = base[i % base.size()];
    if (i >= base.size()) {
      p.sku += "-V" + std::to_string(i / base.size());
      p.name = std::string(brands[rng() % 12]) + " " + p.name + " " + extras[rng() % 9] + " " +
               std::to_string(100 + rng() % 900);
      p.price_cents = p.price_cents * (70 + static_cast<int64_t>(rng() % 60)) / 100;
      p.stock = rng() % 200;
      p.tags.push_back("series" + std::to_string(rng() % 500));
    }
    products.push_back(std::move(p));
  }
  auto t0 = std::chrono::steady_clock::now();
  projections::SearchIndex index(std::move(products));
  auto build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0);

  std::vector<std::string> queries;
  std::ifstream qin(argv[2]);
  for (std::string line; std::getline(qin, line);)
    if (!line.empty()) queries.push_back(nlohmann::json::parse(line)["q"]);

  for (const auto& q : queries) index.search(q, 10);  // warm up
  std::vector<double> us;
  const int rounds = 50;
  for (int r = 0; r < rounds; ++r)
    for (const auto& q : queries) {
      auto s = std::chrono::steady_clock::now();
      auto hits = index.search(q, 10);
      us.push_back(
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - s).count());
      if (hits.size() > 10) return 1;
    }
  std::sort(us.begin(), us.end());
  auto pct = [&](double p) { return us[static_cast<size_t>(p * (us.size() - 1))]; };
  std::printf("products %zu, index built in %.0f ms, %zu searches (%zu queries x %d)\n",
              index.size(), build_ms.count(), us.size(), queries.size(), rounds);
  std::printf("search latency: p50 %.0f us, p90 %.0f us, p99 %.0f us, max %.0f us\n", pct(0.5),
              pct(0.9), pct(0.99), us.back());
  return 0;
}
