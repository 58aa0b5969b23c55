// A manager answers a shopper from their own WhatsApp during a handoff: by
// replying to the alert, or with "/reply <conversation> <text>". The shopper
// gets the words on their own platform, recorded as the manager's; a
// redelivered answer is sent once; a shopper quoting a message relays nothing.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "channels/signatures.hpp"
#include "tests/support/channel_e2e.hpp"
#include "tests/support/fake_platform.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::FakePlatform;
using testing::Server;
using namespace testing::e2e;

httplib::Result post_whatsapp_reply(httplib::Client& c, const std::string& from,
                                    const std::string& id, const std::string& text,
                                    const std::string& quoted) {
  json message = {{"from", from}, {"id", id}, {"type", "text"}, {"text", {{"body", text}}}};
  if (!quoted.empty()) message["context"] = {{"from", "15550001111"}, {"id", quoted}};
  json b = {{"object", "whatsapp_business_account"},
            {"entry", {{{"changes", {{{"value", {{"messages", {message}}}}}}}}}}};
  const auto body = b.dump();
  return c.Post("/webhooks/whatsapp",
                {{"X-Hub-Signature-256", "sha256=" + channels::hmac_sha256_hex("wa-secret", body)}},
                body, "application/json");
}

// The platform id the fake gave the alert about `conversation` (platform_ok
// answers the n-th request with "wamid.out<n>").
std::string alert_id(const FakePlatform& fake, const std::string& conversation) {
  const auto seen = fake.requests();
  for (size_t i = 0; i < seen.size(); ++i)
    if (seen[i].path == "/v22.0/PN1/messages" &&
        seen[i].body.find(conversation) != std::string::npos)
      return "wamid.out" + std::to_string(i + 1);
  return "";
}

// A server with one manager, and a shopper on Telegram who asked for a person:
// the alert reached the manager's WhatsApp as `alert`.
struct ManagerRelayE2E : ::testing::Test {
  void asks_for_a_person(int update, int64_t chat) {
    server = std::make_unique<Server>(dir.path(), env());
    client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
    client->set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});
    ASSERT_EQ(
        post_telegram(*client, telegram_update(update, chat, "I want to talk to a human"))->status,
        200);
    ASSERT_TRUE(drained(*client));
    alert = alert_id(fake, "telegram:" + std::to_string(chat));
    ASSERT_FALSE(alert.empty());
  }
  std::vector<std::string> env() const {
    auto e = base_env(fake);
    e.push_back("MANAGER_NUMBERS=34699000999");
    return e;
  }
  FakePlatform fake{platform_ok};
  testing::TempDir dir;
  std::unique_ptr<Server> server;
  std::unique_ptr<httplib::Client> client;
  std::string alert;
};

TEST_F(ManagerRelayE2E, AManagerAnswersTheShopperByReplyingToTheAlertOrWithReply) {
  asks_for_a_person(5001, 888);
  httplib::Client& c = *client;

  // A reply to the alert reaches the shopper, once.
  ASSERT_EQ(post_whatsapp_reply(c, "34699000999", "wamid.M1", "Hi Ana, Marta here. How can I help?",
                                alert)
                ->status,
            200);
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "sendMessage", "Marta here") == 1 &&
           count(fake, "/v22.0/PN1/messages", "Sent to telegram:888") == 1;
  }));
  ASSERT_EQ(post_whatsapp_reply(c, "34699000999", "wamid.M1", "Hi Ana, Marta here. How can I help?",
                                alert)
                ->status,
            200);
  ASSERT_TRUE(drained(c));
  EXPECT_EQ(count(fake, "sendMessage", "Marta here"), 1u);

  // "/reply" names the conversation.
  ASSERT_EQ(
      post_whatsapp_reply(c, "34699000999", "wamid.M2", "/reply telegram:888 It ships today.", "")
          ->status,
      200);
  ASSERT_TRUE(fake.wait_for(
      [&](const auto&) { return count(fake, "sendMessage", "It ships today.") == 1; }));

  // The log has both as the manager's messages, answering nothing the shopper said.
  auto events = json::parse(c.Get("/api/v1/conversations/telegram:888/events")->body)["events"];
  size_t by_manager = 0;
  for (const auto& e : events)
    if (e["type"] == "conversation.message_sent" &&
        e["payload"].value("author", "") == "manager:whatsapp:34699000999")
      ++by_manager;
  EXPECT_EQ(by_manager, 2u) << events;

  // A conversation that does not exist is named back, and nothing is started.
  ASSERT_EQ(
      post_whatsapp_reply(c, "34699000999", "wamid.M3", "/reply telegram:999 hello", "")->status,
      200);
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "/v22.0/PN1/messages", "no conversation telegram:999") == 1;
  }));
  EXPECT_EQ(c.Get("/api/v1/conversations/telegram:999")->status, 404);
}

TEST_F(ManagerRelayE2E, AShopperQuotingAMessageRelaysNothing) {
  asks_for_a_person(5101, 889);
  httplib::Client& c = *client;
  ASSERT_EQ(
      post_whatsapp_reply(c, "34600555444", "wamid.S1", "hola, esto es para 889", alert)->status,
      200);
  ASSERT_TRUE(drained(c));
  EXPECT_EQ(count(fake, "sendMessage", "esto es para 889"), 0u);
  EXPECT_EQ(c.Get("/api/v1/conversations/whatsapp:34600555444")->status, 200) << "a shopper's own";
}

}  // namespace
}  // namespace parley
