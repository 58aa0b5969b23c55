// The customer routes (http/customer_api.hpp) over an in-memory log, a real
// engine and the orders view: who may call them; the 400s, each before
// anything is read or written; 404 for a key that is no customer; a
// correction that reaches the customer's conversation (and its next
// checkout); merges, refused for one customer, safe to repeat. And the
// merge command itself (actors/customer_merge_commands.hpp).
#include "http/customer_api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "crm/credentials.hpp"
#include "crm/team_directory.hpp"
#include "events/memory_event_store.hpp"
#include "projections/projection_engine.hpp"
#include "projections/view_store.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace conv = domain::conversation;

constexpr int64_t kDay = int64_t{86'400} * 1'000'000;
constexpr int64_t kNow = int64_t{1'796'000'000} * 1'000'000;
const std::string kAna = "phone:34600111222";
const std::string kBea = "email:bea@example.com";

struct CustomerApi : ::testing::Test {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  int64_t now = kNow;
  std::function<int64_t()> clock = [this] { return now; };
  crm::TeamDirectory team{store};
  projections::MemoryViewStore views;
  projections::OrdersView orders;
  projections::ProjectionEngine folds{store, views, {&orders}};
  actors::CustomerMergeCommands merges{store, writer, clock};
  std::unique_ptr<actors::Engine> engine;
  std::unique_ptr<CustomerApiContext> ctx;
  Router router;

  void SetUp() override {
    ASSERT_TRUE(folds.open().ok());
    engine = std::make_unique<actors::Engine>(store, writer, actors::EngineOptions{});
    ctx = std::make_unique<CustomerApiContext>(CustomerApiContext{
        orders, *engine, merges, Authorizer("admin-secret", &team, clock), clock});
    register_customer_api(router, *ctx);
    member("ravi", Role::sales, "sales-secret");
    member("lena", Role::analyst, "analyst-secret");
  }
  void TearDown() override {
    engine->shutdown();
    writer.stop();
  }
  void member(const std::string& username, Role role, const std::string& token) {
    domain::user::State u;
    u.username = username;
    u.exists = true;
    u.profile.display_name = username;
    u.profile.role = role;
    u.tokens[crm::token_id(token)] = {kNow - kDay, kNow + 365 * kDay, false};
    u.version = 1;
    team.upsert(u);
  }
  // A shopper's conversation: one message, so the engine knows it.
  void start(const std::string& user) {
    actors::ChatTurn t{conv::text_message("api", user, "hola", ""), "", kNow};
    ASSERT_TRUE(engine->chat(t, std::chrono::seconds(5)).ok());
  }
  void place(const std::string& order_id, const std::string& conversation, const json& customer) {
    events::AppendRequest r{{"order", order_id}, events::kAnySeq, {}, {}};
    r.events.push_back({"order.placed", 1, kNow, "",
                        json{{"order_id", order_id},
                             {"conversation_id", conversation},
                             {"customer", customer},
                             {"lines", json::array()},
                             {"total_cents", 1000},
                             {"currency", "EUR"},
                             {"placed_at_us", kNow}}
                            .dump()});
    ASSERT_TRUE(store.append(r).status.ok());
  }
  void fold() { ASSERT_TRUE(folds.catch_up().ok()); }

  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "", const std::string& token = "sales-secret") {
    HttpRequest req;
    req.method = method;
    const auto q = path.find('?');
    req.path = path.substr(0, q);
    if (q != std::string::npos) {
      const std::string query = path.substr(q + 1);
      for (size_t at = 0; at <= query.size();) {
        const size_t amp = std::min(query.find('&', at), query.size());
        const std::string pair = query.substr(at, amp - at);
        const size_t eq = pair.find('=');
        req.query.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
        at = amp + 1;
      }
    }
    auto match = router.match(method, req.path);
    EXPECT_TRUE(match.handler) << method << " " << path;
    if (!match.handler) return json_error(404, "no_route", path);
    req.path_params = match.params;
    req.body = body;
    if (!token.empty()) req.headers["authorization"] = "Bearer " + token;
    return (*match.handler)(req);
  }
  static std::string error_code(const HttpResponse& r) {
    auto j = json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : r.body;
  }
  size_t corrections_in(const std::string& conversation) {
    std::vector<events::EventEnvelope> envs;
    EXPECT_TRUE(store.read_stream({"conversation", conversation}, 1, SIZE_MAX, &envs).ok());
    size_t n = 0;
    for (const auto& e : envs) n += e.type == conv::types::kDetailsCorrected;
    return n;
  }
};

TEST_F(CustomerApi, GivenNoTokenOrAnAnalystThenEveryRouteIsRefused) {
  for (const char* token : {"", "analyst-secret"}) {
    const int status = *token ? 403 : 401;
    EXPECT_EQ(call("GET", "/api/v1/customers", "", token).status, status);
    EXPECT_EQ(call("GET", "/api/v1/customers/" + kAna, "", token).status, status);
    EXPECT_EQ(call("PATCH", "/api/v1/customers/" + kAna, R"({"name":"A"})", token).status, status);
    EXPECT_EQ(call("POST", "/api/v1/customers/" + kAna + "/merge", R"({"from":"x"})", token).status,
              status);
  }
  EXPECT_EQ(store.last_position(), 0u) << "nothing was written";
  EXPECT_EQ(call("GET", "/api/v1/customers", "", "admin-secret").status, 200);
}

TEST_F(CustomerApi, GivenCustomersThenTheListSearchesAndCapsAndTheRecordHasTheirOrders) {
  place("O1", "api:u1", {{"name", "Ana"}, {"phone", "+34 600 111 222"}});
  place("O2", "api:u2", {{"name", "Bea"}, {"email", "Bea@Example.com"}});
  fold();
  auto all = call("GET", "/api/v1/customers");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(json::parse(all.body)["customers"].size(), 2u);
  auto bea = call("GET", "/api/v1/customers?q=bea&limit=1");
  ASSERT_EQ(bea.status, 200) << bea.body;
  ASSERT_EQ(json::parse(bea.body)["customers"].size(), 1u);
  EXPECT_EQ(json::parse(bea.body)["customers"][0]["customer_key"], kBea);

  auto one = call("GET", "/api/v1/customers/" + kAna);
  ASSERT_EQ(one.status, 200) << one.body;
  const json record = json::parse(one.body);
  EXPECT_EQ(record["customer"]["name"], "Ana");
  ASSERT_EQ(record["orders"].size(), 1u);
  EXPECT_EQ(record["orders"][0]["order_id"], "O1");
  EXPECT_EQ(record["conversations"], json({"api:u1"}));
}

TEST_F(CustomerApi, GivenWhatCannotBeReadThenItIs400AndNothingIsWritten) {
  place("O1", "api:u1", {{"name", "Ana"}, {"phone", "+34 600 111 222"}});
  fold();
  const uint64_t before = store.last_position();
  EXPECT_EQ(error_code(call("GET", "/api/v1/customers?limit=0")), "invalid_parameter");
  EXPECT_EQ(error_code(call("GET", "/api/v1/customers?limit=201")), "invalid_parameter");
  EXPECT_EQ(error_code(call("GET", "/api/v1/customers?limit=5x")), "invalid_parameter");
  EXPECT_EQ(error_code(call("GET", "/api/v1/customers?q=" + std::string(101, 'a'))),
            "invalid_parameter");
  const std::string path = "/api/v1/customers/" + kAna;
  EXPECT_EQ(error_code(call("PATCH", path, "{not json")), "invalid_json");
  EXPECT_EQ(error_code(call("PATCH", path, "[]")), "invalid_json");
  EXPECT_EQ(error_code(call("PATCH", path, "{}")), "missing_field");
  EXPECT_EQ(error_code(call("PATCH", path, R"({"nickname":"A"})")), "invalid_field");
  EXPECT_EQ(error_code(call("PATCH", path, R"({"name":7})")), "invalid_field");
  EXPECT_EQ(error_code(call("PATCH", path, R"({"name":""})")), "invalid_field");
  EXPECT_EQ(error_code(call("PATCH", path, json{{"city", std::string(1025, 'c')}}.dump())),
            "invalid_field");
  EXPECT_EQ(call("PATCH", path, std::string(17 * 1024, ' ')).status, 413);
  const std::string merge = path + "/merge";
  EXPECT_EQ(error_code(call("POST", merge, "{}")), "missing_field");
  EXPECT_EQ(error_code(call("POST", merge, R"({"from":3})")), "invalid_field");
  EXPECT_EQ(error_code(call("POST", merge, R"({"from":""})")), "invalid_field");
  EXPECT_EQ(error_code(call("POST", merge, R"({"from":"x","into":"y"})")), "invalid_field");
  EXPECT_EQ(store.last_position(), before);
}

TEST_F(CustomerApi, GivenAKeyThatIsNoCustomerThenItIs404) {
  place("O1", "api:u1", {{"name", "Ana"}, {"phone", "+34 600 111 222"}});
  fold();
  const std::string nobody = "/api/v1/customers/phone:999999999";
  EXPECT_EQ(error_code(call("GET", nobody)), "customer_not_found");
  EXPECT_EQ(call("GET", nobody).status, 404);
  EXPECT_EQ(error_code(call("PATCH", nobody, R"({"name":"X"})")), "customer_not_found");
  EXPECT_EQ(error_code(call("POST", nobody + "/merge", json{{"from", kAna}}.dump())),
            "customer_not_found");
  EXPECT_EQ(error_code(call("POST", "/api/v1/customers/" + kAna + "/merge",
                            R"({"from":"phone:999999999"})")),
            "customer_not_found");
}

TEST_F(CustomerApi, GivenACorrectionThenEachConversationRecordsItAndTheRowShowsItOnceFolded) {
  start("u1");
  place("O1", "api:u1", {{"name", "ana"}, {"phone", "+34 600 111 222"}});
  fold();
  auto r = call("PATCH", "/api/v1/customers/" + kAna, R"({"name":"Ana García","city":"Sevilla"})");
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = json::parse(r.body);
  EXPECT_EQ(body["customer_key"], kAna);
  EXPECT_EQ(body["conversations"], json({"api:u1"}));
  EXPECT_EQ(body["changed"], true);
  EXPECT_EQ(corrections_in("api:u1"), 1u) << "recorded in the conversation";

  fold();
  const json record = json::parse(call("GET", "/api/v1/customers/" + kAna).body);
  EXPECT_EQ(record["customer"]["name"], "Ana García");
  EXPECT_EQ(record["customer"]["city"], "Sevilla");

  auto again = call("PATCH", "/api/v1/customers/" + kAna, R"({"name":"Ana García"})");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json::parse(again.body)["changed"], false) << "nothing new: nothing recorded";
  EXPECT_TRUE(json::parse(again.body)["conversations"].empty());
  EXPECT_EQ(corrections_in("api:u1"), 1u);
}

