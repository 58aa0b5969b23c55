// Issue 17, item 8: logins had no limit (200 wrong passwords got 200 x 401),
// and argon2id ran for every one of 128 parallel logins (RSS 7.7 GiB).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "crm/hash_gate.hpp"
#include "crm/login_throttle.hpp"
#include "team_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;
using nlohmann::json;
constexpr int64_t kSecond = 1'000'000;

TEST(LoginThrottle, FreeFailuresThenDoublingWaitsPerUserAndPerAddress) {
  crm::LoginThrottle t;
  for (int i = 0; i < 5; ++i) EXPECT_EQ(t.begin("priya", "10.0.0.1", 0), 0) << i;
  EXPECT_EQ(t.begin("priya", "10.0.0.1", 0), 1 * kSecond);
  EXPECT_EQ(t.begin("priya", "10.0.0.9", 0), 1 * kSecond) << "the user, from anywhere";
  EXPECT_EQ(t.begin("ravi", "10.0.0.1", 0), 0) << "another user from that address";
  EXPECT_EQ(t.begin("priya", "10.0.0.1", 1 * kSecond), 0);
  EXPECT_EQ(t.begin("priya", "10.0.0.1", 1 * kSecond), 2 * kSecond);
  EXPECT_EQ(t.begin("priya", "10.0.0.1", 3 * kSecond), 0);
  EXPECT_EQ(t.begin("priya", "10.0.0.1", 3 * kSecond), 4 * kSecond);
  t.succeeded("priya", "10.0.0.1");
  EXPECT_EQ(t.begin("priya", "10.0.0.1", 3 * kSecond), 0);
  // One address spraying many users is held back after 20 attempts.
  for (int i = 0; i < 20; ++i) t.begin("user" + std::to_string(i), "10.6.6.6", 10 * kSecond);
  EXPECT_GT(t.begin("someone-new", "10.6.6.6", 10 * kSecond), 0);
  EXPECT_EQ(t.begin("someone-new", "10.0.0.2", 10 * kSecond), 0);
}

// Probe F7: failures were counted after hashing, so parallel guesses all ran.
TEST(LoginThrottle, ParallelAttemptsCountBeforeAnyIsChecked) {
  crm::LoginThrottle t;
  std::atomic<int> let_through{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 50; ++i)
    threads.emplace_back([&] {
      if (t.begin("priya", "10.0.0.1", 0) == 0) ++let_through;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(let_through.load(), 5);
}

TEST(LoginThrottle, WaitsAreCappedAndMemoryStaysBounded) {
  crm::ThrottleOptions o;
  o.max_keys = 100;
  crm::LoginThrottle t(o);
  for (int i = 0; i < 60; ++i) t.begin("priya", "a", i * kSecond * 1000);
  EXPECT_LE(t.begin("priya", "a", 60 * kSecond * 1000), o.max_delay_us);
  for (int i = 0; i < 1000; ++i)
    t.begin("u" + std::to_string(i), "b" + std::to_string(i), 60'001 * kSecond);
  EXPECT_LE(t.keys(), o.max_keys) << "a spray from many addresses does not grow the table";
  EXPECT_GT(t.keys(), 0u);
}

TEST(HashGate, AtMostItsSlotsRunAtOnceAndLateCallersAreToldToComeBack) {
  crm::HashGate gate(2);
  auto a = gate.enter(std::chrono::milliseconds(10));
  auto b = gate.enter(std::chrono::milliseconds(10));
  ASSERT_TRUE(a);
  ASSERT_TRUE(b);
  EXPECT_FALSE(gate.enter(std::chrono::milliseconds(20))) << "no third slot";
  std::atomic<int> in{0}, most{0};
  { auto release = std::move(a); }
  EXPECT_TRUE(gate.enter(std::chrono::milliseconds(10))) << "a slot freed is a slot taken";
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      auto slot = gate.enter(std::chrono::seconds(5));
      if (!slot) return;
      const int now = ++in;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      --in;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(most.load(), 1) << "b still holds one of the two slots";
}

TEST_F(Team, RepeatedWrongPasswordsAre429WithRetryAfterThenTheRightOneWorks) {
  add_user("priya", "Priya Sharma", "sales");
  for (int i = 0; i < 5; ++i) {
    auto r = call("POST", "/api/v1/auth/login", "",
                  {{"username", "priya"}, {"password", "wrong-" + std::to_string(i)}});
    EXPECT_EQ(r.status, 401);
  }
  auto r = call("POST", "/api/v1/auth/login", "", {{"username", "priya"}, {"password", "nope"}});
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "too_many_attempts");
  bool retry_after = false;
  for (const auto& [k, v] : r.headers) retry_after |= k == "Retry-After" && v == "1";
  EXPECT_TRUE(retry_after);
  // Even the right password waits its turn; then it works and clears the count.
  r = call("POST", "/api/v1/auth/login", "", {{"username", "priya"}, {"password", "pass-priya"}});
  EXPECT_EQ(r.status, 429);
  now += 2 * kSecond;
  EXPECT_FALSE(login("priya").empty());
}

TEST_F(Team, BuiltInNamesCannotBeTaken) {
  for (const char* name : {"admin", "operator", "system"}) {
    auto r = call("POST", "/api/v1/admin/users", "admin-secret",
                  {{"username", name}, {"password", "long-enough"}, {"role", "admin"}});
    EXPECT_EQ(r.status, 400) << name;
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "reserved_username") << name;
  }
}

// Probe F3: team phones matched on their last ten digits, so +7 and +1
// numbers ending like a member's reached her CRM desk.
TEST_F(Team, ATeamPhoneMatchesOnlyWithItsCountryCode) {
  auto r = call("POST", "/api/v1/admin/users", "admin-secret",
                {{"username", "priya"},
                 {"password", "pass-priya"},
                 {"display_name", "Priya"},
                 {"role", "sales"},
                 {"phones", {"+91 98765 43210"}}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(dir.by_phone("919876543210"));
  EXPECT_TRUE(dir.by_phone("+91 98765-43210"));
  EXPECT_FALSE(dir.by_phone("79876543210"));
  EXPECT_FALSE(dir.by_phone("19876543210"));
  EXPECT_FALSE(dir.by_phone("9876543210")) << "without the country code it is another number";
}

// Probe F5: an analyst reached the desk from Telegram and created a lead.
TEST_F(Team, TheDeskAnswersOnlySalesAndAdmins) {
  add_user("ana", "Ana Analyst", "analyst");
  const auto analyst = *dir.user("ana");
  crm::Principal who{"ana", analyst.profile.role, "Ana Analyst"};
  auto replies = desk->handle(who, "New lead: Analyst Co, Jo Doe, +91 90000 00001", now);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_NE(replies[0].find("sales or admin"), std::string::npos) << replies[0];
  EXPECT_EQ(call("GET", "/api/v1/leads", "admin-secret").body.find("Analyst Co"),
            std::string::npos);
}

}  // namespace
}  // namespace parley
