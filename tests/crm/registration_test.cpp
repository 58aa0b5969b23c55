// Team self-registration: a person asks to join (POST /api/v1/register when
// the shop opened it), cannot log in or run the desk until an admin approves
// and chooses their role; a rejection stays. Given/when/then on the decider,
// then through the routes.
#include <gtest/gtest.h>

#include "domain/user.hpp"
#include "tests/crm/team_fixture.hpp"

namespace parley {
namespace {

namespace user = domain::user;
using namespace parley::testing;
using nlohmann::json;

user::State after(user::State s, const user::Command& c) {
  auto r = user::decide(s, c);
  EXPECT_TRUE(r.ok());
  for (const auto& e : r.value()) s = user::evolve(std::move(s), e);
  return s;
}

TEST(Registration, ARegistrationIsPendingDisabledAndAsSalesWhateverItAsks) {
  user::Profile asked{"Mala", user::Role::admin, {"+91 98765 43210"}, {}, "hi"};
  auto s = after(user::initial_state("mala"), user::Register{"mala", asked, "hash", 10});
  EXPECT_TRUE(s.exists);
  EXPECT_TRUE(s.disabled);
  EXPECT_EQ(s.registration, user::Registration::pending);
  EXPECT_EQ(s.profile.role, user::Role::sales);
  EXPECT_EQ(user::decide(s, user::IssueToken{"t", 100, 20}).error(), user::Error::pending_approval);
  EXPECT_EQ(user::decide(s, user::SetDisabled{false, "admin", 20}).error(),
            user::Error::pending_approval);
}

TEST(Registration, AnApprovalEnablesWithTheAdminsRoleOnce) {
  auto s = after(user::initial_state("mala"),
                 user::Register{"mala", {"Mala", user::Role::sales, {}, {}, "en"}, "hash", 10});
  s = after(s, user::Approve{user::Role::analyst, "admin", 20});
  EXPECT_FALSE(s.disabled);
  EXPECT_EQ(s.profile.role, user::Role::analyst);
  EXPECT_EQ(s.registration, user::Registration::approved);
  EXPECT_TRUE(user::decide(s, user::IssueToken{"t", 100, 30}).ok());
  EXPECT_EQ(user::decide(s, user::Approve{user::Role::admin, "admin", 40}).error(),
            user::Error::not_pending);
  EXPECT_EQ(user::decide(s, user::Reject{"admin", 40}).error(), user::Error::not_pending);
}

TEST(Registration, ARejectionStaysDisabledAndTheNameStaysTaken) {
  auto s = after(user::initial_state("mala"),
                 user::Register{"mala", {"Mala", user::Role::sales, {}, {}, "en"}, "hash", 10});
  s = after(s, user::Reject{"admin", 20});
  EXPECT_TRUE(s.disabled);
  EXPECT_EQ(s.registration, user::Registration::rejected);
  EXPECT_EQ(user::decide(s, user::Register{"mala", s.profile, "hash2", 30}).error(),
            user::Error::already_exists);
  EXPECT_EQ(
      user::decide(user::initial_state("admin"), user::Register{"admin", s.profile, "hash", 30})
          .error(),
      user::Error::reserved_username);
}

TEST_F(Team, SomeoneRegistersAndWorksOnlyOnceAnAdminApproves) {
  const json mala = {{"username", "mala"},
                     {"password", "pass-mala"},
                     {"display_name", "Mala Iyer"},
                     {"phones", {"+91 98765 11111"}},
                     {"language", "hi"}};
  EXPECT_EQ(call("POST", "/api/v1/register", "", mala).status, 403) << "closed unless opened";
  team_api->registration_open = true;
  auto r = call("POST", "/api/v1/register", "", mala);
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(json::parse(r.body)["status"], "pending");
  EXPECT_EQ(call("POST", "/api/v1/register", "", mala).status, 409);

  auto denied =
      call("POST", "/api/v1/auth/login", "", {{"username", "mala"}, {"password", "pass-mala"}});
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(json::parse(denied.body)["error"]["code"], "pending_approval");
  EXPECT_FALSE(dir.by_phone("+919876511111")) << "no desk before approval";

  auto pending =
      json::parse(call("GET", "/api/v1/admin/users?status=pending", "admin-secret").body);
  ASSERT_EQ(pending["users"].size(), 1u);
  EXPECT_EQ(pending["users"][0]["username"], "mala");
  EXPECT_EQ(call("POST", "/api/v1/admin/users/mala/approve", "", {{"role", "sales"}}).status, 401);

  auto approved =
      call("POST", "/api/v1/admin/users/mala/approve", "admin-secret", {{"role", "analyst"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(json::parse(approved.body)["status"], "active");
  EXPECT_EQ(json::parse(approved.body)["role"], "analyst");
  EXPECT_FALSE(login("mala").empty());
  EXPECT_EQ(call("POST", "/api/v1/admin/users/mala/reject", "admin-secret").status, 409);
}

TEST_F(Team, ARejectedRegistrationCannotLogIn) {
  team_api->registration_open = true;
  ASSERT_EQ(
      call("POST", "/api/v1/register", "", {{"username", "eve"}, {"password", "pass-eve1"}}).status,
      202);
  ASSERT_EQ(call("POST", "/api/v1/admin/users/eve/reject", "admin-secret").status, 200);
  auto r = call("POST", "/api/v1/auth/login", "", {{"username", "eve"}, {"password", "pass-eve1"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "user_disabled");
  EXPECT_EQ(
      call("POST", "/api/v1/register", "", {{"username", "x"}, {"password", "pass-xxxx"}}).status,
      400)
      << "the username rules still hold";
  EXPECT_EQ(
      call("POST", "/api/v1/register", "", {{"username", "bob"}, {"password", "short"}}).status,
      400);
}

}  // namespace
}  // namespace parley
