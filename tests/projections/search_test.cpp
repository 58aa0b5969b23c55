// Search: query parsing, filters, the projection, and quality on the shared
// graded examples (nDCG@5 as ../shared/catalog/score.py computes it).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "actors/product_commands.hpp"
#include "events/memory_event_store.hpp"
#include "projections/catalog_view.hpp"
#include "projections/search_index.hpp"

namespace parley::projections {
namespace {

using domain::product::Product;

std::string read(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const SearchIndex& demo_index() {
  static SearchIndex index = [] {
    auto parsed = domain::parse_catalog_csv(read(PARLEY_DEMO_CATALOG));
    EXPECT_EQ(parsed.products.size(), 320u);
    return SearchIndex(parsed.products);
  }();
  return index;
}

std::vector<std::string> skus(const std::string& q, size_t limit = 10) {
  std::vector<std::string> out;
  for (const auto& h : demo_index().search(q, limit)) out.push_back(h.product->sku);
  return out;
}

TEST(SearchQuery, ParsesPriceSizeAndColourInEveryLanguage) {
  const auto& lx = brain::Lexicon::builtin();
  auto q = parse_search_query("white sneakers size 37 under 100", lx);
  EXPECT_EQ(q.price_max_cents, 10000);
  EXPECT_EQ(q.size, "37");
  EXPECT_EQ(q.colors, std::vector<std::string>{"white"});
  ASSERT_EQ(q.words.size(), 1u);
  EXPECT_EQ(q.words[0].text, "sneakers");
  EXPECT_EQ(parse_search_query("taladro por menos de 100 euros", lx).price_max_cents, 10000);
  EXPECT_EQ(parse_search_query("tas di bawah 50 euro", lx).price_max_cents, 5000);
  EXPECT_EQ(parse_search_query("20 euro se kam mein sunscreen", lx).price_max_cents, 2000);
  EXPECT_EQ(parse_search_query("дрель до 2k", lx).price_max_cents, 200000);
  EXPECT_EQ(parse_search_query("tas di bawah Rp 150.000", lx).price_max_cents, 15000000);
  EXPECT_EQ(parse_search_query("heels over 80", lx).price_min_cents, 8000);
  EXPECT_EQ(parse_search_query("красные кроссовки 39", lx).size, "39");
  EXPECT_EQ(parse_search_query("tacones talla 40", lx).size, "40");
  EXPECT_TRUE(parse_search_query("sunblock spf 50", lx).size.empty());
  EXPECT_EQ(parse_search_query("hw-scr-002", lx).sku, "HW-SCR-002");
}

// Search reads prices and sizes with understanding's reader
// (brain/said_attributes.hpp); its own copy read "no" and "número" as size words.
TEST(SearchQuery, ReadsPricesAndSizesAsUnderstandingDoes) {
  const auto& lx = brain::Lexicon::builtin();
  EXPECT_TRUE(parse_search_query("stick a mirror up, landlord says no drilling", lx).size.empty());
  EXPECT_TRUE(parse_search_query("protector solar que no me deje la cara blanca", lx).size.empty());
  auto q = parse_search_query("40 नंबर के जूते 50 यूरो से कम", lx);
  EXPECT_EQ(q.size, "40");
  EXPECT_EQ(q.price_max_cents, 5000);
  EXPECT_EQ(parse_search_query("25 यूरो से सस्ता सीरम", lx).price_max_cents, 2500);
  q = parse_search_query("zapatillas entre 30 y 50 euros", lx);
  EXPECT_EQ(q.price_min_cents, 3000);
  EXPECT_EQ(q.price_max_cents, 5000);
  // A thread or millimetre size stays a word of the product's name.
  q = parse_search_query("гайки М8 из нержавейки", lx);
  EXPECT_TRUE(q.size.empty());
  EXPECT_TRUE(std::any_of(q.words.begin(), q.words.end(),
                          [](const QueryTerm& w) { return w.text == "м8"; }));
}

TEST(Search, SkuAndNameFindTheProductFirst) {
  EXPECT_EQ(skus("HW-SCR-002").at(0), "HW-SCR-002");
  EXPECT_EQ(skus("sk-ser-001").at(0), "SK-SER-001");
  EXPECT_EQ(skus("Lunelle Stiletto Pump 100 mm").at(0), "WF-SHO-001");
}

TEST(Search, FiltersAreHard) {
  for (const auto& h : demo_index().search("drill under 50 euros", 10))
    EXPECT_LT(h.product->price_cents, 5000) << h.product->sku;
  for (const auto& h : demo_index().search("heels size 38", 10)) {
    const auto& sizes = h.product->sizes;
    EXPECT_NE(std::find(sizes.begin(), sizes.end(), "38"), sizes.end()) << h.product->sku;
  }
}

TEST(Search, UnknownWordsFindNothingRatherThanEverything) {
  EXPECT_TRUE(skus("qwertyuiop zxcvbnm").empty());
  EXPECT_TRUE(skus("").empty());
}

double ndcg5(const std::vector<std::string>& got, const nlohmann::json& relevant) {
  double dcg = 0, ideal = 0;
  for (size_t i = 0; i < got.size() && i < 5; ++i)
    if (relevant.contains(got[i]))
      dcg += (std::pow(2.0, relevant[got[i]].get<int>()) - 1) / std::log2(i + 2.0);
  std::vector<int> grades;
  for (auto& [k, v] : relevant.items()) grades.push_back(v.get<int>());
  std::sort(grades.rbegin(), grades.rend());
  for (size_t i = 0; i < grades.size() && i < 5; ++i)
    ideal += (std::pow(2.0, grades[i]) - 1) / std::log2(i + 2.0);
  return ideal > 0 ? dcg / ideal : 0;
}

struct SetScore {
  double overall = 0;
  std::map<std::string, double> by_group;  // "lang=es", "kind=need", "es/need"
};

// nDCG@5 of every query of a graded set, averaged overall, per language, per
// kind, and per language and kind; printed for make test's output.
SetScore score_set(const char* path, const char* title) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::map<std::string, std::pair<double, int>> sums;
  double sum = 0;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    auto ex = nlohmann::json::parse(line);
    const auto got = skus(ex["q"], 10);
    const double v = ndcg5(got, ex["relevant"]);
    if (std::getenv("PARLEY_SEARCH_SHOW") && v < 0.5 && std::string(title) == "tuning queries") {
      std::printf("  %.2f %s [%s] got:", v, ex["q"].get<std::string>().c_str(),
                  ex["kind"].get<std::string>().c_str());
      for (size_t i = 0; i < got.size() && i < 5; ++i) std::printf(" %s", got[i].c_str());
      std::printf(" want:");
      for (auto& [k, g] : ex["relevant"].items())
        if (g == 2) std::printf(" %s", k.c_str());
      std::printf("\n");
    }
    sum += v;
    ++n;
    const std::string lang = ex["lang"], kind = ex["kind"];
    for (const auto& g : {"lang=" + lang, "kind=" + kind, lang + "/" + kind}) {
      sums[g].first += v;
      ++sums[g].second;
    }
  }
  SetScore out;
  out.overall = n ? sum / n : 0;
  std::printf("search %s: ndcg5=%.3f n=%d\n", title, out.overall, n);
  for (const auto& [g, s] : sums) {
    out.by_group[g] = s.first / s.second;
    std::printf("  %-16s ndcg5=%.3f n=%d\n", g.c_str(), s.first / s.second, s.second);
  }
  return out;
}

// A malformed line of the knowledge base would be skipped without a word at
// run time: the shipped file parses whole, and names only real categories.
TEST(NeedKnowledge, TheShippedFileParsesWholeAndNamesRealCategories) {
  std::vector<std::string> errors;
  const auto kb = NeedKnowledge::parse(read(PARLEY_NEED_KNOWLEDGE), &errors);
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_GT(kb.size(), 300u);
  std::set<std::string> categories;
  for (const auto& p : domain::parse_catalog_csv(read(PARLEY_DEMO_CATALOG)).products) {
    categories.insert(p.category);
    categories.insert(p.category.substr(0, p.category.find(" > ")));
  }
  for (const auto& e : kb.entries())
    for (const auto& c : e.categories) EXPECT_TRUE(categories.count(c)) << e.id << ": " << c;
}

TEST(SearchQuality, DevelopmentExamplesReachTheTarget) {
  auto s = score_set(PARLEY_SEARCH_EXAMPLES, "development examples");
  EXPECT_GE(s.overall, 0.80);
}

// tests/data/search_tune.jsonl: 200 queries written to tune search on (by
// someone who saw neither the code nor the knowledge base); printed, and held
// to the same bar as the blind set.
TEST(SearchQuality, TuningQueriesReachTheTarget) {
  auto s = score_set(PARLEY_SEARCH_TUNE, "tuning queries");
  EXPECT_GE(s.overall, 0.70);
}

// tests/data/search_blind.jsonl: 150 queries written for this test by
// someone who saw neither the search code nor data/knowledge, 30 per
// language, most of them needs. Nothing is tuned by looking at it.
TEST(SearchQuality, BlindQueriesReachTheTarget) {
  auto s = score_set(PARLEY_SEARCH_BLIND, "blind queries");
  EXPECT_GE(s.overall, 0.70);
}

TEST(CatalogView, FollowsProductEventsAndSkipsTheRest) {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer(store);
  actors::ProductCommands commands(store, writer, [] { return int64_t{1}; });
  CatalogView view(store);
  Product p{"HW-1", "Brass Wood Screw", "Hardware > Screws", 500, "EUR", 3, {}, {}, {}, "", ""};
  ASSERT_TRUE(commands.upsert(p, "t").ok);
  // Unrelated events in between are skipped.
  events::AppendRequest other{{"conversation", "x"}, 0, {}, {}};
  other.events.push_back({"conversation.message_received", 1, 1, "", "{}"});
  ASSERT_TRUE(store.append(other).status.ok());
  ASSERT_TRUE(view.catch_up().ok());
  EXPECT_EQ(view.checkpoint(), 2u);
  ASSERT_NE(view.snapshot()->index.find("HW-1"), nullptr);
  EXPECT_EQ(view.snapshot()->index.search("wood screw", 5).size(), 1u);

  ASSERT_TRUE(commands.set_stock("hw-1", 0, "t").ok);
  ASSERT_TRUE(view.catch_up().ok());
  EXPECT_EQ(view.snapshot()->index.find("HW-1")->stock, 0);
  ASSERT_TRUE(commands.remove("HW-1", "t").ok);
  ASSERT_TRUE(view.catch_up().ok());
  EXPECT_EQ(view.snapshot()->index.find("HW-1"), nullptr);
  EXPECT_EQ(view.known_products(), 1u);
  writer.stop();
}

TEST(ProductCommands, ImportIsIdempotent) {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer(store);
  actors::ProductCommands commands(store, writer, [] { return int64_t{1}; });
  auto parsed = domain::parse_catalog_csv(read(PARLEY_DEMO_CATALOG));
  auto first = commands.import(parsed, "t");
  EXPECT_EQ(first.changed, 320u);
  EXPECT_TRUE(first.errors.empty());
  auto second = commands.import(parsed, "t");
  EXPECT_EQ(second.changed, 0u);
  EXPECT_EQ(second.unchanged, 320u);
  EXPECT_EQ(store.last_position(), 320u);
  writer.stop();
}

}  // namespace
}  // namespace parley::projections
