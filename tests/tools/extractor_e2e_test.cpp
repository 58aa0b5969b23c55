// The extractor agent at checkout with the real binary (issue 21, point 7):
// only the extractor is on a (fake) model; a shopper gives their delivery
// details in free text the rules read only part of (the city is a postcode);
// the model's reading fills the rest and the rules' own fields stay theirs; the conversation
// records them as checkout details, the order can be confirmed, and the call is billed under the
// agent "extractor".
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

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

constexpr const char* kAdmin = "admin-extractor";

httplib::Headers admin() {
  return {{"Authorization", std::string("Bearer ") + kAdmin}};
}

std::string said(httplib::Client& c, const std::string& text) {
  auto r =
      c.Post("/api/v1/chat", json{{"user_id", "marta"}, {"text", text}}.dump(), "application/json");
  EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
  std::string out;
  if (!r || r->status != 200) return out;
  const json answer = json::parse(r->body);
  for (const auto& m : answer["replies"]) out += m.value("text", "") + "\n";
  return out;
}

TEST(ExtractorE2E, AModelFillsTheDetailsTheRulesMissAtCheckout) {
  FakePlatform model([](const Recorded& r, size_t) {
    if (r.path != "/v1/chat/completions") return Answer{404, "{}"};
    const json content = {{"name", "Marta López"},
                          {"phone", "+34 600 111 222"},
                          {"email", "marta@example.com"},
                          {"address", "Calle Mayor 5, 2ºB"},
                          {"city", "Sevilla"}};
    return Answer{200, json{{"choices", {{{"message", {{"content", content.dump()}}}}}},
                            {"usage", {{"prompt_tokens", 120}, {"completion_tokens", 40}}}}
                           .dump()};
  });
  testing::TempDir dir;
  Server server(dir.path(), {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin, "OPENAI_API_KEY=sk-test",
                             "OPENAI_BASE_URL=" + model.base() + "/v1"});
  httplib::Client c("127.0.0.1", server.port());
  json config = {{"agents", {{"extractor", {{"provider", "openai"}, {"model", "gpt-4o-mini"}}}}}};
  ASSERT_EQ(c.Put("/api/v1/admin/config", admin(), config.dump(), "application/json")->status, 200);

  said(c, "I need wood screws");
  said(c, "add the first one");
  said(c, "checkout");
  EXPECT_EQ(model.count(), 0u) << "nothing is asked before the checkout waits for details";
  // The rules read the name, phone, e-mail and street; the city is only a postcode.
  const auto reply = said(c,
                          "It is for my sister Marta López, 600 111 222, marta@example.com. Her "
                          "flat is Calle Mayor 5, 2ºB, postcode 41001");
  ASSERT_EQ(model.count(), 1u);
  EXPECT_NE(reply.find("Sevilla"), std::string::npos) << "the confirmation repeats it: " << reply;

  auto events = json::parse(c.Get("/api/v1/conversations/api:marta/events", admin())->body);
  json details;
  for (const auto& e : events["events"])
    if (e["type"] == "checkout.details_provided") details = e["payload"];
  EXPECT_EQ(details.value("city", ""), "Sevilla") << events;
  EXPECT_EQ(details.value("address", ""), "Calle Mayor 5")
      << "the rules' reading wins: " << details;
  EXPECT_EQ(details.value("phone", ""), "600111222") << details;
  bool billed = false;
  for (int i = 0; i < 100 && !billed; ++i) {
    auto b = json::parse(c.Get("/api/v1/analytics/billing", admin())->body);
    for (const auto& u : b.value("usage", json::array()))
      billed = billed || u["agent"] == "extractor";
    if (!billed) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(billed);
}

}  // namespace
}  // namespace parley
