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
  conv::Event in = conv::MessageReceived{conv::text_message("api", "u1", "¿hola?", "m-1"),
                                         "api:u1#1", "m-1", 77};
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
  EXPECT_EQ(std::get<conv::MessageSent>(*back).cited, "");
  EXPECT_EQ(ns.payload.find("cited"), std::string::npos) << "absent when nothing was quoted";

  conv::MessageSent quoting{"api:u1#3", "api", "u1", "From “FAQ”: …", "api:u1#1", 79};
  quoting.cited = "faq:2";
  auto quoted = codec::decode(stored(codec::encode(quoting)));
  ASSERT_TRUE(quoted.ok());
  EXPECT_EQ(std::get<conv::MessageSent>(*quoted).cited, "faq:2");
}

TEST(ConversationCodec, TheTeamsEventsAndAnErasureRequestRoundTrip) {
  auto back = [](const conv::Event& e) {
    auto ne = codec::encode(e);
    EXPECT_EQ(ne.timestamp_us, 42);
    auto out = codec::decode(stored(ne));
    EXPECT_TRUE(out.ok());
    return *out;
  };
  const auto l = std::get<conv::ConversationLabelled>(
      back(conv::ConversationLabelled{"Ana — boda", "operator:ines", 42}));
  EXPECT_EQ(l.label, "Ana — boda");
  EXPECT_EQ(l.by, "operator:ines");
  EXPECT_EQ(l.at_us, 42);
  const auto a =
      std::get<conv::ConversationArchived>(back(conv::ConversationArchived{false, "op", 42}));
  EXPECT_FALSE(a.archived);
  EXPECT_EQ(a.by, "op");
  domain::Customer fix;
  fix.name = "Ana López";
  fix.city = "Sevilla";
  const auto d = std::get<conv::DetailsCorrected>(back(conv::DetailsCorrected{fix, "op", 42}));
  EXPECT_EQ(d.details, fix);
  EXPECT_EQ(d.by, "op");
  EXPECT_EQ(std::get<conv::ErasureRequested>(back(conv::ErasureRequested{42})).at_us, 42);
  const conv::MediaRead heard{
      "tg:1#3", "voice", "media/telegram/1/9.ogg", "audio/ogg", 2048, "хочу три шурупа",
      "",       "groq",  "whisper-large-v3-turbo", 42};
  const auto m = std::get<conv::MediaRead>(back(heard));
  EXPECT_EQ(m.message_id, "tg:1#3");
  EXPECT_EQ(m.text, "хочу три шурупа");
  EXPECT_EQ(m.stored, heard.stored);
  EXPECT_EQ(m.bytes, 2048);
  EXPECT_EQ(m.model, "whisper-large-v3-turbo");
  EXPECT_EQ(codec::encode(heard).type, "conversation.media_read");
  const auto unread = std::get<conv::MediaRead>(
      back(conv::MediaRead{"tg:1#4", "image", "", "", 0, "", "no_model", "", "", 42}));
  EXPECT_EQ(unread.error, "no_model");
  EXPECT_EQ(unread.text, "");
  EXPECT_EQ(codec::encode(conv::ErasureRequested{42}).type, "conversation.erasure_requested");
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
  s = conv::evolve(
      s, conv::MessageReceived{conv::text_message("api", "u1", "x", ""), "api:u1#1", "", 5});
  s = conv::evolve(s, conv::ConversationLabelled{"VIP", "op", 6});
  s = conv::evolve(s, conv::ConversationArchived{true, "op", 7});
  s = conv::evolve(s, conv::ErasureRequested{8});
  ASSERT_EQ(s.erasure_asked_at, 1u);
  auto back = codec::decode_state(codec::encode_state(s), codec::kStateSchema);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, s);
  EXPECT_EQ(codec::decode_state("{}", 99).status().code(), StoreErrc::corruption);
  EXPECT_EQ(codec::decode_state("not json", codec::kStateSchema).status().code(),
            StoreErrc::corruption);
}

// Found by fuzz/event_codecs (ASan: stack-use-after-scope): decode_state
// iterated `j.value("order_notes", …).items()`, a view into a temporary that
// is destroyed before the loop runs, so every snapshot with order notes was
// read from freed memory.
TEST(ConversationCodec, StateWithOrderNotesRoundTrips) {
  conv::State s = conv::initial_state("api:u1");
  s = conv::evolve(
      s, conv::MessageReceived{conv::text_message("api", "u1", "x", ""), "api:u1#1", "", 5});
  for (int i = 0; i < 8; ++i) {
    const std::string id = "ORD-" + std::string(40, static_cast<char>('A' + i));
    s.order_notes[id] = {"shipped", "https://pay.example.com/" + std::string(48, 'p'),
                         std::string(60, 'i'), "TRK-" + std::string(50, 't')};
  }
  auto back = codec::decode_state(codec::encode_state(s), codec::kStateSchema);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->order_notes, s.order_notes);
  EXPECT_EQ(*back, s);
}

}  // namespace
}  // namespace parley::events
