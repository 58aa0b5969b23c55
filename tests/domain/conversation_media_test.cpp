// A voice note's transcript or a photo's search, recorded beside the message
// it came with, given/when/then.
#include <gtest/gtest.h>

#include "domain/conversation.hpp"
#include "domain/limits.hpp"

namespace parley::domain::conversation {
namespace {

State given(const std::vector<Event>& history) {
  State s = initial_state("telegram:42");
  for (const auto& e : history) s = evolve(std::move(s), e);
  return s;
}

MessageReceived voice_note(std::string id) {
  Inbound in;
  in.channel = "telegram";
  in.user_id = "42";
  in.kind = "voice";
  in.attachment = "file-1";
  return {in, std::move(id), "901", 100};
}

MediaRead transcript(std::string message_id, std::string text) {
  return {std::move(message_id),
          "voice",
          "media/telegram/42/901.ogg",
          "audio/ogg",
          2048,
          std::move(text),
          "",
          "groq",
          "whisper-large-v3-turbo",
          200};
}

TEST(ConversationMedia, TheTranscriptOfTheLastMessageIsRecordedAsItWasRead) {
  const auto s = given({voice_note("telegram:42#1")});
  auto then = decide(s, RecordMediaRead{transcript("telegram:42#1", "quiero tres tornillos")});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  const auto& e = std::get<MediaRead>(then.value()[0]);
  EXPECT_EQ(e.text, "quiero tres tornillos");
  EXPECT_EQ(e.stored, "media/telegram/42/901.ogg");
  EXPECT_EQ(e.model, "whisper-large-v3-turbo");
  EXPECT_EQ(evolve(s, e), s) << "the turn is decided on the text; the state keeps nothing";
}

TEST(ConversationMedia, AnUnreadNoteIsRecordedWithWhy) {
  const auto s = given({voice_note("telegram:42#1")});
  MediaRead unread{"telegram:42#1", "voice", "", "", 0, "", "too_large", "", "", 200};
  auto then = decide(s, RecordMediaRead{unread});
  ASSERT_TRUE(then.ok());
  EXPECT_EQ(std::get<MediaRead>(then.value()[0]).error, "too_large");
}

TEST(ConversationMedia, OnlyTheLastMessageReceivedHasMediaToRecord) {
  EXPECT_EQ(decide(given({}), RecordMediaRead{transcript("telegram:42#1", "x")}).error(),
            Error::not_started);
  const auto s = given({voice_note("telegram:42#1")});
  EXPECT_EQ(decide(s, RecordMediaRead{transcript("telegram:42#0", "x")}).error(),
            Error::not_started);
}

TEST(ConversationMedia, ATranscriptOverTheCapOrNotUtf8IsRefused) {
  const auto s = given({voice_note("telegram:42#1")});
  EXPECT_EQ(
      decide(s, RecordMediaRead{transcript("telegram:42#1", std::string(kMaxTextBytes + 1, 'a'))})
          .error(),
      Error::invalid_text);
  EXPECT_EQ(decide(s, RecordMediaRead{transcript("telegram:42#1", "\xC3\x28")}).error(),
            Error::invalid_text);
  EXPECT_TRUE(
      decide(s, RecordMediaRead{transcript("telegram:42#1", std::string(kMaxTextBytes, 'a'))})
          .ok());
}

}  // namespace
}  // namespace parley::domain::conversation
