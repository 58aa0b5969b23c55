// The customer merge codec (events/customer_merge_codec.hpp): the event
// round-trips with every field and its time; a payload without its key is
// corruption; other types are not its own.
#include "events/customer_merge_codec.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace parley::events {
namespace {

using nlohmann::json;
namespace customer_merge = domain::customer_merge;

EventEnvelope envelope(const std::string& type, const std::string& payload, int64_t at = 0) {
  EventEnvelope env;
  env.entity_type = customer_merge::kEntityType;
  env.entity_id = "phone:abc";
  env.seq = 1;
  env.position = 1;
  env.type = type;
  env.payload = payload;
  env.timestamp_us = at;
  return env;
}

TEST(CustomerMergeCodec, GivenAMergeThenItRoundTripsWithEveryFieldAndItsTime) {
  const customer_merge::CustomerMerged merged{
      "conversation:telegram:7", {"telegram:7", "whatsapp:34600111222"}, "operator:ravi", 77};
  const NewEvent stored = customer_merge_codec::encode(merged);
  EXPECT_EQ(stored.type, "customer.merged");
  EXPECT_EQ(stored.timestamp_us, 77) << "the event carries its own time";
  EXPECT_TRUE(customer_merge_codec::is_customer_merge_event(stored.type));
  const json payload = json::parse(stored.payload);
  EXPECT_EQ(payload["from_key"], "conversation:telegram:7");
  EXPECT_FALSE(payload.contains("into_key")) << "the key that stays is the stream's id";

  auto back = customer_merge_codec::decode(envelope(stored.type, stored.payload, 77));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  const auto& e = std::get<customer_merge::CustomerMerged>(*back);
  EXPECT_EQ(e.from_key, merged.from_key);
  EXPECT_EQ(e.conversations, merged.conversations);
  EXPECT_EQ(e.by, merged.by);
  EXPECT_EQ(e.at_us, 77);
}

TEST(CustomerMergeCodec, GivenAStoredPayloadOfTheWrongShapeThenItIsCorruption) {
  auto code_of = [](const std::string& payload) {
    return customer_merge_codec::decode(envelope("customer.merged", payload)).status().code();
  };
  EXPECT_EQ(code_of(R"({"conversations":[]})"), StoreErrc::corruption) << "no from_key";
  EXPECT_EQ(code_of(R"({"from_key":7})"), StoreErrc::corruption);
  EXPECT_EQ(code_of(R"({"from_key":"a","conversations":"api:1"})"), StoreErrc::corruption);
  EXPECT_EQ(code_of("[]"), StoreErrc::corruption);
  EXPECT_TRUE(customer_merge_codec::decode(envelope("customer.merged", R"({"from_key":"a"})")).ok())
      << "conversations may be absent";
  EXPECT_EQ(customer_merge_codec::decode(envelope("customer.renamed", "{}")).status().code(),
            StoreErrc::not_found);
  EXPECT_FALSE(customer_merge_codec::is_customer_merge_event("promotion.saved"));
}

}  // namespace
}  // namespace parley::events
