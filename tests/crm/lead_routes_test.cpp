// The lead commands the console sends (http/crm_api.cpp): reassign, with the
// new owner told; log an activity; both for sales and admins only, and a
// member who cannot own leads is refused before anything is written.
#include <set>

#include "team_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;
using nlohmann::json;

struct LeadRoutes : Team {
  std::string priya;
  void SetUp() override {
    Team::SetUp();
    add_user("priya", "Priya Sharma", "sales");
    add_user("ravi", "Ravi Kumar", "sales");
    add_user("ana", "Ana Lytic", "analyst");
    priya = login("priya");
    say(priya, "New lead: Acme Corp, Juan Perez, +34 600 111 222");
  }
  std::string code(const http::HttpResponse& r) {
    return json::parse(r.body)["error"]["code"].get<std::string>();
  }
};

TEST_F(LeadRoutes, GivenALeadWhenReassignedThenTheNewOwnerHasItAndIsTold) {
  auto r = call("POST", "/api/v1/leads/acme-corp/assign", priya, {{"to", "ravi"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["assignee"], "ravi");
  EXPECT_EQ(lead("acme-corp")["assignee"], "ravi");
  auto told = notifications("ravi", "lead_assigned");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_NE(told[0].find("Acme Corp"), std::string::npos) << told[0];
}

TEST_F(LeadRoutes, GivenAnAnalystOrAnUnknownMemberWhenReassigningThenNothingChanges) {
  auto r = call("POST", "/api/v1/leads/acme-corp/assign", priya, {{"to", "ana"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(code(r), "unknown_member");
  EXPECT_EQ(call("POST", "/api/v1/leads/acme-corp/assign", priya, {{"to", "nobody"}}).status, 422);
  EXPECT_EQ(call("POST", "/api/v1/leads/acme-corp/assign", login("ana"), {{"to", "ravi"}}).status,
            403);
  EXPECT_EQ(call("POST", "/api/v1/leads/acme-corp/assign", priya, json::object()).status, 400);
  EXPECT_EQ(call("POST", "/api/v1/leads/no-such/assign", priya, {{"to", "ravi"}}).status, 404);
  EXPECT_EQ(lead("acme-corp")["assignee"], "priya");
}

TEST_F(LeadRoutes, GivenANoteWhenLoggedThenTheHistorySaysIt) {
  auto r = call("POST", "/api/v1/leads/acme-corp/activities", priya,
                {{"note", "called, they want a demo"}});
  ASSERT_EQ(r.status, 200) << r.body;
  r = call("GET", "/api/v1/leads/acme-corp/history", priya);
  EXPECT_NE(r.body.find("called, they want a demo"), std::string::npos) << r.body;
  EXPECT_EQ(
      call("POST", "/api/v1/leads/acme-corp/activities", priya, {{"note", std::string(20000, 'x')}})
          .status,
      422);
}

TEST_F(LeadRoutes, GivenTheTeamWhenListedThenEveryEnabledMemberIsThereWithoutContacts) {
  call("PATCH", "/api/v1/admin/users/ana", "admin-secret", {{"disabled", true}});
  auto r = call("GET", "/api/v1/team", priya);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto members = json::parse(r.body)["members"];
  std::set<std::string> names;
  for (const auto& m : members) {
    names.insert(m["username"].get<std::string>());
    EXPECT_FALSE(m.contains("phones")) << m.dump();
  }
  EXPECT_EQ(names, (std::set<std::string>{"priya", "ravi"}));
  EXPECT_EQ(call("GET", "/api/v1/team", "").status, 401);
}

}  // namespace
}  // namespace parley
