// Each team member reads Parley in their own language (the profile's
// `language`): the desk's answers, the notifications a lead sends them, the
// morning digest and a lead's history over the API. The admin sets it; a
// language Parley does not speak is refused.
#include "crm/desk_texts.hpp"
#include "team_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;
using nlohmann::json;

bool has_cyrillic(const std::string& s) {
  for (unsigned char c : s)
    if (c == 0xD0 || c == 0xD1) return true;
  return false;
}

struct MemberLanguage : Team {
  std::string carlos;
  void SetUp() override {
    Team::SetUp();
    add_user("carlos", "Carlos Ruiz", "sales", "es");
    add_user("olga", "Olga Ivanova", "sales", "ru");
    add_user("priya", "Priya Sharma", "sales");
    carlos = login("carlos");
  }
  std::string error_code(const http::HttpResponse& r) {
    return json::parse(r.body)["error"]["code"].get<std::string>();
  }
};

TEST_F(MemberLanguage, GivenASpanishMemberWhenTheyCreateALeadThenTheDeskAnswersInSpanish) {
  auto r = say(carlos, "New lead: Acme Corp, Juan Perez, +34 600 111 222");
  EXPECT_NE(r.find(crm::desk_text("es", crm::DeskText::lead_created, {"Acme Corp"})),
            std::string::npos)
      << r;
  EXPECT_EQ(r.find(crm::desk_text("en", crm::DeskText::lead_created, {"Acme Corp"})),
            std::string::npos)
      << r;
}

TEST_F(MemberLanguage, GivenARussianAssigneeWhenALeadIsGivenToThemThenTheyAreToldInRussian) {
  say(carlos, "New lead: Globex, Hank Scorpio, +34 600 333 444, assign to Olga");
  auto to_olga = notifications("olga", "lead_assigned");
  ASSERT_EQ(to_olga.size(), 1u);
  EXPECT_NE(to_olga[0].find("Globex"), std::string::npos) << to_olga[0];
  EXPECT_TRUE(has_cyrillic(to_olga[0])) << to_olga[0];
}

TEST_F(MemberLanguage, GivenAMemberWhoseLanguageChangesThenTheNextAnswerIsInTheNewOne) {
  auto r = call("PATCH", "/api/v1/admin/users/carlos", "admin-secret", {{"language", "ru"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["language"], "ru");
  // The member's token carries who they are; the language is read as they write.
  r = call("POST", "/api/v1/crm/messages", login("carlos"),
           {{"text", "New lead: Initech, Bill Lumbergh, +91 90000 33333"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has_cyrillic(r.body)) << r.body;
}

TEST_F(MemberLanguage, GivenALanguageParleyDoesNotSpeakWhenSetThenItIsRefusedAndNothingChanges) {
  auto r = call("PATCH", "/api/v1/admin/users/carlos", "admin-secret", {{"language", "fr"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "invalid_language");
  r = call(
      "POST", "/api/v1/admin/users", "admin-secret",
      {{"username", "zoe"}, {"password", "pass-zoe-1"}, {"role", "sales"}, {"language", "de"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "invalid_language");
  r = call("GET", "/api/v1/admin/users/carlos", "admin-secret");
  EXPECT_EQ(json::parse(r.body)["language"], "es");
  EXPECT_EQ(call("GET", "/api/v1/admin/users/zoe", "admin-secret").status, 404);
}

TEST_F(MemberLanguage, GivenAMemberWithoutALanguageThenTheyReadEnglish) {
  auto r = call("GET", "/api/v1/admin/users/priya", "admin-secret");
  EXPECT_EQ(json::parse(r.body)["language"], "en");
  auto replies = say(login("priya"), "New lead: Hooli, Gavin Belson, +1 650 555 0100");
  EXPECT_NE(replies.find(crm::desk_text("en", crm::DeskText::lead_created, {"Hooli"})),
            std::string::npos)
      << replies;
}

TEST_F(MemberLanguage, GivenARussianMemberWhenTheDigestIsSentThenItIsInRussian) {
  say(carlos, "New lead: Initech, Bill Lumbergh, +91 90000 33333, assign to Olga");
  say(carlos, "Schedule meeting with Initech tomorrow 3pm assigned to Olga");
  crm::Digest digest(book, dir, writer, zone, [this](const std::string& u) {
    return std::optional<actors::Contact>(actors::Contact{"telegram", u});
  });
  const int64_t tomorrow_0830 = kStart + (22 * 60 + 30) * kMinute;
  ASSERT_TRUE(digest.send(tomorrow_0830));
  auto got = notifications("olga", "digest");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("Initech"), std::string::npos) << got[0];
  EXPECT_TRUE(has_cyrillic(got[0])) << got[0];
}

TEST_F(MemberLanguage, GivenALeadsHistoryWhenReadOverTheApiThenItIsInTheReadersLanguage) {
  say(carlos, "New lead: Vandelay, Art Vandelay");
  const std::string olga = login("olga");
  auto r = call("GET", "/api/v1/leads/vandelay/history", olga);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto ru = json::parse(r.body)["history"][0]["text"].get<std::string>();
  r = call("GET", "/api/v1/leads/vandelay/history", login("priya"));
  const auto en = json::parse(r.body)["history"][0]["text"].get<std::string>();
  EXPECT_TRUE(has_cyrillic(ru)) << ru;
  EXPECT_NE(en.find("Vandelay"), std::string::npos) << en;
  EXPECT_FALSE(has_cyrillic(en)) << en;
}

}  // namespace
}  // namespace parley
