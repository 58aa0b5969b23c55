// The channels end to end: the `parley` binary between fake platforms on
// loopback. Signed webhooks in, replies out through the outbox in each
// platform's wire format; redeliveries answered once; handoff; rate limits;
// and a SIGKILL with undelivered replies, after which each reaches the
// platform exactly once.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "channels/form.hpp"
#include "channels/signatures.hpp"
#include "tests/support/channel_e2e.hpp"
#include "tests/support/fake_platform.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
using testing::Server;
using namespace testing::e2e;

TEST(ChannelsE2E, TelegramReplyTypingAndRedelivery) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});

  auto r = post_telegram(c, telegram_update(1001, 4242, "hola"));
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["messages"], 1);
  ASSERT_TRUE(fake.wait_for([](const auto& reqs) {
    for (const auto& q : reqs)
      if (q.path == "/botBOT/sendMessage") return true;
    return false;
  }));
  auto reqs = fake.requests();
  EXPECT_EQ(reqs.front().path, "/botBOT/sendChatAction");  // typing first
  for (const auto& q : reqs)
    if (q.path == "/botBOT/sendMessage") {
      auto body = json::parse(q.body);
      EXPECT_EQ(body["chat_id"], 4242);
      EXPECT_FALSE(body["text"].get<std::string>().empty());
    }

  // The same update again: 200, nothing stored, nothing sent.
  const size_t before = count(fake, "sendMessage", "4242");
  auto again = post_telegram(c, telegram_update(1001, 4242, "hola"));
  ASSERT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["duplicates"], 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(count(fake, "sendMessage", "4242"), before);
  auto view = json::parse(c.Get("/api/v1/conversations/telegram:4242")->body);
  EXPECT_EQ(view["messages"].size(), 2u);

  // A wrong or missing secret stores nothing.
  EXPECT_EQ(post_telegram(c, telegram_update(1002, 5555, "hola"), "wrong")->status, 403);
  EXPECT_EQ(
      c.Post("/webhooks/telegram", telegram_update(1003, 5555, "hola"), "application/json")->status,
      401);
  EXPECT_EQ(c.Get("/api/v1/conversations/telegram:5555")->status, 404);
  // A malformed body is a JSON 400, and the next webhook is served.
  auto bad = post_telegram(c, "{\"update_id\":");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"]["code"], "malformed_webhook");
  EXPECT_EQ(post_telegram(c, telegram_update(1004, 4242, "gracias"))->status, 200);
}

TEST(ChannelsE2E, TelegramNonTextGetsAPoliteReply) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});
  json voice = {{"update_id", 2001},
                {"message", {{"chat", {{"id", 77}}}, {"voice", {{"file_id", "v"}}}}}};
  ASSERT_EQ(post_telegram(c, voice.dump())->status, 200);
  json sticker = {{"update_id", 2002},
                  {"message", {{"chat", {{"id", 77}}}, {"sticker", {{"file_id", "s"}}}}}};
  ASSERT_EQ(post_telegram(c, sticker.dump())->status, 200);
  ASSERT_TRUE(fake.wait_for([](const auto&) { return true; }));
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "sendMessage", "voice notes") == 1 &&
           count(fake, "sendMessage", "can't read that kind") == 1;
  }));
}

// The webhook routes are the server's adapters, one each, and nothing else.
TEST(ChannelsE2E, EveryAdapterHasItsWebhookRouteAndNoOtherNameHasOne) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  for (const char* platform : {"telegram", "whatsapp", "twilio", "greenapi", "maytapi"})
    EXPECT_NE(
        c.Post((std::string("/webhooks/") + platform).c_str(), "{}", "application/json")->status,
        404)
        << platform;
  EXPECT_EQ(c.Post("/webhooks/facebook", "{}", "application/json")->status, 404);
}

// docs/openapi.json describes every route of a server with every channel,
// and nothing that is not one: the server names each difference at start.
TEST(ChannelsE2E, TheApiDocumentDescribesEveryRouteAndNothingElse) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  EXPECT_EQ(server.log().find("openapi.json:"), std::string::npos) << server.log();
  httplib::Client c("127.0.0.1", server.port());
  auto r = c.Get("/api/v1/openapi.json");
  ASSERT_EQ(r->status, 200);
  const auto doc = json::parse(r->body);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  EXPECT_TRUE(doc["paths"].contains("/api/v1/conversations/{conversation_id}/reply"));
}

