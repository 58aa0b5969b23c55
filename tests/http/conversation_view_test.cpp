// The conversation page's view: the delivery tick of each message Parley
// sent, joined from the outbox's record and the platform's reports.
#include "http/conversation_view.hpp"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "events/conversation_codec.hpp"

namespace parley::http {
namespace {

namespace conv = domain::conversation;
namespace delivery = domain::delivery;
using nlohmann::json;

constexpr const char* kId = "telegram:555";

// A stream of one shopper's message and the bot's two answers (#2 and #3).
class ConversationViewTicks : public ::testing::Test {
 protected:
  void SetUp() override {
    conv::MessageReceived in;
    in.message_id = "telegram:555#1";
    in.channel = "telegram";
    in.user_id = "555";
    in.text = "hola";
    in.at_us = 1'000'000;
    add(in);
    for (const char* id : {"telegram:555#2", "telegram:555#3"}) {
      conv::MessageSent out;
      out.message_id = id;
      out.channel = "telegram";
      out.user_id = "555";
      out.text = "answer";
      out.at_us = 2'000'000;
      add(out);
    }
  }

  void add(const conv::Event& e) {
    auto fresh = events::conversation_codec::encode(e);
    events::EventEnvelope env;
    env.entity_type = conv::kEntityType;
    env.entity_id = kId;
    env.seq = stream.size() + 1;
    env.position = env.seq;
    env.type = fresh.type;
    env.schema_version = fresh.schema_version;
    env.timestamp_us = fresh.timestamp_us;
    env.payload = fresh.payload;
    stream.push_back(env);
  }

  void report(const std::string& platform_id, const std::string& status) {
    add(conv::DeliveryStatusChanged{platform_id, status, 3'000'000});
  }

  static delivery::State sent(std::vector<std::string> platform_ids) {
    delivery::State s;
    s.parts = static_cast<uint32_t>(platform_ids.size());
    s.parts_done = s.parts;
    s.platform_message_ids = std::move(platform_ids);
    return s;
  }

  // The tick of each message shown, by id ("" for none).
  std::map<std::string, std::string> ticks() {
    DeliveryLookup lookup = [this](const std::string& id) -> std::optional<delivery::State> {
      auto r = records.find(id);
      if (r == records.end()) return std::nullopt;
      return r->second;
    };
    json view = conversation_view(kId, stream, 200, lookup);
    std::map<std::string, std::string> out;
    for (const auto& m : view["messages"]) out[m["id"]] = m.value("delivery_status", "");
    return out;
  }

  std::vector<events::EventEnvelope> stream;
  std::map<std::string, delivery::State> records;
};

TEST_F(ConversationViewTicks, GivenNoOutboxRecordThenNoMessageHasATick) {
  auto t = ticks();
  EXPECT_EQ(t["telegram:555#1"], "");
  EXPECT_EQ(t["telegram:555#2"], "");
  EXPECT_EQ(t["telegram:555#3"], "");
}

TEST_F(ConversationViewTicks, GivenTheOutboxSentAMessageThenItShowsSentAndOnlyIt) {
  records["telegram:555#2"] = sent({"77"});
  auto t = ticks();
  EXPECT_EQ(t["telegram:555#2"], "sent");
  EXPECT_EQ(t["telegram:555#3"], "");
  EXPECT_EQ(t["telegram:555#1"], "") << "a shopper's message has no tick";
}

TEST_F(ConversationViewTicks, GivenThePlatformReportsReadThenTheTickIsRead) {
  records["telegram:555#2"] = sent({"77"});
  report("77", "delivered");
  report("77", "read");
  EXPECT_EQ(ticks()["telegram:555#2"], "read");
}

TEST_F(ConversationViewTicks, GivenALateDeliveredAfterReadThenReadStays) {
  records["telegram:555#2"] = sent({"77"});
  report("77", "read");
  report("77", "delivered");
  EXPECT_EQ(ticks()["telegram:555#2"], "read");
}

TEST_F(ConversationViewTicks, GivenTwoPartsOneReadOneUnreportedThenTheLeastAdvancedCounts) {
  records["telegram:555#2"] = sent({"77", "78"});
  report("77", "read");
  EXPECT_EQ(ticks()["telegram:555#2"], "sent");
  report("78", "delivered");
  EXPECT_EQ(ticks()["telegram:555#2"], "delivered");
}

TEST_F(ConversationViewTicks, GivenAFailedReportOrADeadLetterThenTheTickIsFailed) {
  records["telegram:555#2"] = sent({"77"});
  report("77", "failed");
  records["telegram:555#3"].dead = true;
  auto t = ticks();
  EXPECT_EQ(t["telegram:555#2"], "failed");
  EXPECT_EQ(t["telegram:555#3"], "failed");
}

TEST_F(ConversationViewTicks, GivenOnlySomePartsSentThenTheTickIsSending) {
  delivery::State partial;
  partial.parts = 2;
  partial.parts_done = 1;
  partial.platform_message_ids = {"77"};
  records["telegram:555#2"] = partial;
  EXPECT_EQ(ticks()["telegram:555#2"], "sending");
}

TEST_F(ConversationViewTicks, GivenAReportForAnotherMessagesPlatformIdThenItDoesNotLeak) {
  records["telegram:555#2"] = sent({"77"});
  records["telegram:555#3"] = sent({"78"});
  report("77", "read");
  auto t = ticks();
  EXPECT_EQ(t["telegram:555#2"], "read");
  EXPECT_EQ(t["telegram:555#3"], "sent");
}

TEST_F(ConversationViewTicks, GivenALimitThenOnlyTheShownMessagesAreLookedUp) {
  std::vector<std::string> asked;
  DeliveryLookup counting = [&](const std::string& id) -> std::optional<delivery::State> {
    asked.push_back(id);
    return std::nullopt;
  };
  json view = conversation_view(kId, stream, 1, counting);
  ASSERT_EQ(view["messages"].size(), 1u);
  EXPECT_EQ(asked, std::vector<std::string>{"telegram:555#3"}) << "one read per shown message";
}

}  // namespace
}  // namespace parley::http
