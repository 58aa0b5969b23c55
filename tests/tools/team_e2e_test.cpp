// The CRM desk end to end: the `parley` binary with team members on a fake
// Telegram and WhatsApp.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "tests/support/channel_e2e.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::FakePlatform;
using testing::Server;
using namespace testing::e2e;

// A team member's own number or Telegram id reaches the CRM desk; a stranger
// on the same bot reaches the shop. The member's reply and the new owner's
// notification go out through the outbox; a redelivered update runs nothing
// twice.
TEST(ChannelsE2E, TeamMembersReachTheCrmDesk) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  const httplib::Headers admin = {{"Authorization", std::string("Bearer ") + kAdmin}};
  auto add = [&](json user) {
    auto r = c.Post("/api/v1/admin/users", admin, user.dump(), "application/json");
    ASSERT_EQ(r->status, 201) << r->body;
  };
  add({{"username", "priya"},
       {"password", "pass-priya"},
       {"display_name", "Priya Sharma"},
       {"role", "sales"},
       {"telegram_ids", {"7001"}}});
  add({{"username", "ravi"},
       {"password", "pass-ravi"},
       {"display_name", "Ravi Kumar"},
       {"role", "sales"},
       {"telegram_ids", {"7002"}},
       {"phones", {"+91 98765 00000"}}});

  const auto create = telegram_update(
      3001, 7001, "New lead: Acme Software, John Doe, +91 98765 43210, assign to Ravi");
  auto r = post_telegram(c, create);
  ASSERT_EQ(r->status, 200) << r->body;
  auto sent_to = [&](int64_t chat, const std::string& needle) {
    size_t n = 0;
    for (const auto& q : fake.requests()) {
      if (q.path != "/botBOT/sendMessage") continue;
      auto body = json::parse(q.body);
      if (body["chat_id"] == chat &&
          body["text"].get<std::string>().find(needle) != std::string::npos)
        ++n;
    }
    return n;
  };
  ASSERT_TRUE(drained(c));
  EXPECT_EQ(sent_to(7001, "Acme Software"), 1u) << "the confirmation, echoing the company";
  EXPECT_EQ(sent_to(7001, "Ravi Kumar"), 1u) << "and the assignee";
  EXPECT_EQ(sent_to(7002, "Acme Software"), 1u) << "the new owner is told";

  // Redelivered: acknowledged, nothing runs again.
  auto again = post_telegram(c, create);
  ASSERT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["duplicates"], 1);
  ASSERT_TRUE(drained(c));
  EXPECT_EQ(sent_to(7001, "Acme Software"), 1u);
  EXPECT_EQ(sent_to(7002, "Acme Software"), 1u);
  auto leads = json::parse(c.Get("/api/v1/leads", admin)->body)["leads"];
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_EQ(leads[0]["assignee"], "ravi");
  EXPECT_EQ(leads[0]["creator"], "priya");

  // Ravi writes from his registered number on WhatsApp: the desk answers.
  ASSERT_EQ(post_whatsapp_text(c, "919876500000", "wamid.team1",
                               "Schedule meeting with Acme Software on 25 Nov 3pm")
                ->status,
            200);
  ASSERT_TRUE(drained(c));
  EXPECT_EQ(count(fake, "/v22.0/PN1/messages", "Acme Software"), 1u);
  auto lead = json::parse(c.Get("/api/v1/leads/acme-software", admin)->body);
  ASSERT_EQ(lead["appointments"].size(), 1u) << lead.dump();

  // A stranger on the same bot is a shopper: no lead command runs.
  ASSERT_EQ(post_telegram(c, telegram_update(3002, 4242, "New lead: Evil Corp"))->status, 200);
  ASSERT_TRUE(drained(c));
  EXPECT_EQ(json::parse(c.Get("/api/v1/leads", admin)->body)["leads"].size(), 1u);
  EXPECT_EQ(c.Get("/api/v1/conversations/telegram:4242", admin)->status, 200);
}

}  // namespace
}  // namespace parley
