// The shop's knowledge with the real binary (issue 21): an admin uploads an
// English FAQ; shoppers ask in Russian, Spanish, Indonesian and Hinglish and
// get its passage quoted with the document's name, framed in their language; a
// question it does not cover is said honestly, with a person on offer; a
// commerce request is still a commerce request. Restarted, the server still
// quotes it (the document is events, the index is folded again).
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/chat.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Server;

constexpr const char* kAdmin = "admin-knowledge";

std::string say(httplib::Client& c, const std::string& user, const std::string& text) {
  return testing::chat_replies(c, user, text);
}

std::string faq() {
  std::ifstream in(PARLEY_SHOP_FAQ, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(KnowledgeE2E, ShoppersInFourLanguagesGetTheShopsOwnAnswerQuotedAndNothingInvented) {
  testing::TempDir dir;
  const std::vector<std::string> env = {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin};
  {
    Server server(dir.path(), env);
    httplib::Client c("127.0.0.1", server.port());
    auto up = c.Post("/api/v1/admin/knowledge?id=faq&title=Shop%20FAQ&format=faq_csv&language=en",
                     {{"Authorization", std::string("Bearer ") + kAdmin}}, faq(), "text/csv");
    ASSERT_TRUE(up && up->status == 201) << (up ? up->body : "no answer");

    const std::string delivery = "We ship across the country and internationally.";
    std::string r = say(c, "ru1", "сколько стоит доставка?");
    EXPECT_NE(r.find("Из «Shop FAQ»: " + delivery), std::string::npos) << r;
    // The citation is state: the sent message names the document and its line.
    auto view = c.Get("/api/v1/conversations/api:ru1",
                      {{"Authorization", std::string("Bearer ") + kAdmin}});
    ASSERT_TRUE(view && view->status == 200) << (view ? view->body : "no answer");
    const json messages = json::parse(view->body)["messages"];
    ASSERT_FALSE(messages.empty());
    EXPECT_EQ(messages.back().value("cited", ""), "faq:2") << "the FAQ's first row, line 2";
    r = say(c, "es1", "¿puedo devolver un producto?");
    EXPECT_NE(r.find("Según «Shop FAQ»: You can return or exchange"), std::string::npos) << r;
    r = say(c, "id1", "ongkir ke bali berapa?");
    EXPECT_NE(r.find("Dari “Shop FAQ”: " + delivery), std::string::npos) << r;
    r = say(c, "hi1", "store kab khulta hai?");
    EXPECT_NE(r.find("Our shop is open Monday to Saturday"), std::string::npos) << r;

    r = say(c, "en1", "what is your favourite colour?");
    EXPECT_NE(r.find("I can't answer that from what I know about the shop"), std::string::npos)
        << r;
    EXPECT_EQ(r.find("Shop FAQ"), std::string::npos) << "nothing quoted that does not answer";
    r = say(c, "en2", "I need something to fasten wood");
    EXPECT_EQ(r.find("Shop FAQ"), std::string::npos) << "a search stays a search: " << r;
    r = say(c, "en3", "how much do the red heels cost?");
    EXPECT_EQ(r.find("Shop FAQ"), std::string::npos) << "a price question about goods: " << r;
    EXPECT_EQ(server.terminate(), 0);
  }
  Server again(dir.path(), env);
  httplib::Client c("127.0.0.1", again.port());
  const std::string r = say(c, "ru2", "сколько стоит доставка?");
  EXPECT_NE(r.find("Из «Shop FAQ»"), std::string::npos) << "after a restart: " << r;
}

}  // namespace
}  // namespace parley
