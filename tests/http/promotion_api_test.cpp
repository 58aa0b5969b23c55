// The promotion routes (http/promotion_api.hpp) over an in-memory log: an
// admin saves, lists and ends promotions; a shopper's list shows only those
// running and valid now; a field that does not read is named; nothing is
// written for a refused save. And the view the sales policy reads
// (projections/promotions_view.hpp): a code in any case, never an ended one.
#include "http/promotion_api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "crm/credentials.hpp"
#include "crm/team_directory.hpp"
#include "events/envelope_json.hpp"
#include "events/memory_event_store.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace promotion = domain::promotion;

constexpr int64_t kDay = int64_t{86'400} * 1'000'000;
constexpr int64_t kNow = int64_t{1'796'000'000} * 1'000'000;  // 2026-11-29T..Z

std::string utc(int64_t us) {
  return events::format_utc(us, "%Y-%m-%dT%H:%M:%SZ");
}

struct PromotionApi : ::testing::Test {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  int64_t now = kNow;
  std::function<int64_t()> clock = [this] { return now; };
  crm::TeamDirectory team{store};
  projections::PromotionsView view{store};
  actors::PromotionCommands commands{store, writer, clock};
  PromotionApiContext ctx{commands, view, Authorizer("admin-secret", &team, clock), clock};
  Router router;

  void SetUp() override {
    register_promotion_api(router, ctx);
    // A salesperson: signed in, but not an admin.
    domain::user::State ravi;
    ravi.username = "ravi";
    ravi.exists = true;
    ravi.profile.display_name = "Ravi";
    ravi.profile.role = Role::sales;
    ravi.tokens[crm::token_id("sales-secret")] = {kNow - kDay, kNow + 365 * kDay, false};
    ravi.version = 1;
    team.upsert(ravi);
  }
  void TearDown() override { writer.stop(); }

  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "", const std::string& token = "admin-secret") {
    HttpRequest req;
    req.method = method;
    auto match = router.match(method, path);
    EXPECT_TRUE(match.handler) << method << " " << path;
    req.path = path;
    req.path_params = match.params;
    req.body = body;
    if (!token.empty()) req.headers["authorization"] = "Bearer " + token;
    return (*match.handler)(req);
  }
  HttpResponse put(const std::string& code, const json& body,
                   const std::string& token = "admin-secret") {
    return call("PUT", "/api/v1/admin/promotions/" + code, body.dump(), token);
  }
  json shoppers_list() {
    auto r = call("GET", "/api/v1/promotions", "", "");
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["promotions"];
  }
  json admin_list() {
    auto r = call("GET", "/api/v1/admin/promotions");
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["promotions"];
  }
  static json ten_percent() {
    return {{"description", "10% off everything"}, {"kind", "percent"}, {"percent", 10}};
  }
  static std::string error_code(const HttpResponse& r) {
    return json::parse(r.body)["error"]["code"];
  }
  static std::string error_message(const HttpResponse& r) {
    return json::parse(r.body)["error"]["message"];
  }
};

TEST_F(PromotionApi, GivenNoTokenOrASalespersonThenEveryAdminRouteIsRefused) {
  EXPECT_EQ(put("SUMMER10", ten_percent(), "").status, 401);
  EXPECT_EQ(call("GET", "/api/v1/admin/promotions", "", "").status, 401);
  EXPECT_EQ(call("DELETE", "/api/v1/admin/promotions/SUMMER10", "", "").status, 401);
  EXPECT_EQ(put("SUMMER10", ten_percent(), "sales-secret").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/admin/promotions", "", "sales-secret").status, 403);
  EXPECT_EQ(call("DELETE", "/api/v1/admin/promotions/SUMMER10", "", "sales-secret").status, 403);
  EXPECT_EQ(store.last_position(), 0u) << "nothing was written";
  EXPECT_TRUE(shoppers_list().empty()) << "the shoppers' list needs no token";
}

TEST_F(PromotionApi, GivenANewCodeWhenSavedThenItIsCreatedAndTheSameAgainChangesNothing) {
  auto created = put("summer10", ten_percent());
  ASSERT_EQ(created.status, 201) << created.body;
  auto body = json::parse(created.body);
  EXPECT_EQ(body["changed"], true);
  EXPECT_EQ(body["promotion"]["code"], "SUMMER10") << "saved in upper case";
  EXPECT_EQ(body["promotion"]["percent"], 10);
  EXPECT_EQ(body["promotion"]["running"], true);
  EXPECT_EQ(body["promotion"]["valid_now"], true);
  EXPECT_EQ(body["promotion"]["updated_by"], "admin");
  EXPECT_TRUE(body["promotion"]["starts_at"].is_null());

  auto again = put("SUMMER10", ten_percent());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json::parse(again.body)["changed"], false);
  EXPECT_EQ(store.last_position(), 1u) << "an admin's retry writes nothing";

  json more = ten_percent();
  more["percent"] = 15;
  auto replaced = put("SUMMER10", more);
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(json::parse(replaced.body)["changed"], true);
  EXPECT_EQ(json::parse(replaced.body)["promotion"]["percent"], 15);
  ASSERT_EQ(admin_list().size(), 1u);
}

TEST_F(PromotionApi, GivenPromotionsThenShoppersAreToldOnlyOfThoseRunningAndValidNow) {
  json amount = {{"description", "5 EUR off screws"},
                 {"kind", "amount"},
                 {"amount", 5.5},
                 {"currency", "EUR"},
                 {"categories", {"Hardware > Screws"}},
                 {"ends_at", utc(kNow + 7 * kDay)}};
  ASSERT_EQ(put("SCREWS", amount).status, 201);
  json future = ten_percent();
  future["starts_at"] = utc(kNow + kDay);
  ASSERT_EQ(put("TOMORROW", future).status, 201);
  json expired = ten_percent();
  expired["starts_at"] = utc(kNow - 2 * kDay);
  expired["ends_at"] = utc(kNow - kDay);
  ASSERT_EQ(put("YESTERDAY", expired).status, 201);
  ASSERT_EQ(put("ENDED", ten_percent()).status, 201);
  ASSERT_EQ(call("DELETE", "/api/v1/admin/promotions/ended").status, 200);

  auto told = shoppers_list();
  ASSERT_EQ(told.size(), 1u) << told.dump();
  EXPECT_EQ(told[0]["code"], "SCREWS");
  EXPECT_EQ(told[0]["amount"], 5.5);
  EXPECT_EQ(told[0]["currency"], "EUR");
  EXPECT_EQ(told[0]["ends_at"], events::format_timestamp(kNow + 7 * kDay));
  std::set<std::string> fields;
  for (const auto& [k, v] : told[0].items()) fields.insert(k);
  EXPECT_EQ(fields, (std::set<std::string>{"code", "description", "kind", "amount", "amount_cents",
                                           "currency", "ends_at"}))
      << "no targets, no start, no one's name";

  auto listed = admin_list();
  ASSERT_EQ(listed.size(), 4u) << "the admin sees every one saved";
  std::map<std::string, std::pair<bool, bool>> flags;  // code -> running, valid_now
  for (const auto& p : listed) flags[p["code"]] = {p["running"], p["valid_now"]};
  EXPECT_EQ(flags["SCREWS"], std::make_pair(true, true));
  EXPECT_EQ(flags["TOMORROW"], std::make_pair(true, false));
  EXPECT_EQ(flags["YESTERDAY"], std::make_pair(true, false));
  EXPECT_EQ(flags["ENDED"], std::make_pair(false, false));

  now = kNow + 2 * kDay;
  told = shoppers_list();
  ASSERT_EQ(told.size(), 2u);
  EXPECT_EQ(told[0]["code"], "SCREWS") << "by code";
  EXPECT_EQ(told[1]["code"], "TOMORROW");
  EXPECT_EQ(told[1]["percent"], 10);
  EXPECT_TRUE(told[1]["ends_at"].is_null());
}

TEST_F(PromotionApi, GivenABadBodyThenItIsRefusedNamingTheFieldAndNothingIsWritten) {
  auto not_json = call("PUT", "/api/v1/admin/promotions/SUMMER10", "{\"kind\":");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(error_code(not_json), "invalid_json");
  EXPECT_EQ(error_code(call("PUT", "/api/v1/admin/promotions/SUMMER10", "[1]")), "invalid_json");

  json bad = ten_percent();
  bad["percent"] = "ten";
  auto r = put("SUMMER10", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "invalid_field");
  EXPECT_NE(error_message(r).find("'percent'"), std::string::npos) << r.body;

  bad = ten_percent();
  bad["ends_at"] = "next friday";
  r = put("SUMMER10", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_message(r).find("'ends_at'"), std::string::npos) << r.body;

  bad = ten_percent();
  bad["kind"] = "bogo";
  r = put("SUMMER10", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_message(r).find("'kind'"), std::string::npos) << r.body;

  bad = ten_percent();
  bad["code"] = "WINTER10";
  r = put("SUMMER10", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "invalid_field");
  EXPECT_NE(error_message(r).find("'code'"), std::string::npos) << r.body;

  auto huge = call("PUT", "/api/v1/admin/promotions/SUMMER10", std::string(200 * 1024, ' '));
  EXPECT_EQ(huge.status, 413);

  // The promotion's own rules: 422 with the decider's code.
  bad = ten_percent();
  bad["percent"] = 95;
  r = put("SUMMER10", bad);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(error_code(r), "invalid_discount");
  bad = ten_percent();
  bad["starts_at"] = utc(kNow + kDay);
  bad["ends_at"] = utc(kNow);
  EXPECT_EQ(error_code(put("SUMMER10", bad)), "invalid_window");
  r = put("AB", ten_percent());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(error_code(r), "invalid_code");
  EXPECT_EQ(store.last_position(), 0u) << "nothing was written";

  bad = ten_percent();
  bad["code"] = " summer10";
  EXPECT_EQ(put("SUMMER10", bad).status, 201) << "the same code in another case";
}

TEST_F(PromotionApi, GivenAnUnknownCodeWhenEndedThenItIsNotFound) {
  auto unknown = call("DELETE", "/api/v1/admin/promotions/NOPE");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(error_code(unknown), "not_found");
  EXPECT_EQ(call("DELETE", "/api/v1/admin/promotions/x!").status, 404) << "no code is like it";

  ASSERT_EQ(put("SUMMER10", ten_percent()).status, 201);
  auto ended = call("DELETE", "/api/v1/admin/promotions/summer10");
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(json::parse(ended.body)["ended"], "SUMMER10");
  EXPECT_EQ(json::parse(ended.body)["changed"], true);
  auto again = call("DELETE", "/api/v1/admin/promotions/SUMMER10");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(json::parse(again.body)["changed"], false);
  EXPECT_TRUE(shoppers_list().empty());

  auto back = put("SUMMER10", ten_percent());
  EXPECT_EQ(back.status, 200) << "saved again: it runs again, under a code known before";
  EXPECT_EQ(json::parse(back.body)["changed"], true);
  EXPECT_EQ(shoppers_list().size(), 1u);
}

TEST_F(PromotionApi, GivenTheViewThenFindTakesAnyCaseAndNeverAnEndedPromotion) {
  promotion::Promotion p;
  p.code = "Summer10";
  p.kind = promotion::Kind::percent;
  p.percent = 10;
  p.starts_us = kNow - kDay;
  ASSERT_TRUE(commands.save(p, "admin").ok);
  p.code = "AUTUMN5";
  p.percent = 5;
  ASSERT_TRUE(commands.save(p, "admin").ok);
  ASSERT_TRUE(view.catch_up().ok());

  const auto snap = view.snapshot();
  const brain::Promotions& promotions = *snap;
  auto found = promotions.find(" summer10", kNow);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code, "SUMMER10");
  EXPECT_EQ(found->percent, 10);
  EXPECT_FALSE(promotions.find("summer10", kNow - 2 * kDay).has_value()) << "not started yet";
  EXPECT_FALSE(promotions.find("WINTER10", kNow).has_value());
  auto running = promotions.running(kNow);
  ASSERT_EQ(running.size(), 2u);
  EXPECT_EQ(running[0].code, "AUTUMN5") << "by code";
  EXPECT_EQ(running[1].code, "SUMMER10");

  ASSERT_TRUE(commands.end("summer10", "admin").ok);
  ASSERT_TRUE(view.catch_up().ok());
  EXPECT_FALSE(view.snapshot()->find("SUMMER10", kNow).has_value()) << "ended";
  EXPECT_EQ(view.snapshot()->running(kNow).size(), 1u);
  ASSERT_EQ(view.snapshot()->promotions.count("SUMMER10"), 1u) << "kept for the admin's list";
  EXPECT_FALSE(view.snapshot()->promotions.at("SUMMER10").running);
  EXPECT_TRUE(snap->find("SUMMER10", kNow).has_value()) << "a snapshot taken before is as it was";
}

}  // namespace
}  // namespace parley::http
