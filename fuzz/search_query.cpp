// Search: the query parser (projections/search_query.cpp) and the index's
// search over the demo catalog (projections/search_index.cpp), as GET
// /api/v1/products/search and the shop brain's find_products use them.
// Input: the query text, cut at domain::kMaxTextBytes (16 KiB) — the edge
// answers 422 text_too_long before searching anything longer
// (http/product_api.cpp). Besides "no crash": at most `limit` hits, each with
// a finite positive score, best first, inside the price filters the query said.
#include <cmath>
#include <string>

#include "domain/catalog_csv.hpp"
#include "domain/limits.hpp"
#include "fuzz/fuzz.hpp"
#include "projections/search_index.hpp"
#include "tools/embedded_file.hpp"

using namespace parley;

namespace {

const projections::SearchIndex& demo_index() {
  static const projections::SearchIndex index(
      domain::parse_catalog_csv(std::string(demo_catalog_files().front().bytes)).products);
  return index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& index = demo_index();
  std::string text(reinterpret_cast<const char*>(data), size);
  if (text.size() > domain::kMaxTextBytes) text.resize(domain::kMaxTextBytes);

  const auto q = projections::parse_search_query(text, brain::Lexicon::builtin());
  for (size_t limit : {size_t{1}, size_t{10}}) {
    const auto hits = index.search(text, limit);
    if (hits.size() > limit) fuzz::fail("more hits than the limit");
    for (size_t i = 0; i < hits.size(); ++i) {
      const auto& h = hits[i];
      if (!std::isfinite(h.score) || h.score <= 0) fuzz::fail("a hit without a positive score");
      if (i > 0 && h.score > hits[i - 1].score) fuzz::fail("hits not best first");
      if (q.price_max_cents && h.product->price_cents >= *q.price_max_cents)
        fuzz::fail("a hit at or above the price the query capped");
      if (q.price_min_cents && h.product->price_cents <= *q.price_min_cents)
        fuzz::fail("a hit at or below the price the query floored");
    }
  }
  index.find_products(text, 5);
  return 0;
}
