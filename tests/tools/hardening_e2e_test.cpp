// Issue 17 against the real binary: what one hostile request used to do to
// the server, and what it gets now.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/channel_e2e.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::FakePlatform;
using testing::Server;
using namespace testing::e2e;
using Clock = std::chrono::steady_clock;

const httplib::Headers kAdminHeaders = {{"Authorization", std::string("Bearer ") + kAdmin}};

std::string words(size_t bytes) {
  std::string s;
  while (s.size() + 2 <= bytes) s += "a ";
  return s;
}

std::string error_code(const httplib::Result& r) {
  auto j = json::parse(r->body, nullptr, false);
  return j.is_object() && j.contains("error") ? j["error"].value("code", "") : "";
}

void add_sales_user(httplib::Client& c, const std::string& name, const std::string& telegram_id) {
  json user = {{"username", name},
               {"password", "pass-" + name},
               {"display_name", name},
               {"role", "sales"},
               {"telegram_ids", {telegram_id}}};
  auto r = c.Post("/api/v1/admin/users", kAdminHeaders, user.dump(), "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
}

std::string login(httplib::Client& c, const std::string& name) {
  auto r =
      c.Post("/api/v1/auth/login", json{{"username", name}, {"password", "pass-" + name}}.dump(),
             "application/json");
  EXPECT_EQ(r->status, 200) << r->body;
  return json::parse(r->body)["token"];
}

// Item 1: 48 KB of "a a a …" from a team member's Telegram id overflowed the
// stack in the CRM desk's std::regex; Telegram redelivered it after every
// restart.
TEST(HardeningE2E, AHugeCrmMessageFromATeamMemberLeavesTheServerServing) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  add_sales_user(c, "priya", "777");

  auto r = post_telegram(c, telegram_update(1, 777, words(48000)));
  ASSERT_TRUE(r) << "the server died";
  EXPECT_EQ(r->status, 200) << r->body;
  // Under the cap the desk reads it, once, and answers with its help.
  r = post_telegram(c, telegram_update(2, 777, words(16000)));
  ASSERT_TRUE(r) << "the server died";
  EXPECT_EQ(r->status, 200) << r->body;
  const auto token = login(c, "priya");
  r = c.Post("/api/v1/crm/messages", {{"Authorization", "Bearer " + token}},
             json{{"text", words(48000)}}.dump(), "application/json");
  ASSERT_TRUE(r) << "the server died";
  EXPECT_EQ(r->status, 422);
  EXPECT_EQ(error_code(r), "text_too_long");
  r = c.Post("/api/v1/crm/messages", {{"Authorization", "Bearer " + token}},
             json{{"text", words(16000) + " lost"}}.dump(), "application/json");
  ASSERT_TRUE(r) << "the server died";
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(c.Get("/healthz")->status, 200);
}

