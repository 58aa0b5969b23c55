// Conversations as things a shop manages, with the real binary (issue 21,
// point 4): a label the inbox finds, an archive a shopper leaves by writing
// again, and a shopper who asks in the chat to be forgotten — in Spanish,
// English and Russian — and is, once they say yes.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/chat.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Server;

constexpr const char* kAdmin = "admin-manage";
const httplib::Headers kAdminHeaders = {{"Authorization", std::string("Bearer ") + kAdmin}};

std::string chat(httplib::Client& c, const std::string& user, const std::string& text) {
  return testing::chat_replies(c, user, text);
}

// The ids of the inbox's rows for `query`, once `pred` holds of them (the
// views follow the log every 100 ms).
std::vector<std::string> inbox(httplib::Client& c, const std::string& query,
                               const std::function<bool(const std::vector<std::string>&)>& pred) {
  std::vector<std::string> ids;
  for (int i = 0; i < 100; ++i) {
    ids.clear();
    auto r = c.Get(("/api/v1/conversations?" + query).c_str(), kAdminHeaders);
    if (r && r->status == 200) {
      const json body = json::parse(r->body);
      for (const auto& row : body["conversations"]) ids.push_back(row["conversation_id"]);
    }
    if (pred(ids)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

httplib::Result put_label(httplib::Client& c, const std::string& id, const json& body,
                          const httplib::Headers& headers = kAdminHeaders) {
  return c.Put(("/api/v1/conversations/" + id + "/label").c_str(), headers, body.dump(),
               "application/json");
}

httplib::Result archive(httplib::Client& c, const std::string& id, bool archived) {
  return c.Post(("/api/v1/conversations/" + id + "/archive").c_str(), kAdminHeaders,
                json{{"archived", archived}}.dump(), "application/json");
}

TEST(ConversationsManageE2E, ALabelIsFoundAndAnArchivedChatReturnsWhenTheShopperWrites) {
  testing::TempDir dir;
  Server server(dir.path(), {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin});
  httplib::Client c("127.0.0.1", server.port());
  chat(c, "ana", "hola, busco tornillos para madera");
  chat(c, "bob", "hi, do you sell hammers?");

  auto r = put_label(c, "api:ana", {{"label", "Ana — Boda en Mayo"}});
  ASSERT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
  EXPECT_EQ(json::parse(r->body)["changed"], true);
  EXPECT_EQ(
      json::parse(put_label(c, "api:ana", {{"label", "Ana — Boda en Mayo"}})->body)["changed"],
      false);
  // Case and accents folded, as names are.
  auto found = inbox(c, "q=boda%20en%20mayo", [](const auto& ids) { return !ids.empty(); });
  EXPECT_EQ(found, std::vector<std::string>{"api:ana"});

  ASSERT_EQ(archive(c, "api:ana", true)->status, 200);
  auto shown = inbox(c, "", [](const auto& ids) { return !has(ids, "api:ana"); });
  EXPECT_FALSE(has(shown, "api:ana")) << "archived: out of the inbox";
  EXPECT_TRUE(has(shown, "api:bob"));
  EXPECT_EQ(inbox(c, "archived=true", [](const auto& ids) { return !ids.empty(); }),
            std::vector<std::string>{"api:ana"});
  EXPECT_EQ(inbox(c, "archived=all", [](const auto& ids) { return ids.size() == 2; }).size(), 2u);

  chat(c, "ana", "¿tenéis de 4 x 40?");
  shown = inbox(c, "", [](const auto& ids) { return has(ids, "api:ana"); });
  EXPECT_TRUE(has(shown, "api:ana")) << "a shopper who writes again is back";
  auto page = c.Get("/api/v1/conversations/api:ana", kAdminHeaders);
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(json::parse(page->body)["label"], "Ana — Boda en Mayo");
  EXPECT_EQ(json::parse(page->body)["archived"], false);

  EXPECT_EQ(put_label(c, "api:ana", {{"label", "x"}}, {})->status, 401);
  EXPECT_EQ(put_label(c, "api:nobody", {{"label", "x"}})->status, 404);
  EXPECT_EQ(put_label(c, "api:ana", {{"name", "x"}})->status, 400);
  auto too_long = put_label(c, "api:ana", {{"label", std::string(101, 'a')}});
  EXPECT_EQ(too_long->status, 422);
  EXPECT_NE(too_long->body.find("invalid_label"), std::string::npos) << too_long->body;
  EXPECT_EQ(c.Post("/api/v1/conversations/api:ana/archive", kAdminHeaders, "{\"archived\":1}",
                   "application/json")
                ->status,
            400);
}

// The shopper's words as the log keeps them, once `pred` holds (the key is
// erased by the outbox feed after the reply is handed on).
std::string events_of(httplib::Client& c, const std::string& id,
                      const std::function<bool(const std::string&)>& pred) {
  std::string body;
  for (int i = 0; i < 100; ++i) {
    auto r = c.Get(("/api/v1/conversations/" + id + "/events?limit=100").c_str(), kAdminHeaders);
    body = r ? r->body : "";
    if (r && r->status == 200 && pred(body)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return body;
}

TEST(ConversationsManageE2E, AShopperWhoAsksToBeForgottenAndSaysYesIsInThreeLanguages) {
  testing::TempDir dir;
  Server server(dir.path(), {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin});
  httplib::Client c("127.0.0.1", server.port());
  struct Case {
    std::string user, hello, request, yes, asked, done;
  };
  for (const Case& k : std::vector<Case>{
           {"carla", "hola, soy Carla Ruiz", "borra mis datos, por favor", "sí", "SÍ para borrar",
            "Hecho"},
           {"dan", "hi, I'm Dan Brooks", "please delete my data", "yes", "Reply YES", "Done"},
           {"olga", "здравствуйте, я Ольга Петрова", "удалите мои данные", "да", "Ответьте ДА",
            "Готово"}}) {
    chat(c, k.user, k.hello);
    EXPECT_NE(chat(c, k.user, k.request).find(k.asked), std::string::npos) << k.request;
    EXPECT_NE(chat(c, k.user, k.yes).find(k.done), std::string::npos) << k.yes;
    const std::string id = "api:" + k.user;
    const std::string events = events_of(
        c, id, [&](const std::string& b) { return b.find(k.hello) == std::string::npos; });
    EXPECT_EQ(events.find(k.hello), std::string::npos) << "still readable: " << events;
    EXPECT_NE(events.find("[erased]"), std::string::npos) << events;
    EXPECT_NE(events.find("\"by\":\"shopper\""), std::string::npos) << events;
  }
  // A "no" keeps everything.
  chat(c, "pia", "hi, I'm Pia Lund");
  chat(c, "pia", "delete my data");
  EXPECT_NE(chat(c, "pia", "no").find("nothing was erased"), std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto kept = c.Get("/api/v1/conversations/api:pia/events?limit=100", kAdminHeaders);
  EXPECT_NE(kept->body.find("Pia Lund"), std::string::npos) << kept->body;
}

}  // namespace
}  // namespace parley
