#include "events/conversation_codec.hpp"

#include <gtest/gtest.h>

#include "events/record_format.hpp"

namespace parley::events {
namespace {

namespace conv = domain::conversation;
namespace codec = conversation_codec;

EventEnvelope stored(const NewEvent& e) {
  return *RecordView(1, encode_record({"conversation", "api:u1"}, 1, e)).decode();
}

TEST(ConversationCodec, EventsRoundTripThroughTheLog) {
  conv::Event in = conv::MessageReceived{"api:u1#1", "api", "u1", "¿hola?", "m-1", "m-1", 77};
  auto ne = codec::encode(in);
  EXPECT_EQ(ne.type, "conversation.message_received");
  EXPECT_EQ(ne.causation_id, "m-1");
  EXPECT_EQ(ne.timestamp_us, 77);
  auto out = codec::decode(stored(ne));
  ASSERT_TRUE(out.ok());
  auto& m = std::get<conv::MessageReceived>(*out);
  EXPECT_EQ(m.text, "¿hola?");
  EXPECT_EQ(m.platform_message_id, "m-1");
  EXPECT_EQ(m.at_us, 77);

  conv::Event sent = conv::MessageSent{"api:u1#2", "api", "u1", "hi", "api:u1#1", 78};
  auto ns = codec::encode(sent);
  EXPECT_EQ(ns.causation_id, "api:u1#1");
  auto back = codec::decode(stored(ns));
  EXPECT_EQ(std::get<conv::MessageSent>(*back).in_reply_to, "api:u1#1");
}

TEST(ConversationCodec, ForeignAndBrokenEventsAreTold) {
  NewEvent other;
  other.type = "lead.created";
  other.payload = "{}";
  EXPECT_TRUE(codec::decode(stored(other)).status().is_not_found());
  NewEvent broken;
  broken.type = codec::kMessageSent;
  broken.payload = "{\"text\":1}";
  EXPECT_EQ(codec::decode(stored(broken)).status().code(), StoreErrc::corruption);
}

TEST(ConversationCodec, StateRoundTrips) {
  conv::State s = conv::initial_state("api:u1");
  s = conv::evolve(s, conv::MessageReceived{"api:u1#1", "api", "u1", "x", "", "", 5});
  auto back = codec::decode_state(codec::encode_state(s), codec::kStateSchema);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, s);
  EXPECT_EQ(codec::decode_state("{}", 99).status().code(), StoreErrc::corruption);
  EXPECT_EQ(codec::decode_state("not json", codec::kStateSchema).status().code(),
            StoreErrc::corruption);
}

// The notes were read through items() of a temporary that j.value() returned
// and that died before the loop ran: ASan's stack-use-after-scope in
// decode_state, on every snapshot load.
TEST(ConversationCodec, StateWithOrderNotesRoundTrips) {
  conv::State s = conv::initial_state("api:u1");
  s.order_notes["ORD-1"] = conv::OrderNote{"awaiting_payment", "https://pay.example/1", "", ""};
  s.order_notes["ORD-2"] = conv::OrderNote{"shipped", "", "", "TRACK-2"};
  auto back = codec::decode_state(codec::encode_state(s), codec::kStateSchema);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->order_notes, s.order_notes);
}

}  // namespace
}  // namespace parley::events
