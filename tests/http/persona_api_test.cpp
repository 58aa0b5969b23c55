// The persona routes (http/persona_api.hpp) over an in-memory log: an admin
// saves each language's persona; the admin and sales see all five, a
// language never saved as the built-in voice; a bad language, body or field
// is refused and nothing is written for it.
#include "http/persona_api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "crm/credentials.hpp"
#include "crm/team_directory.hpp"
#include "events/envelope_json.hpp"
#include "events/memory_event_store.hpp"

namespace parley::http {
namespace {

using nlohmann::json;

constexpr int64_t kDay = int64_t{86'400} * 1'000'000;
constexpr int64_t kNow = int64_t{1'795'341'600} * 1'000'000;  // 2026-11-22T10:00:00Z

struct PersonaApi : ::testing::Test {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  int64_t now = kNow;
  std::function<int64_t()> clock = [this] { return now; };
  crm::TeamDirectory team{store};
  actors::PersonaCommands commands{store, writer, clock};
  PersonaApiContext ctx{commands, store, Authorizer("admin-secret", &team, clock)};
  Router router;

  void SetUp() override {
    register_persona_api(router, ctx);
    // Signed in, but not admins: a salesperson and an analyst.
    member("ravi", Role::sales, "sales-secret");
    member("ana", Role::analyst, "analyst-secret");
  }
  void TearDown() override { writer.stop(); }

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
  HttpResponse put(const std::string& language, const json& body,
                   const std::string& token = "admin-secret") {
    return call("PUT", "/api/v1/admin/persona/" + language, body.dump(), token);
  }
  json personas(const std::string& token = "admin-secret") {
    auto r = call("GET", "/api/v1/admin/persona", "", token);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["personas"];
  }
  static std::string error_code(const HttpResponse& r) {
    return json::parse(r.body)["error"]["code"];
  }
  static std::string error_message(const HttpResponse& r) {
    return json::parse(r.body)["error"]["message"];
  }
};

json maya() {
  return {{"name", "Maya"}, {"tone", "formal"}, {"sign_off", "Kind regards,\nMaya"}};
}

TEST_F(PersonaApi, GivenNothingSavedThenAllFiveLanguagesAreTheBuiltInVoiceInOrder) {
  const json all = personas();
  ASSERT_EQ(all.size(), 5u);
  const char* order[] = {"en", "es", "ru", "id", "hi"};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(all[i], json({{"language", order[i]},
                            {"name", ""},
                            {"tone", "friendly"},
                            {"sign_off", ""},
                            {"saved_at", nullptr}}))
        << order[i];
  }
}

TEST_F(PersonaApi, GivenNoTokenOrAnotherRoleThenOnlyAdminsSaveAndSalesMayLook) {
  EXPECT_EQ(call("GET", "/api/v1/admin/persona", "", "").status, 401);
  EXPECT_EQ(put("en", maya(), "").status, 401);
  EXPECT_EQ(put("en", maya(), "wrong").status, 401);
  EXPECT_EQ(put("en", maya(), "sales-secret").status, 403);
  EXPECT_EQ(put("en", maya(), "analyst-secret").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/admin/persona", "", "analyst-secret").status, 403);
  EXPECT_EQ(personas("sales-secret").size(), 5u) << "sales see the voice they sell with";
  EXPECT_EQ(store.last_position(), 0u) << "nothing was written";
}

TEST_F(PersonaApi, GivenAnAdminWhenSavingInSpanishThenItIsShownAndEnglishIsStillBuiltIn) {
  auto saved = put("es", maya());
  ASSERT_EQ(saved.status, 200) << saved.body;
  const json body = json::parse(saved.body);
  EXPECT_EQ(body, json({{"language", "es"},
                        {"name", "Maya"},
                        {"tone", "formal"},
                        {"sign_off", "Kind regards,\nMaya"},
                        {"saved_at", events::format_timestamp(kNow)}}));
  EXPECT_EQ(body.count("by"), 0u) << "who saved it is not shown";

  const json all = personas("sales-secret");
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[1], body) << "the GET shows what the PUT answered";
  EXPECT_EQ(all[0]["language"], "en");
  EXPECT_EQ(all[0]["name"], "");
  EXPECT_EQ(all[0]["tone"], "friendly");
  EXPECT_TRUE(all[0]["saved_at"].is_null()) << "saving in es leaves en alone";
}

TEST_F(PersonaApi, GivenAPersonaWhenTheSameIsSavedAgainThenNothingIsWrittenAndEmptyResetsIt) {
  ASSERT_EQ(put("id", maya()).status, 200);
  const auto written = store.last_position();
  now += kDay;
  auto again = put("id", maya());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(store.last_position(), written) << "the same persona again writes nothing";
  EXPECT_EQ(json::parse(again.body)["saved_at"], events::format_timestamp(kNow))
      << "still when it was first saved";

  auto reset = put("id", json::object());
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(store.last_position(), written + 1);
  const json shown = json::parse(reset.body);
  EXPECT_EQ(shown["name"], "");
  EXPECT_EQ(shown["tone"], "friendly");
  EXPECT_EQ(shown["sign_off"], "");
  EXPECT_EQ(shown["saved_at"], events::format_timestamp(kNow + kDay));
  EXPECT_EQ(personas()[3], shown);
}

TEST_F(PersonaApi, GivenALanguageOutsideTheFiveThenItIsNotFound) {
  for (const char* language : {"fr", "EN", "en-US", "xx"}) {
    auto r = put(language, maya());
    EXPECT_EQ(r.status, 404) << language;
    EXPECT_EQ(error_code(r), "unknown_language") << language;
  }
  EXPECT_EQ(call("PUT", "/api/v1/admin/persona/fr", "{not json").status, 404)
      << "the language is checked before the body";
  EXPECT_EQ(store.last_position(), 0u);
}

TEST_F(PersonaApi, GivenABodyOrFieldThatDoesNotReadThenItIsABadRequestNamingIt) {
  auto not_json = call("PUT", "/api/v1/admin/persona/en", "{not json");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(error_code(not_json), "invalid_json");
  EXPECT_EQ(call("PUT", "/api/v1/admin/persona/en", "[1]").status, 400);
  EXPECT_EQ(call("PUT", "/api/v1/admin/persona/en", "\"Maya\"").status, 400);
  for (const char* field : {"name", "tone", "sign_off"}) {
    json mistyped = maya();
    mistyped[field] = 5;
    auto r = put("en", mistyped);
    EXPECT_EQ(r.status, 400) << field;
    EXPECT_EQ(error_code(r), "invalid_field");
    EXPECT_NE(error_message(r).find(std::string("'") + field + "'"), std::string::npos) << field;
  }
  json casual = maya();
  casual["tone"] = "casual";
  auto r = put("en", casual);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_message(r).find("'tone'"), std::string::npos);
  EXPECT_EQ(store.last_position(), 0u) << "nothing was written";
}

TEST_F(PersonaApi, GivenANameOrSignOffThatBreaksTheRulesThenItIsRefusedByName) {
  json long_name = maya();
  long_name["name"] = std::string(41, 'x');
  auto r = put("en", long_name);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(error_code(r), "invalid_name");
  json two_lines = maya();
  two_lines["name"] = "Maya\nBot";
  EXPECT_EQ(error_code(put("en", two_lines)), "invalid_name");
  json tab = maya();
  tab["sign_off"] = "Bye\tnow";
  auto bad_sign_off = put("en", tab);
  EXPECT_EQ(bad_sign_off.status, 422);
  EXPECT_EQ(error_code(bad_sign_off), "invalid_sign_off");
  json long_sign_off = maya();
  long_sign_off["sign_off"] = std::string(201, 'x');
  EXPECT_EQ(error_code(put("en", long_sign_off)), "invalid_sign_off");
  EXPECT_EQ(store.last_position(), 0u) << "nothing was written";

  json longest = maya();
  longest["name"] = std::string(40, 'x');
  longest["sign_off"] = std::string(199, 'x') + "\n";
  EXPECT_EQ(put("en", longest).status, 200) << "40 and 200 bytes are the most";
}

}  // namespace
}  // namespace parley::http