TEST_F(CustomerApi, GivenAConversationTheEngineRefusesThenItsErrorIsTheAnswer) {
  place("O1", "api:never-wrote", {{"name", "Ana"}, {"phone", "+34 600 111 222"}});
  fold();
  auto r = call("PATCH", "/api/v1/customers/" + kAna, R"({"name":"Ana"})");
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(error_code(r), "conversation_not_found");
}

TEST_F(CustomerApi, GivenTwoCustomersWhenMergedThenOneRemainsAndAgainChangesNothing) {
  place("O1", "api:u1", {{"name", "Ana"}, {"phone", "+34 600 111 222"}});
  place("O2", "api:u2", {{"name", "Ana"}, {"email", "bea@example.com"}});
  fold();
  const std::string path = "/api/v1/customers/" + kAna + "/merge";
  EXPECT_EQ(call("POST", path, json{{"from", kAna}}.dump()).status, 409);
  EXPECT_EQ(error_code(call("POST", path, json{{"from", kAna}}.dump())), "same_customer");

  auto r = call("POST", path, json{{"from", kBea}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body),
            (json{{"customer_key", kAna}, {"merged", kBea}, {"changed", true}}));
  std::vector<events::EventEnvelope> envs;
  ASSERT_TRUE(store.read_stream({"customer", kAna}, 1, SIZE_MAX, &envs).ok());
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_EQ(json::parse(envs[0].payload)["by"], "operator:ravi");
  EXPECT_EQ(json::parse(envs[0].payload)["conversations"], json({"api:u1", "api:u2"}));

  auto before_fold = call("POST", path, json{{"from", kBea}}.dump());
  ASSERT_EQ(before_fold.status, 200) << before_fold.body;
  EXPECT_EQ(json::parse(before_fold.body)["changed"], false) << "the log has it already";

  fold();
  const json record = json::parse(call("GET", "/api/v1/customers/" + kBea).body);
  EXPECT_EQ(record["customer"]["customer_key"], kAna) << "the merged-away key names Ana";
  EXPECT_EQ(record["orders"].size(), 2u);
  auto after_fold = call("POST", path, json{{"from", kBea}}.dump());
  ASSERT_EQ(after_fold.status, 200) << after_fold.body;
  EXPECT_EQ(json::parse(after_fold.body)["changed"], false);
  envs.clear();
  ASSERT_TRUE(store.read_stream({"customer", kAna}, 1, SIZE_MAX, &envs).ok());
  EXPECT_EQ(envs.size(), 1u) << "one merge in the log";

  // Both keys are taken where they lead now: into Bea (merged away) is into
  // Ana, on Ana's stream; Bea into Ana again is one customer already.
  place("O3", "api:u3", {{"name", "Cai"}, {"email", "cai@example.com"}});
  fold();
  auto via_bea = call("POST", "/api/v1/customers/" + kBea + "/merge",
                      json{{"from", "email:cai@example.com"}}.dump());
  ASSERT_EQ(via_bea.status, 200) << via_bea.body;
  EXPECT_EQ(json::parse(via_bea.body)["customer_key"], kAna) << via_bea.body;
  envs.clear();
  ASSERT_TRUE(store.read_stream({"customer", kBea}, 1, SIZE_MAX, &envs).ok());
  EXPECT_TRUE(envs.empty()) << "nothing on the stream of a key merged away";
  auto one_already =
      call("POST", "/api/v1/customers/" + kBea + "/merge", json{{"from", kAna}}.dump());
  ASSERT_EQ(one_already.status, 200) << one_already.body;
  EXPECT_EQ(json::parse(one_already.body)["changed"], false);
}

