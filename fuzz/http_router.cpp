// The HTTP request path through the router (http/router.cpp) into the real
// handlers of the routes that need no CAF engine: POST /api/v1/nlu/parse and
// the catalog (search, read, create, update, delete, CSV import), with the
// bearer-token check (http/auth.cpp). Input: fuzz/request.hpp; the admin token
// is "admin-token".
//
// What http/server.cpp does between cpp-httplib and a handler is done here the
// same way (404, 405 with Allow, HEAD without a body), minus the socket. It
// turns a handler's exception into a 500; here an exception is a finding: a
// client's bytes should get a 4xx, not an "internal error".
//
// Every input starts from the same world — a memory log holding two products,
// a catalog folded from it — so a crash reproduces from its input alone. Only
// the group-commit writer (a thread) lives across worlds; it writes to whichever
// log is current, and is idle between inputs since every command waits for it.
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "actors/product_commands.hpp"
#include "domain/catalog_csv.hpp"
#include "events/memory_event_store.hpp"
#include "events/product_codec.hpp"
#include "fuzz/request.hpp"
#include "http/nlu_api.hpp"
#include "http/product_api.hpp"
#include "http/router.hpp"

using namespace parley;

namespace {

// An EventStore whose contents are replaced by reset().
class FreshStore final : public events::EventStore {
 public:
  void reset() {
    std::lock_guard lock(mu_);
    inner_ = std::make_shared<events::MemoryEventStore>();
  }
  std::shared_ptr<events::MemoryEventStore> inner() {
    std::lock_guard lock(mu_);
    return inner_;
  }
  std::vector<events::AppendResult> append_batch(
      const std::vector<events::AppendRequest>& r) override {
    return inner()->append_batch(r);
  }
  events::Status read_stream(const events::StreamId& s, uint64_t from, size_t max,
                             std::vector<events::EventEnvelope>* out) override {
    return inner()->read_stream(s, from, max, out);
  }
  events::Status scan_all(uint64_t from, const Visitor& v) override {
    return inner()->scan_all(from, v);
  }
  uint64_t last_position() override { return inner()->last_position(); }
  events::Expected<uint64_t> stream_head(const events::StreamId& s) override {
    return inner()->stream_head(s);
  }
  events::Status save_snapshot(const events::StreamId& s, const events::Snapshot& x) override {
    return inner()->save_snapshot(s, x);
  }
  events::Expected<events::Snapshot> load_snapshot(const events::StreamId& s) override {
    return inner()->load_snapshot(s);
  }
  events::Expected<std::string> find_dedupe(std::string_view k) override {
    return inner()->find_dedupe(k);
  }

 private:
  std::mutex mu_;
  std::shared_ptr<events::MemoryEventStore> inner_ = std::make_shared<events::MemoryEventStore>();
};

// The two products of tests/http/product_api_test.cpp, as their upsert events.
std::vector<events::AppendRequest> base_catalog() {
  const auto parsed = domain::parse_catalog_csv(
      "sku,name,category,price,currency,stock,color,size,tags,description,image_url\n"
      "HW-SCR-014,Ferrox Stainless Wood Screw 4 x 30 mm,Hardware > Screws,14.90,EUR,150,silver,"
      "4 x 30 mm,wood screw|stainless,Wood screws for fences.,https://cdn.example.com/p/1.jpg\n"
      "WF-SHO-001,Lunelle Stiletto Pump,Women's Shoes > Heels,129.00,EUR,42,black|red,36|37|38,"
      "pumps|high heels,Pointed-toe pump.,https://cdn.example.com/p/2.jpg\n");
  std::vector<events::AppendRequest> out;
  for (const auto& p : parsed.products)
    out.push_back({{"product", p.sku},
                   0,
                   {events::product_codec::encode(domain::product::ProductUpserted{p}, 1, "seed")},
                   {}});
  return out;
}

http::HttpResponse dispatch(const http::Router& router, const fuzz::Request& r) {
  auto match = router.match(r.method, r.path);
  http::HttpResponse out;
  switch (match.kind) {
    case http::Router::Match::found: {
      http::HttpRequest in;
      in.method = r.method;
      in.path = r.path;
      in.body = r.body;
      in.path_params = std::move(match.params);
      for (const auto& [k, v] : r.query) in.query.emplace(k, v);
      in.headers = r.headers;
      out = (*match.handler)(in);
      break;
    }
    case http::Router::Match::method_not_allowed:
      out = http::json_error(405, "method_not_allowed", r.method + " not allowed: " + match.allow);
      if (match.allow.empty()) fuzz::fail("a 405 without an Allow header");
      break;
    case http::Router::Match::not_found:
      out = http::json_error(404, "not_found", "no route for " + r.method + " " + r.path);
      break;
  }
  if (r.method == "HEAD") out.body.clear();
  return out;
}

// The routes over a log holding the base catalog. Building one costs about
// 4 ms (two search indexes, each with the lexicon's typo table), so a world is
// kept while inputs only read, and built again after an input that wrote.
struct World {
  explicit World(FreshStore& store, events::GroupCommitWriter& writer)
      : catalog(store),
        commands(store, writer, [] { return int64_t{1795000000000000}; }),
        ctx{commands, catalog, http::Authorizer("admin-token")} {
    catalog.catch_up();
    http::register_nlu_api(router, [] { return std::string("2026-11-22T10:00:00+05:30"); });
    http::register_product_api(router, ctx);
  }
  projections::CatalogView catalog;
  actors::ProductCommands commands;
  http::ProductApiContext ctx;
  http::Router router;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static FreshStore store;
  static events::GroupCommitWriter writer(store);
  static const auto seed = base_catalog();
  static std::unique_ptr<World> world;
  if (!world || store.last_position() != seed.size()) {
    world.reset();
    store.reset();
    for (const auto& r : store.append_batch(seed))
      if (!r.status.ok()) fuzz::fail("the base catalog did not append");
    world = std::make_unique<World>(store, writer);
  }

  const auto request = fuzz::read_request(data, size);
  const auto response = dispatch(world->router, request);
  if (response.status < 200 || response.status > 599) fuzz::fail("a status outside 2xx-5xx");
  if (response.status >= 500 && response.status != 503) fuzz::fail("a 5xx other than 503");
  if (request.method != "HEAD" && response.content_type == "application/json" &&
      nlohmann::json::parse(response.body, nullptr, false).is_discarded())
    fuzz::fail("an application/json answer that is not JSON");
  return 0;
}