std::string whatsapp_payload(const std::vector<std::pair<std::string, std::string>>& messages) {
  json msgs = json::array();
  for (const auto& [from, id] : messages)
    msgs.push_back({{"from", from},
                    {"id", id},
                    {"timestamp", "1700000000"},
                    {"type", "text"},
                    {"text", {{"body", "hola, busco un taladro"}}}});
  return json{{"object", "whatsapp_business_account"},
              {"entry",
               {{{"id", "WABA"},
                 {"changes",
                  {{{"field", "messages"},
                    {"value",
                     {{"messaging_product", "whatsapp"},
                      {"metadata", {{"phone_number_id", "PN1"}}},
                      {"messages", msgs},
                      {"statuses",
                       {{{"id", "wamid.previous"},
                         {"status", "read"},
                         {"recipient_id", "34600000001"}}}}}}}}}}}}}
      .dump();
}

TEST(ChannelsE2E, WhatsAppHandshakeSignaturesBatchesAndRedelivery) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});

  auto hs =
      c.Get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wa-verify&hub.challenge=987");
  EXPECT_EQ(hs->status, 200);
  EXPECT_EQ(hs->body, "987");
  EXPECT_EQ(
      c.Get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=no&hub.challenge=987")->status,
      403);

  const auto body = whatsapp_payload({{"34600000001", "wamid.IN1"}, {"34600000002", "wamid.IN2"}});
  const auto sig = "sha256=" + channels::hmac_sha256_hex("wa-secret", body);
  auto tampered = body;
  tampered[tampered.size() / 2] ^= 1;
  EXPECT_EQ(
      c.Post("/webhooks/whatsapp", {{"X-Hub-Signature-256", sig}}, tampered, "application/json")
          ->status,
      403);
  EXPECT_EQ(c.Get("/api/v1/conversations/whatsapp:34600000001")->status, 404);

  auto r = c.Post("/webhooks/whatsapp", {{"X-Hub-Signature-256", sig}}, body, "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["messages"], 2);
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "/v22.0/PN1/messages", "\"to\":\"34600000001\",\"type\"") >= 1 &&
           count(fake, "/v22.0/PN1/messages", "\"to\":\"34600000002\",\"type\"") >= 1;
  }));
  ASSERT_TRUE(drained(c));
  for (const auto& q : fake.requests())
    if (q.body.find("\"recipient_type\"") != std::string::npos) {
      EXPECT_EQ(q.headers.at("authorization"), "Bearer wa-access");
      auto j = json::parse(q.body);
      EXPECT_EQ(j["messaging_product"], "whatsapp");
      EXPECT_EQ(j["recipient_type"], "individual");
    }
  const size_t sends = count(fake, "/v22.0/PN1/messages", "\"recipient_type\"");
  auto again =
      c.Post("/webhooks/whatsapp", {{"X-Hub-Signature-256", sig}}, body, "application/json");
  ASSERT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["duplicates"], 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(count(fake, "/v22.0/PN1/messages", "\"recipient_type\""), sends);
  // Read receipts went out for both inbound messages.
  EXPECT_GE(count(fake, "/v22.0/PN1/messages", "\"message_id\":\"wamid.IN1\""), 1u);
  // The status is an event on the conversation.
  auto events = json::parse(c.Get("/api/v1/conversations/whatsapp:34600000001/events")->body);
  bool status_seen = false;
  for (const auto& e : events["events"])
    if (e["type"] == "conversation.delivery_status") status_seen = true;
  EXPECT_TRUE(status_seen);
}

