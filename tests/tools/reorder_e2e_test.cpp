// Order history and reorder with the real binary (issue 21, point 3): a
// shopper orders on Telegram giving their phone, then writes from that
// number on WhatsApp "lo mismo que la última vez" and finds the same lines in
// the cart; an English shopper says "same as before" in the same chat; a
// Russian one asks what they ordered. State is asserted, not only replies:
// the carts' lines against the orders'.
#include <gtest/gtest.h>
#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

#include "channels/signatures.hpp"
#include "tests/support/channel_e2e.hpp"
#include "tests/support/chat.hpp"
#include "tests/support/fake_platform.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::FakePlatform;
using testing::Server;
using namespace testing::e2e;

std::string chat(httplib::Client& c, const std::string& user, const std::string& text) {
  return testing::chat_replies(c, user, text);
}

std::string whatsapp(const std::string& from, const std::string& id, const std::string& text) {
  json msg = {{"from", from},
              {"id", id},
              {"timestamp", "1700000000"},
              {"type", "text"},
              {"text", {{"body", text}}}};
  json value = {{"messaging_product", "whatsapp"},
                {"metadata", {{"phone_number_id", "PN1"}}},
                {"messages", json::array({msg})}};
  json change = {{"field", "messages"}, {"value", value}};
  json entry = {{"id", "WABA"}, {"changes", json::array({change})}};
  return json{{"object", "whatsapp_business_account"}, {"entry", json::array({entry})}}.dump();
}

// (sku, quantity) of each line: what a reorder must give back.
std::vector<std::pair<std::string, int64_t>> skus(const json& lines) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& l : lines) out.emplace_back(l["sku"], l["quantity"]);
  return out;
}

json conversation(httplib::Client& c, const std::string& id) {
  auto r = c.Get("/api/v1/conversations/" + id);
  return r && r->status == 200 ? json::parse(r->body) : json();
}

// The order the conversation placed last, as the orders API shows it.
json last_order(httplib::Client& c, const std::string& conversation_id) {
  const std::string all = conversation(c, conversation_id).dump();
  const size_t at = all.rfind("ORD-");
  const std::string id = at == std::string::npos ? "" : all.substr(at, 20);
  auto r = c.Get("/api/v1/orders/" + id);
  return r && r->status == 200 ? json::parse(r->body) : json();
}

bool waits_for(const std::function<bool()>& done) {
  for (int i = 0; i < 100; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST(ReorderE2E, AnOrderOnTelegramIsRepeatedFromWhatsAppAndInTheSameChatInThreeLanguages) {
  FakePlatform fake(platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), base_env(fake));
  httplib::Client c("127.0.0.1", server.port());
  c.set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});

  // Spanish, on Telegram: an order with the phone +34 600 111 222.
  int update = 5000;
  for (const char* text :
       {"busco tornillos para madera", "agrega 3 del primero", "pagar",
        "Lucía Pérez, +34 600 111 222, lucia@example.com, Calle Mayor 1, Madrid", "sí"}) {
    ASSERT_EQ(post_telegram(c, telegram_update(++update, 777, text))->status, 200);
  }
  const json placed = last_order(c, "telegram:777");
  ASSERT_FALSE(placed.is_null()) << conversation(c, "telegram:777").dump();

  // The same person on WhatsApp, from that number. The purchases view follows
  // the log every 100 ms: a person takes longer than that to switch apps.
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  const std::string again = whatsapp("34600111222", "wamid.R1", "lo mismo que la última vez");
  auto r =
      c.Post("/webhooks/whatsapp",
             {{"X-Hub-Signature-256", "sha256=" + channels::hmac_sha256_hex("wa-secret", again)}},
             again, "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  ASSERT_TRUE(waits_for([&] {
    const json v = conversation(c, "whatsapp:34600111222");
    return !v.is_null() && !v["cart"]["lines"].empty();
  })) << conversation(c, "whatsapp:34600111222").dump();
  EXPECT_EQ(skus(conversation(c, "whatsapp:34600111222")["cart"]["lines"]), skus(placed["lines"]))
      << "the same lines, from another channel";

  // English, in the same chat: order, then "same as before".
  for (const char* text : {"I need something to fasten wood", "add 2 of the first one", "checkout",
                           "Sam Lee, +44 7700 900123, sam@example.com, 1 High St, London", "yes"})
    chat(c, "en1", text);
  const json sams = last_order(c, "api:en1");
  ASSERT_FALSE(sams.is_null());
  ASSERT_TRUE(waits_for([&] {
    return chat(c, "en1", "same as before").find("back in your cart") != std::string::npos;
  }));
  EXPECT_EQ(skus(conversation(c, "api:en1")["cart"]["lines"]), skus(sams["lines"]));
  EXPECT_NE(chat(c, "en1", "hi").find("Welcome back! Last time you ordered"), std::string::npos);

  // Russian: what did I order? The order's id is in the answer.
  for (const char* text :
       {"нужны шурупы по дереву", "добавь первый", "оформить заказ",
        "Иван Петров, +7 900 123 45 67, ivan@example.com, ул. Ленина 1, Москва", "да"})
    chat(c, "ru1", text);
  const json ivans = last_order(c, "api:ru1");
  ASSERT_FALSE(ivans.is_null());
  std::string listed;
  ASSERT_TRUE(waits_for([&] {
    listed = chat(c, "ru1", "что я заказывал?");
    return listed.find("Ваши последние заказы") != std::string::npos;
  })) << listed;
  EXPECT_NE(listed.find(ivans["order_id"].get<std::string>()), std::string::npos) << listed;
  EXPECT_EQ(server.terminate(), 0);
}

}  // namespace
}  // namespace parley
