// The promotion codec: both events round-trip with every field and their
// time; the API's JSON reads a promotion, and a field it cannot read is named.
#include "events/promotion_codec.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "events/envelope_json.hpp"

namespace parley::events {
namespace {

using nlohmann::json;
namespace promotion = domain::promotion;

promotion::Promotion sample() {
  promotion::Promotion p;
  p.code = "SCREWS10";
  p.description = "10% off every screw";
  p.kind = promotion::Kind::amount;
  p.amount_cents = 550;
  p.currency = "EUR";
  p.starts_us = 1'795'000'000'000'000;
  p.ends_us = 1'796'000'000'000'000;
  p.skus = {"HW-SCR-001"};
  p.categories = {"Hardware > Screws"};
  return p;
}

EventEnvelope envelope(const std::string& type, const std::string& payload) {
  EventEnvelope env;
  env.entity_type = promotion::kEntityType;
  env.entity_id = "SCREWS10";
  env.seq = 1;
  env.position = 1;
  env.type = type;
  env.payload = payload;
  return env;
}

EventEnvelope stored_as(const NewEvent& stored) {
  EventEnvelope env = envelope(stored.type, stored.payload);
  env.timestamp_us = stored.timestamp_us;
  return env;
}

// The message of the status promotion_from_json answers for `text`.
std::string why_not(const std::string& text) {
  auto p = promotion_codec::promotion_from_json(json::parse(text));
  EXPECT_FALSE(p.ok()) << text;
  return p.ok() ? "" : p.status().message();
}

TEST(PromotionCodec, GivenASavedPromotionThenItRoundTripsWithEveryFieldAndItsTime) {
  const auto stored = promotion_codec::encode(promotion::PromotionSaved{sample(), "ana", 77});
  EXPECT_EQ(stored.type, promotion::types::kSaved);
  EXPECT_EQ(stored.timestamp_us, 77);
  EXPECT_TRUE(promotion_codec::is_promotion_event(stored.type));
  auto back = promotion_codec::decode(stored_as(stored));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  const auto& saved = std::get<promotion::PromotionSaved>(*back);
  EXPECT_EQ(saved.promotion, sample());
  EXPECT_EQ(saved.by, "ana");
  EXPECT_EQ(saved.at_us, 77);
}

TEST(PromotionCodec, GivenAnEndedPromotionThenItRoundTripsWithWhoAndWhen) {
  const auto stored = promotion_codec::encode(promotion::PromotionEnded{"ravi", 88});
  EXPECT_EQ(stored.type, promotion::types::kEnded);
  EXPECT_TRUE(promotion_codec::is_promotion_event(stored.type));
  auto back = promotion_codec::decode(stored_as(stored));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  const auto& ended = std::get<promotion::PromotionEnded>(*back);
  EXPECT_EQ(ended.by, "ravi");
  EXPECT_EQ(ended.at_us, 88);
}

TEST(PromotionCodec, GivenAStoredPayloadOfTheWrongShapeThenItIsCorruption) {
  auto code_of = [](const std::string& type, const std::string& payload) {
    return promotion_codec::decode(envelope(type, payload)).status().code();
  };
  EXPECT_EQ(code_of(promotion::types::kSaved, R"({"code":"X","kind":"bogo"})"),
            StoreErrc::corruption);
  EXPECT_EQ(code_of(promotion::types::kSaved, R"({"code":"X","kind":"percent","percent":1.8e20})"),
            StoreErrc::corruption);
  EXPECT_EQ(code_of(promotion::types::kSaved, "[]"), StoreErrc::corruption);
  EXPECT_EQ(code_of("promotion.unheard_of", "{}"), StoreErrc::not_found);
  EXPECT_FALSE(promotion_codec::is_promotion_event("knowledge.document_uploaded"));
}

TEST(PromotionCodec, GivenThePromotionAsTheApiShowsItThenItReadsBackTheSame) {
  const json shown = promotion_codec::promotion_to_json(sample());
  EXPECT_EQ(shown["amount"], 5.5);
  EXPECT_EQ(shown["amount_cents"], 550);
  EXPECT_EQ(shown["kind"], "amount");
  EXPECT_EQ(shown["starts_at"], format_timestamp(sample().starts_us));
  auto back = promotion_codec::promotion_from_json(shown);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(*back, sample());
  promotion::Promotion open = sample();
  open.starts_us = open.ends_us = 0;
  EXPECT_TRUE(promotion_codec::promotion_to_json(open)["ends_at"].is_null()) << "0: no end";
}

TEST(PromotionCodec, GivenTheApisShapeThenAnAmountInUnitsAndUtcTimesAreRead) {
  auto p = promotion_codec::promotion_from_json(json::parse(R"({
      "code": "winter", "kind": "amount", "amount": 5.5, "currency": "EUR",
      "starts_at": "2026-12-01T00:00:00Z", "ends_at": null,
      "skus": ["HW-1"], "categories": ["Hardware"]})"));
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_EQ(p->code, "winter") << "normalising is the decider's";
  EXPECT_EQ(p->kind, promotion::Kind::amount);
  EXPECT_EQ(p->amount_cents, 550);
  int64_t december = 0;
  ASSERT_TRUE(parse_timestamp("2026-12-01T00:00:00Z", &december));
  EXPECT_EQ(p->starts_us, december);
  EXPECT_EQ(p->ends_us, 0);
  EXPECT_EQ(p->skus, std::vector<std::string>{"HW-1"});
  EXPECT_EQ(p->categories, std::vector<std::string>{"Hardware"});
  auto percent = promotion_codec::promotion_from_json(json::parse(R"({"code":"TEN","kind":"percent",
                                                           "percent":10})"));
  ASSERT_TRUE(percent.ok()) << percent.status().to_string();
  EXPECT_EQ(percent->percent, 10);
  EXPECT_EQ(percent->currency, "");
}

TEST(PromotionCodec, GivenAFieldThatDoesNotReadThenTheErrorNamesIt) {
  auto names = [](const std::string& text, const std::string& field) {
    const std::string message = why_not(text);
    EXPECT_NE(message.find("'" + field + "'"), std::string::npos) << text << ": " << message;
  };
  names(R"({"kind":"percent","percent":10})", "code");
  names(R"({"code":7,"kind":"percent","percent":10})", "code");
  names(R"({"code":"TEN","percent":10})", "kind");
  names(R"({"code":"TEN","kind":"bogo","percent":10})", "kind");
  names(R"({"code":"TEN","kind":"percent","percent":"10"})", "percent");
  names(R"({"code":"TEN","kind":"percent","percent":12.5})", "percent");
  names(R"({"code":"TEN","kind":"percent","percent":18446744073709551615})", "percent");
  names(R"({"code":"TEN","kind":"amount","amount":"5","currency":"EUR"})", "amount");
  names(R"({"code":"TEN","kind":"amount","amount":1e300,"currency":"EUR"})", "amount");
  names(R"({"code":"TEN","kind":"amount","amount_cents":5.5,"currency":"EUR"})", "amount_cents");
  names(R"({"code":"TEN","kind":"amount","amount":5,"currency":978})", "currency");
  names(R"({"code":"TEN","kind":"percent","percent":10,"description":["x"]})", "description");
  names(R"({"code":"TEN","kind":"percent","percent":10,"starts_at":"tomorrow"})", "starts_at");
  names(R"({"code":"TEN","kind":"percent","percent":10,"ends_at":"2026-02-30T00:00:00Z"})",
        "ends_at");
  names(R"({"code":"TEN","kind":"percent","percent":10,"ends_at":1796000000})", "ends_at");
  names(R"({"code":"TEN","kind":"percent","percent":10,"skus":"HW-1"})", "skus");
  names(R"({"code":"TEN","kind":"percent","percent":10,"categories":[1]})", "categories");
  EXPECT_FALSE(promotion_codec::promotion_from_json(json::array()).ok());
}

}  // namespace
}  // namespace parley::events