TEST(ChannelsE2E, TwilioGreenApiMaytapiRedelivery) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});

  // Twilio: signed form post, TwiML answer, reply by Messages.json.
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"MessageSid", "SMin1"},
      {"From", "whatsapp:+34611000111"},
      {"Body", "hola"},
      {"NumMedia", "0"}};
  const auto form = channels::encode_form(fields);
  std::map<std::string, std::string> params(fields.begin(), fields.end());
  const auto sig =
      channels::twilio_signature("tw-token", "https://shop.example.com/webhooks/twilio", params);
  for (int i = 0; i < 2; ++i) {
    auto r = c.Post("/webhooks/twilio", {{"X-Twilio-Signature", sig}}, form,
                    "application/x-www-form-urlencoded");
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_NE(r->body.find("<Response>"), std::string::npos);
  }
  EXPECT_EQ(c.Post("/webhooks/twilio", {{"X-Twilio-Signature", "bad"}}, form,
                   "application/x-www-form-urlencoded")
                ->status,
            403);

  // GREEN-API with its webhook token.
  const auto green =
      json{{"typeWebhook", "incomingMessageReceived"},
           {"idMessage", "GIN1"},
           {"senderData", {{"chatId", "79001112233@c.us"}}},
           {"messageData",
            {{"typeMessage", "textMessage"}, {"textMessageData", {{"textMessage", "привет"}}}}}}
          .dump();
  for (int i = 0; i < 2; ++i)
    ASSERT_EQ(c.Post("/webhooks/greenapi", {{"Authorization", "Bearer g-hook"}}, green,
                     "application/json")
                  ->status,
              200);

  // Maytapi.
  const auto may = json{{"product_id", "prod"},
                        {"phone_id", 77},
                        {"type", "message"},
                        {"message", {{"type", "text"}, {"text", "halo"}, {"id", "MIN1"}}},
                        {"user", {{"phone", "6281111"}}}}
                       .dump();
  for (int i = 0; i < 2; ++i)
    ASSERT_EQ(c.Post("/webhooks/maytapi", may, "application/json")->status, 200);

  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "/2010-04-01/Accounts/AC1/Messages.json", "To=whatsapp%3A%2B34611000111") >=
               1 &&
           count(fake, "/waInstance1101/sendMessage/gtok", "79001112233@c.us") >= 1 &&
           count(fake, "/api/prod/77/sendMessage", "6281111") >= 1;
  }));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(count(fake, "/2010-04-01/Accounts/AC1/Messages.json", "To=whatsapp%3A%2B34611000111"),
            1u);
  EXPECT_EQ(count(fake, "/waInstance1101/sendMessage/gtok", "79001112233@c.us"), 1u);
  EXPECT_EQ(count(fake, "/api/prod/77/sendMessage", "6281111"), 1u);
  for (const auto& q : fake.requests()) {
    if (q.path.find("/2010-04-01/") == 0) {
      EXPECT_EQ(q.headers.at("authorization"), "Basic " + channels::base64_encode("AC1:tw-token"));
    }
  }
}

