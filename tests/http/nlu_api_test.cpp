#include "http/nlu_api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace parley::http {
namespace {

using nlohmann::json;

HttpResponse parse(const std::string& body) {
  HttpRequest req;
  req.method = "POST";
  req.path = "/api/v1/nlu/parse";
  req.body = body;
  return handle_nlu_parse(req, "2026-11-22T10:00:00+05:30");
}

TEST(NluApi, AnswersTheContractShape) {
  auto r = parse(R"({"text":"add 3 of the second one","now":"2026-11-22T10:00:00+05:30"})");
  ASSERT_EQ(r.status, 200);
  auto j = json::parse(r.body);
  EXPECT_EQ(j["intent"], "add_to_cart");
  EXPECT_EQ(j["language"], "en");
  EXPECT_EQ(j["entities"]["quantity"], 3);
  EXPECT_EQ(j["entities"]["ordinal"], 2);
  EXPECT_GT(j["confidence"].get<double>(), 0.5);
}

TEST(NluApi, NowIsOptionalAndAnchorsDates) {
  auto r = parse(R"({"text":"Schedule demo for Acme Corp tomorrow 11am"})");
  EXPECT_EQ(json::parse(r.body)["entities"]["datetime"], "2026-11-23T11:00");
  r = parse(R"({"text":"Schedule demo for Acme Corp tomorrow 11am","now":"2026-12-31T09:00:00Z"})");
  EXPECT_EQ(json::parse(r.body)["entities"]["datetime"], "2027-01-01T11:00");
}

TEST(NluApi, EmptyTextIsOutOfScopeNotAnError) {
  auto r = parse(R"({"text":""})");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body)["intent"], "out_of_scope");
}

// Issue 17, item 2: 128k characters took 7 s; nothing over the cap is parsed.
TEST(NluApi, TextOverTheCapIs422) {
  auto r = parse(json{{"text", std::string(16 * 1024 + 1, 'a')}}.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "text_too_long");
}

TEST(NluApi, BadRequestsAre400) {
  EXPECT_EQ(parse("{nope").status, 400);
  EXPECT_EQ(parse("[]").status, 400);
  EXPECT_EQ(parse(R"({"txt":"hi"})").status, 400);
  EXPECT_EQ(parse(R"({"text":5})").status, 400);
  auto r = parse(R"({"text":"hi","now":"yesterday"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "invalid_field");
}

}  // namespace
}  // namespace parley::http