// Item 2: understanding ran on the whole text on a scheduler thread; two
// 200 KB chats made every chat 504 for ~40 s, and /nlu/parse had no limit.
TEST(HardeningE2E, OverLongTextsAre422AtOnceAndOthersStillGetAnswers) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  c.set_read_timeout(10, 0);
  const auto big = words(200 * 1024);
  const auto start = Clock::now();
  for (int i = 0; i < 2; ++i) {
    auto r = c.Post("/api/v1/chat", json{{"user_id", "flood"}, {"text", big}}.dump(),
                    "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422);
    EXPECT_EQ(error_code(r), "text_too_long");
  }
  auto r = c.Post("/api/v1/nlu/parse", json{{"text", big}}.dump(), "application/json");
  EXPECT_EQ(r->status, 422);
  r = c.Post("/api/v1/chat/stream", json{{"user_id", "flood"}, {"text", big}}.dump(),
             "application/json");
  EXPECT_EQ(r->status, 422);
  r = c.Post("/api/v1/chat", json{{"user_id", "calm"}, {"text", "hola"}}.dump(),
             "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));
  // Nothing of the refused texts was recorded.
  r = c.Get("/api/v1/conversations/api:flood", kAdminHeaders);
  EXPECT_EQ(r->status, 404) << r->body;
  // A platform's over-long message is taken (200, not "deliver again") and refused.
  r = post_telegram(c, telegram_update(10, 4242, big));
  EXPECT_EQ(r->status, 200) << r->body;
  r = c.Get("/api/v1/conversations/telegram:4242", kAdminHeaders);
  EXPECT_EQ(r->status, 404) << r->body;
}

// Item 3: the REST chat wrote into a platform's conversation, the outbox then
// messaged that chat id, and a future update_id as message_id dropped the real one.
TEST(HardeningE2E, TheRestChatNeverSpeaksOnAPlatformChannel) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());

  auto r = c.Post(
      "/api/v1/chat",
      json{{"user_id", "555"}, {"text", "hola"}, {"channel", "telegram"}, {"message_id", "9001"}}
          .dump(),
      "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["conversation_id"], "api:555");
  EXPECT_EQ(c.Get("/api/v1/conversations/telegram:555", kAdminHeaders)->status, 404);

  // The real update with that id is answered on Telegram.
  r = post_telegram(c, telegram_update(9001, 555, "hola"));
  ASSERT_EQ(r->status, 200) << r->body;
  ASSERT_TRUE(drained(c));
  EXPECT_GE(count(fake, "/botBOT/sendMessage", "\"chat_id\":555"), 1u);

  // A sales token may not speak for a platform's user; an admin's turn is
  // recorded, but the outbox sends nothing to a chat no platform started.
  add_sales_user(c, "ravi", "778");
  const auto sales = login(c, "ravi");
  r = c.Post("/api/v1/chat", {{"Authorization", "Bearer " + sales}},
             json{{"user_id", "556"}, {"text", "hola"}, {"channel", "telegram"}}.dump(),
             "application/json");
  EXPECT_EQ(r->status, 403) << r->body;
  r = c.Post("/api/v1/chat", kAdminHeaders,
             json{{"user_id", "556"}, {"text", "hola"}, {"channel", "telegram"}}.dump(),
             "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["conversation_id"], "telegram:556");
  // The feed follows the log every 100 ms: wait until it has seen the reply.
  const std::string dropped = "parley_outbox_not_platform_started_total 1\n";
  for (int i = 0; i < 100 && c.Get("/metrics")->body.find(dropped) == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_NE(c.Get("/metrics")->body.find(dropped), std::string::npos);
  ASSERT_TRUE(drained(c));
  EXPECT_EQ(count(fake, "/botBOT/sendMessage", "\"chat_id\":556"), 0u);
}

// Item 4: conversations and their events answered anyone.
TEST(HardeningE2E, ConversationsNeedARole) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  auto r =
      c.Post("/api/v1/chat", json{{"user_id", "u1"}, {"text", "hola"}}.dump(), "application/json");
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(c.Get("/api/v1/conversations/api:u1")->status, 401);
  EXPECT_EQ(c.Get("/api/v1/conversations/api:u1/events")->status, 401);
  EXPECT_EQ(c.Get("/api/v1/conversations/api:u1", {{"Authorization", "Bearer guess"}})->status,
            401);
  add_sales_user(c, "neha", "779");
  const httplib::Headers sales = {{"Authorization", "Bearer " + login(c, "neha")}};
  EXPECT_EQ(c.Get("/api/v1/conversations/api:u1", sales)->status, 200);
  EXPECT_EQ(c.Get("/api/v1/conversations/api:u1/events", sales)->status, 403);
  EXPECT_EQ(c.Get("/api/v1/conversations/api:u1/events", kAdminHeaders)->status, 200);
}

// Item 9: with no secret configured, Telegram and GREEN-API webhooks were
// accepted, so CRM commands could be forged as a team member.
TEST(HardeningE2E, AWebhookWithoutASecretIs503UnlessExplicitlyInsecure) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  auto env = base_env(fake);
  for (auto& e : env)
    if (e.rfind("TELEGRAM_WEBHOOK_SECRET=", 0) == 0 || e.rfind("GREENAPI_WEBHOOK_TOKEN=", 0) == 0)
      e = "PARLEY_UNUSED=1";
  {
    Server server(dir.path(), env);
    httplib::Client c("127.0.0.1", server.port());
    auto r = c.Post("/webhooks/telegram", telegram_update(1, 777, "my tasks"), "application/json");
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(error_code(r), "channel_not_configured");
    r = c.Post("/webhooks/greenapi", R"({"typeWebhook":"incomingMessageReceived"})",
               "application/json");
    EXPECT_EQ(r->status, 503);
    EXPECT_EQ(c.Get("/api/v1/conversations/telegram:777", kAdminHeaders)->status, 404);
    ASSERT_EQ(server.terminate(), 0);
  }
  env.push_back("PARLEY_INSECURE_WEBHOOKS=1");
  Server server(dir.path(), env);
  EXPECT_NE(server.log().find("PARLEY_INSECURE_WEBHOOKS=1"), std::string::npos) << "said loudly";
  httplib::Client c("127.0.0.1", server.port());
  auto r = c.Post("/webhooks/telegram", telegram_update(2, 777, "hola"), "application/json");
  EXPECT_EQ(r->status, 200) << r->body;
}

