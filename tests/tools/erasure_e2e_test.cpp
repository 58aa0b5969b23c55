// A shopper on Telegram asks to be forgotten, with the real binary and a
// fake Bot API: the bot's question and its "Done" reach the chat readable
// (the key is erased only after the outbox has the reply: erased with the
// turn, the reply would be read from the log as "[erased]" and sent so), and
// afterwards the log reads what they wrote as erased.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/channel_e2e.hpp"
#include "tests/support/fake_platform.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::FakePlatform;
using testing::Recorded;
using testing::Server;
using namespace testing::e2e;

// The texts the fake Bot API was asked to send, in order.
std::vector<std::string> sent_texts(const FakePlatform& fake) {
  std::vector<std::string> out;
  for (const auto& r : fake.requests()) {
    if (r.path.find("/sendMessage") == std::string::npos) continue;
    const json body = json::parse(r.body, nullptr, false);
    if (body.is_object()) out.push_back(body.value("text", ""));
  }
  return out;
}

TEST(ErasureE2E, AShopperOnTelegramIsToldItIsDoneReadablyAndThenReadsAsErased) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});

  int update = 9000;
  for (const char* text : {"hola, soy Marta Gil", "borra mis datos", "sí"}) {
    ASSERT_EQ(post_telegram(c, telegram_update(++update, 4242, text))->status, 200);
    // One message at a time, as a person writes: each reply is out before the next.
    const size_t replies = static_cast<size_t>(update - 9000);
    ASSERT_TRUE(fake.wait_for([&](const std::vector<Recorded>&) {
      return sent_texts(fake).size() >= replies;
    })) << text;
  }
  const auto texts = sent_texts(fake);
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_NE(texts[1].find("SÍ para borrar"), std::string::npos) << texts[1];
  EXPECT_NE(texts[2].find("Hecho"), std::string::npos) << texts[2];
  for (const auto& t : texts) EXPECT_EQ(t.find("[erased]"), std::string::npos) << t;

  std::string events;
  for (int i = 0; i < 100; ++i) {
    auto r = c.Get("/api/v1/conversations/telegram:4242/events?limit=100");
    events = r ? r->body : "";
    if (events.find("Marta Gil") == std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(events.find("Marta Gil"), std::string::npos) << events;
  EXPECT_NE(events.find("[erased]"), std::string::npos) << events;
  EXPECT_EQ(server.terminate(), 0);
}

}  // namespace
}  // namespace parley