TEST(CustomerMergeCommands, GivenAMergeThenItIsStoredOnceOnTheStreamOfTheKeyThatStays) {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  actors::CustomerMergeCommands commands(store, writer, [] { return int64_t{1'000}; });
  auto r = commands.merge("email:x", "phone:abc", {"api:a", "api:b"}, "operator:ravi");
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.events.size(), 1u);
  auto again = commands.merge("email:x", "phone:abc", {"api:a", "api:b"}, "operator:ravi");
  ASSERT_TRUE(again.ok);
  EXPECT_TRUE(again.events.empty()) << "merged before: nothing more is written";
  auto same = commands.merge("phone:abc", "phone:abc", {}, "operator:ravi");
  EXPECT_FALSE(same.ok);
  EXPECT_TRUE(same.refused_with(domain::customer_merge::Error::same_customer));
  EXPECT_EQ(same.error_code(), "same_customer");
  auto bad = commands.merge("email:x", "", {}, "operator:ravi");
  EXPECT_TRUE(bad.refused_with(domain::customer_merge::Error::invalid_key));

  std::vector<events::EventEnvelope> envs;
  ASSERT_TRUE(store.read_stream({"customer", "phone:abc"}, 1, SIZE_MAX, &envs).ok());
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_EQ(envs[0].type, "customer.merged");
  EXPECT_EQ(envs[0].timestamp_us, 1'000);
  writer.stop();
}

}  // namespace
}  // namespace parley::http