TEST(ChannelsE2E, HandoffManagersAndOperatorReplies) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  auto env = base_env(fake);
  env.push_back("MANAGER_NUMBERS=+34 699 000 999");
  Server server(dir.path(), env);
  httplib::Client c("127.0.0.1", server.port());
  c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});
  const httplib::Headers admin = {{"Authorization", std::string("Bearer ") + kAdmin}};

  ASSERT_EQ(post_telegram(c, telegram_update(3001, 555, "I want to talk to a human"))->status, 200);
  // The manager hears of it on WhatsApp.
  ASSERT_TRUE(fake.wait_for(
      [&](const auto&) { return count(fake, "/v22.0/PN1/messages", "34699000999") >= 1; }));
  auto view = json::parse(c.Get("/api/v1/conversations/telegram:555")->body);
  EXPECT_TRUE(view["handoff"].get<bool>());
  EXPECT_EQ(view["handoff_by"], "shopper") << view.dump();
  EXPECT_TRUE(view["handoff_since"].is_string()) << view.dump();
  // Human mode: the bot is silent, the manager sees the message.
  const size_t bot_before = count(fake, "sendMessage", "\"chat_id\":555");
  ASSERT_EQ(post_telegram(c, telegram_update(3002, 555, "hello? anyone"))->status, 200);
  ASSERT_TRUE(fake.wait_for(
      [&](const auto&) { return count(fake, "/v22.0/PN1/messages", "hello? anyone") == 1; }));
  EXPECT_EQ(count(fake, "sendMessage", "\"chat_id\":555"), bot_before);

  // A person answers through the API and the outbox.
  auto reply =
      c.Post("/api/v1/conversations/telegram:555/reply", admin,
             R"({"text":"Hi, Maria here. How can I help?","author":"maria"})", "application/json");
  ASSERT_EQ(reply->status, 202) << reply->body;
  EXPECT_EQ(json::parse(reply->body)["status"], "queued");
  ASSERT_TRUE(
      fake.wait_for([&](const auto&) { return count(fake, "sendMessage", "Maria here") == 1; }));
  // The console tells a person's reply from the bot's.
  view = json::parse(c.Get("/api/v1/conversations/telegram:555")->body);
  const auto& last = view["messages"].back();
  EXPECT_EQ(last["text"], "Hi, Maria here. How can I help?");
  EXPECT_FALSE(last.value("author", "").empty()) << last.dump();
  httplib::Client anonymous("127.0.0.1", server.port());
  EXPECT_EQ(
      anonymous
          .Post("/api/v1/conversations/telegram:555/reply", R"({"text":"x"})", "application/json")
          ->status,
      401);
  EXPECT_EQ(c.Post("/api/v1/conversations/telegram:999/reply", admin, R"({"text":"x"})",
                   "application/json")
                ->status,
            404);

  // The manager switches the bot back on from WhatsApp.
  const auto cmd = [&](const std::string& id, const std::string& text) {
    return post_whatsapp_text(c, "34699000999", id, text);
  };

  // Telegram conversations are addressed by chat id; the manager names it.
  // A bare number is on the manager's own channel: there is no whatsapp:555.
  ASSERT_EQ(cmd("wamid.M1", "/handoff status 555")->status, 200);
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "/v22.0/PN1/messages", "There is no conversation whatsapp:555") == 1;
  }));
  ASSERT_EQ(cmd("wamid.M2", "/handoff status telegram:555")->status, 200);
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "/v22.0/PN1/messages", "telegram:555: human mode since") == 1;
  }));
  auto off = c.Post("/api/v1/conversations/telegram:555/handoff", admin, R"({"on":false})",
                    "application/json");
  ASSERT_EQ(off->status, 200) << off->body;
  EXPECT_FALSE(json::parse(off->body)["handoff"].get<bool>());
  ASSERT_EQ(post_telegram(c, telegram_update(3003, 555, "hola"))->status, 200);
  ASSERT_TRUE(fake.wait_for(
      [&](const auto&) { return count(fake, "sendMessage", "\"chat_id\":555") > bot_before + 1; }));
}

TEST(ChannelsE2E, ManagerHandoffCommandOnWhatsApp) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  auto env = base_env(fake);
  env.push_back("MANAGER_NUMBERS=34699000999");
  Server server(dir.path(), env);
  httplib::Client c("127.0.0.1", server.port());
  c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});
  auto post = [&](const std::string& from, const std::string& id, const std::string& text) {
    return post_whatsapp_text(c, from, id, text);
  };

  ASSERT_EQ(post("34600123456", "w1", "hola")->status, 200);
  ASSERT_EQ(post("34699000999", "w2", "/handoff on +34 600 123 456")->status, 200);
  ASSERT_TRUE(
      fake.wait_for([&](const auto&) { return count(fake, "/messages", "human mode ON") == 1; }));
  EXPECT_TRUE(json::parse(c.Get("/api/v1/conversations/whatsapp:34600123456")->body)["handoff"]
                  .get<bool>());
  const size_t before = count(fake, "/messages", "\"to\":\"34600123456\",\"type\":\"text\"");
  ASSERT_EQ(post("34600123456", "w3", "busco un taladro")->status, 200);
  ASSERT_EQ(post("34699000999", "w4", "/handoff status 34600123456")->status, 200);
  ASSERT_TRUE(fake.wait_for(
      [&](const auto&) { return count(fake, "/messages", "human mode since") == 1; }));
  EXPECT_EQ(count(fake, "/messages", "\"to\":\"34600123456\",\"type\":\"text\""), before);
  ASSERT_EQ(post("34699000999", "w5", "/handoff off 34600123456")->status, 200);
  ASSERT_TRUE(
      fake.wait_for([&](const auto&) { return count(fake, "/messages", "human mode OFF") == 1; }));
  ASSERT_EQ(post("34600123456", "w6", "busco un taladro")->status, 200);
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "/messages", "\"to\":\"34600123456\",\"type\":\"text\"") > before;
  }));
}