// Item 12: a chat id over the limit answered 503, and the platform retried forever.
TEST(HardeningE2E, AWebhookWithAnImpossibleChatIdIsTakenAndRefused) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  auto r = post_whatsapp_text(c, std::string(300, '7'), "wamid.long", "hola");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["rejected"], 1);
  r = post_whatsapp_text(c, "34600000009", std::string(300, 'm'), "hola");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["rejected"], 1);
  r = post_whatsapp_text(c, "34600000009", "wamid.ok", "hola");
  EXPECT_EQ(json::parse(r->body)["messages"], 1);
}

// Item 10: delivery statuses for chats Parley never had spawned an actor each.
TEST(HardeningE2E, StatusesForUnknownChatsSpawnNoActors) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  auto spawned = [&] {
    const auto page = c.Get("/metrics")->body;
    const std::string name = "parley_actors_spawned_total ";
    const auto at = page.find("\n" + name);
    return at == std::string::npos ? -1 : std::stol(page.substr(at + 1 + name.size()));
  };
  const long before = spawned();
  ASSERT_GE(before, 0);
  json statuses = json::array();
  for (int i = 0; i < 50; ++i)
    statuses.push_back({{"id", "wamid.s" + std::to_string(i)},
                        {"status", "delivered"},
                        {"recipient_id", "3461000" + std::to_string(1000 + i)}});
  json b = {{"object", "whatsapp_business_account"},
            {"entry", {{{"changes", {{{"value", {{"statuses", statuses}}}}}}}}}};
  const auto body = b.dump();
  auto r =
      c.Post("/webhooks/whatsapp",
             {{"X-Hub-Signature-256", "sha256=" + channels::hmac_sha256_hex("wa-secret", body)}},
             body, "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(spawned(), before);
}

// Probe F6: a reply was recorded under whatever author the body named.
TEST(HardeningE2E, AnOperatorReplyIsSignedByTheTokenNotTheBody) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  ASSERT_EQ(post_telegram(c, telegram_update(1, 4343, "hola"))->status, 200);
  add_sales_user(c, "sally", "781");
  const httplib::Headers sally = {{"Authorization", "Bearer " + login(c, "sally")}};
  for (const char* author : {"evil", ""}) {
    auto r =
        c.Post("/api/v1/conversations/telegram:4343/reply", sally,
               json{{"text", "Hi, Sally here"}, {"author", author}}.dump(), "application/json");
    ASSERT_EQ(r->status, 202) << r->body;
  }
  const auto events = c.Get("/api/v1/conversations/telegram:4343/events", kAdminHeaders)->body;
  EXPECT_EQ(events.find("operator:evil"), std::string::npos);
  size_t signed_by_sally = 0;
  for (size_t at = events.find("operator:sally"); at != std::string::npos;
       at = events.find("operator:sally", at + 1))
    ++signed_by_sally;
  EXPECT_EQ(signed_by_sally, 2u) << events;
}

}  // namespace
}  // namespace parley
