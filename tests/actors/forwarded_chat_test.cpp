// A chat turn forwarded to its owner node and the answer back (issue 23):
// every field the owner decides on survives the trip, and a message that is
// not one is refused rather than read as an empty turn.
#include "actors/forwarded_chat.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace parley::actors {
namespace {

TEST(ForwardedChat, ATurnArrivesWithEverythingTheOwnerDecidesOn) {
  ChatTurn t;
  static_cast<domain::conversation::Inbound&>(t) =
      domain::conversation::text_message("telegram", "42", "hola, ¿tienen martillos?", "m-7");
  t.kind = "location";
  t.latitude = -6.2;
  t.longitude = 106.8;
  t.via = "api";
  t.request_id = "req-1";
  t.at_us = 1234567;
  t.scripted = true;
  t.script = {"one", "two"};
  t.notice = "slow_down";
  t.order_id = "ORD-XYZ";
  t.language_hint = "es";
  brain::MediaReading media;
  media.kind = "voice";
  media.text = "un martillo";
  media.calls.push_back({"openai", "whisper", "media", "telegram:42", 10, 0, 300, 1, "ok", 99});
  t.media = std::make_shared<const brain::MediaReading>(media);

  ChatTurn back;
  ASSERT_TRUE(decode_forwarded_turn(encode_forwarded_turn(t), &back));
  EXPECT_EQ(back.channel, "telegram");
  EXPECT_EQ(back.user_id, "42");
  EXPECT_EQ(back.text, t.text);
  EXPECT_EQ(back.platform_message_id, "m-7");
  EXPECT_EQ(back.kind, "location");
  EXPECT_DOUBLE_EQ(back.latitude, -6.2);
  EXPECT_DOUBLE_EQ(back.longitude, 106.8);
  EXPECT_EQ(back.via, "api");
  EXPECT_EQ(back.request_id, "req-1");
  EXPECT_EQ(back.at_us, 1234567);
  EXPECT_TRUE(back.scripted);
  EXPECT_EQ(back.script, t.script);
  EXPECT_EQ(back.notice, "slow_down");
  EXPECT_EQ(back.order_id, "ORD-XYZ");
  EXPECT_EQ(back.language_hint, "es");
  ASSERT_NE(back.media, nullptr);
  EXPECT_EQ(back.media->text, "un martillo");
  ASSERT_EQ(back.media->calls.size(), 1u);
  EXPECT_EQ(back.media->calls[0].latency_ms, 300);
  EXPECT_EQ(back.understood, nullptr);  // the owner understands it itself
}

TEST(ForwardedChat, TheOwnersAnswerComesBackWithItsRefusal) {
  EngineResult<ChatTurnResult> r;
  r.value.conversation_id = "api:ana";
  r.value.replies = {{"hi", {{"https://shop/p.jpg", "Hammer"}}}};
  r.value.duplicate = true;
  r.value.brain = "offline";
  r.error = EngineError::refused(domain::Refusal::of(domain::conversation::Error::text_too_long));
  EngineResult<ChatTurnResult> back;
  ASSERT_TRUE(decode_forwarded_result(encode_forwarded_result(r), &back));
  EXPECT_EQ(back.value.conversation_id, "api:ana");
  EXPECT_EQ(back.value.replies, r.value.replies);
  EXPECT_TRUE(back.value.duplicate);
  EXPECT_EQ(back.value.brain, "offline");
  EXPECT_TRUE(back.error.refused_with(domain::conversation::Error::text_too_long));

  EngineResult<ChatTurnResult> conflict;
  conflict.error = {EngineErrc::storage, "conflict", {}, events::StoreErrc::conflict};
  ASSERT_TRUE(decode_forwarded_result(encode_forwarded_result(conflict), &back));
  EXPECT_EQ(back.error.code, EngineErrc::storage);
  EXPECT_EQ(back.error.store, events::StoreErrc::conflict);
}

TEST(ForwardedChat, WhatIsNotAForwardedMessageIsRefused) {
  ChatTurn t;
  EngineResult<ChatTurnResult> r;
  for (const std::string bad : {"", "[]", "{}", "not json", R"({"channel": 7})"}) {
    EXPECT_FALSE(decode_forwarded_turn(bad, &t)) << bad;
    EXPECT_FALSE(decode_forwarded_result(bad, &r)) << bad;
  }
  // A field of the wrong type fails the whole turn, also where a lenient
  // reader would convert (1 for true, 1.5 for 1, a number too big for it).
  for (const auto& [key, value] :
       std::vector<std::pair<std::string, nlohmann::json>>{{"scripted", "yes"},
                                                           {"scripted", 1},
                                                           {"at_us", 1.5},
                                                           {"at_us", 18446744073709551615ull},
                                                           {"request_id", 7},
                                                           {"script", {1, 2}},
                                                           {"latitude", "north"}}) {
    auto turn = nlohmann::json::parse(encode_forwarded_turn(t));
    turn[key] = value;
    EXPECT_FALSE(decode_forwarded_turn(turn.dump(), &t)) << key << " " << value;
  }
  // An error code this build does not know is not taken for success.
  auto answer = nlohmann::json::parse(encode_forwarded_result(r));
  answer["error"]["code"] = 99;
  EXPECT_FALSE(decode_forwarded_result(answer.dump(), &r));
  answer = nlohmann::json::parse(encode_forwarded_result(r));
  answer["error"]["refusal"]["code"] = 300;  // an Error's value is one byte
  EXPECT_FALSE(decode_forwarded_result(answer.dump(), &r));
}

}  // namespace
}  // namespace parley::actors