// PARLEY_TEAM_LANGUAGE: the managers read the alerts and the answers to
// their /handoff commands in the team's language, whatever the shopper's.
TEST(ChannelsE2E, ManagersReadTheTeamsLanguage) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  auto env = base_env(fake);
  env.push_back("MANAGER_NUMBERS=34699000999");
  env.push_back("PARLEY_TEAM_LANGUAGE=es");
  Server server(dir.path(), env);
  httplib::Client c("127.0.0.1", server.port());
  ASSERT_EQ(post_telegram(c, telegram_update(4001, 777, "I want to talk to a human"))->status, 200);
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "/v22.0/PN1/messages", "Traspaso: telegram:777 pide una persona") == 1;
  }));
  ASSERT_EQ(post_whatsapp_text(c, "34699000999", "wamid.L1", "/handoff off telegram:777")->status,
            200);
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "/v22.0/PN1/messages", "telegram:777: modo humano DESACTIVADO") == 1;
  }));
}

TEST(ChannelsE2E, InboundRateLimitAnswersPolitelyAndKeepsEverything) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  auto env = base_env(fake);
  env.push_back("PARLEY_INBOUND_PER_USER_PER_MINUTE=2");
  Server server(dir.path(), env);
  httplib::Client c("127.0.0.1", server.port());
  c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});
  for (int i = 0; i < 5; ++i)
    ASSERT_EQ(post_telegram(c, telegram_update(4000 + i, 99, "hello " + std::to_string(i)))->status,
              200);
  auto view = json::parse(c.Get("/api/v1/conversations/telegram:99")->body);
  size_t received = 0, sent = 0;
  for (const auto& m : view["messages"]) (m["direction"] == "in" ? received : sent)++;
  EXPECT_EQ(received, 5u);  // nothing dropped
  EXPECT_EQ(sent, 3u);      // two answers and one notice
  ASSERT_TRUE(fake.wait_for(
      [&](const auto&) { return count(fake, "sendMessage", "faster than I can keep up") == 1; }));
}

TEST(ChannelsE2E, TelegramAndGreenApiPolling) {
  // getUpdates hands out update 7001 until it is acknowledged by offset=7002;
  // receiveNotification hands out receipt 5 until it is deleted.
  std::atomic<bool> green_deleted{false};
  FakePlatform fake([&](const Recorded& r, size_t n) {
    if (r.path == "/botBOT/getUpdates") {
      auto offset = r.params.count("offset") ? std::stoll(r.params.at("offset")) : 0;
      if (offset > 7001)
        return Answer{200, R"({"ok":true,"result":[]})", {}, std::chrono::milliseconds(50)};
      return Answer{
          200, json{{"ok", true},
                    {"result", json::array({json::parse(telegram_update(7001, 31337, "hola"))})}}
                   .dump()};
    }
    if (r.path == "/waInstance1101/receiveNotification/gtok") {
      if (green_deleted) return Answer{200, "null", {}, std::chrono::milliseconds(50)};
      return Answer{
          200,
          R"({"receiptId":5,"body":{"typeWebhook":"incomingMessageReceived","idMessage":"GP1","senderData":{"chatId":"79005554433@c.us"},"messageData":{"typeMessage":"textMessage","textMessageData":{"textMessage":"привет"}}}})"};
    }
    if (r.method == "DELETE") {
      green_deleted = true;
      return Answer{200, R"({"result":true})"};
    }
    return platform_ok(r, n);
  });
  testing::TempDir dir;
  auto env = base_env(fake);
  env.push_back("TELEGRAM_POLLING=1");
  env.push_back("GREENAPI_POLLING=1");
  Server server(dir.path(), env);
  ASSERT_TRUE(fake.wait_for([&](const auto&) {
    return count(fake, "/botBOT/sendMessage", "31337") >= 1 &&
           count(fake, "/waInstance1101/sendMessage/gtok", "79005554433") >= 1 && green_deleted;
  }));
  // Acknowledged: later polls ask from the next offset, and nothing is answered twice.
  ASSERT_TRUE(fake.wait_for([&](const auto& reqs) {
    for (const auto& q : reqs)
      if (q.path == "/botBOT/getUpdates" && q.params.count("offset") &&
          q.params.at("offset") == "7002")
        return true;
    return false;
  }));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(count(fake, "/botBOT/sendMessage", "31337"), 1u);
  EXPECT_EQ(count(fake, "/waInstance1101/sendMessage/gtok", "79005554433"), 1u);
}

TEST(ChannelsE2E, SigkillWithUndeliveredRepliesDeliversEachExactlyOnce) {
  std::atomic<bool> healthy{false};
  FakePlatform fake([&](const Recorded& r, size_t n) {
    if (r.path != "/botBOT/sendMessage") return platform_ok(r, n);
    // Odd chats are delivered before the crash, even ones only after it.
    const auto chat = json::parse(r.body)["chat_id"].get<int64_t>();
    if (healthy || chat % 2 == 1) return platform_ok(r, n);
    return Answer{500, "down"};
  });
  testing::TempDir dir;
  auto env = base_env(fake);
  env.push_back("PARLEY_OUTBOX_MAX_ATTEMPTS=1000");
  env.push_back("PARLEY_TYPING_DELAY_MS=60000");  // no typing calls in this count
  env.push_back("PARLEY_OUTBOX_BACKOFF_MS=50");
  constexpr int kChats = 40;
  {
    Server server(dir.path(), env);
    httplib::Client c("127.0.0.1", server.port());
    c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});
    for (int i = 1; i <= kChats; ++i)
      ASSERT_EQ(post_telegram(c, telegram_update(5000 + i, 700 + i, "hola"))->status, 200);
    // Every odd chat's reply delivered and recorded; every even one pending.
    const httplib::Headers admin = {{"Authorization", std::string("Bearer ") + kAdmin}};
    // (Telegram's pacing of 30/s is on, and the failing chats' retries use it too.)
    bool settled = false;
    json o;
    for (int i = 0; i < 1500 && !settled; ++i) {
      o = json::parse(c.Get("/api/v1/outbox?state=pending&limit=1000", admin)->body);
      settled = o["pending"] == kChats / 2 && o["delivered_since_start"] == kChats / 2;
      if (!settled) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(settled) << "pending " << o["pending"] << ", delivered "
                         << o["delivered_since_start"];
    server.kill_hard();
  }
  auto ok_sends = [&](int64_t chat) {
    size_t n = 0;
    for (const auto& r : fake.requests())
      if (r.path == "/botBOT/sendMessage" && json::parse(r.body)["chat_id"] == chat) ++n;
    return n;
  };
  std::map<int64_t, size_t> failed_before;
  for (int i = 2; i <= kChats; i += 2) failed_before[700 + i] = ok_sends(700 + i);
  healthy = true;
  Server server(dir.path(), env);
  const bool all = fake.wait_for([&](const auto&) {
    for (int i = 2; i <= kChats; i += 2)
      if (ok_sends(700 + i) != failed_before[700 + i] + 1) return false;
    return true;
  });
  if (!all) {
    for (int i = 2; i <= kChats; i += 2)
      if (ok_sends(700 + i) != failed_before[700 + i] + 1)
        ADD_FAILURE() << "chat " << 700 + i << ": " << failed_before[700 + i] << " then "
                      << ok_sends(700 + i) << "\n"
                      << server.log();
    return;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (int i = 1; i <= kChats; ++i) {
    if (i % 2 == 1) {
      EXPECT_EQ(ok_sends(700 + i), 1u) << "chat " << 700 + i << " was sent again";
    } else {
      EXPECT_EQ(ok_sends(700 + i), failed_before[700 + i] + 1) << "chat " << 700 + i;
    }
  }
}

}  // namespace
}  // namespace parley
