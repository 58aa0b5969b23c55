// The media agent: which model reads a photo or writes down a voice note (the
// admin's, else the preset's), what it is told, how its answer is cleaned,
// and that every call is kept for usage, failed ones too. The provider is a
// stub that records its requests.
#include "assistant/media_reader.hpp"

#include <gtest/gtest.h>

#include <mutex>

#include "events/memory_event_store.hpp"
#include "tests/assistant/stub_provider.hpp"

namespace parley::assistant {
namespace {

using Clock = std::chrono::steady_clock;
using testing::StubProvider;

struct MediaAgent : ::testing::Test {
  void with(const std::string& provider) {
    LlmDefaults d;
    d.provider = provider;
    d.available = {provider};
    settings = std::make_unique<LlmSettings>(store, writer, d);
    ASSERT_TRUE(settings->load().ok());
    stub = std::make_shared<StubProvider>(provider);
    reader = std::make_unique<ModelMediaReader>(
        *settings, std::map<std::string, std::shared_ptr<const llm::Provider>>{{provider, stub}},
        std::chrono::seconds(5));
  }
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  std::unique_ptr<LlmSettings> settings;
  std::shared_ptr<StubProvider> stub;
  std::unique_ptr<ModelMediaReader> reader;
};

const brain::MediaFile kBoot{"image", "image/jpeg", "\xFF\xD8\xFF photo", "media/telegram/1/5.jpg"};
const brain::MediaFile kNote{"voice", "audio/ogg", "OggS note", "media/telegram/1/6.ogg"};

TEST_F(MediaAgent, APhotoIsReadByThePresetsVisionModelInTheShoppersLanguage) {
  with("openai");
  ASSERT_TRUE(reader->sees());
  auto r = reader->read(kBoot, "ru", "такие есть в 38?", "telegram:1", 77);
  EXPECT_EQ(r.text, "black leather ankle boots");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.kind, "image");
  EXPECT_EQ(r.stored, "media/telegram/1/5.jpg");
  EXPECT_EQ(r.bytes, static_cast<int64_t>(kBoot.data.size()));
  ASSERT_EQ(stub->completions.size(), 1u);
  const auto& asked = stub->completions[0];
  EXPECT_EQ(asked.model, "gpt-4o-mini");
  EXPECT_EQ(asked.system, settings->prompt("describe_photo"));
  ASSERT_EQ(asked.messages.size(), 1u);
  EXPECT_NE(asked.messages[0].text.find("Russian"), std::string::npos);
  EXPECT_NE(asked.messages[0].text.find("такие есть в 38?"), std::string::npos);
  ASSERT_EQ(asked.messages[0].attachments.size(), 1u);
  EXPECT_EQ(asked.messages[0].attachments[0].mime, "image/jpeg");
  ASSERT_EQ(r.calls.size(), 1u);
  EXPECT_EQ(r.calls[0].agent, "media");
  EXPECT_EQ(r.calls[0].conversation_id, "telegram:1");
  EXPECT_EQ(r.calls[0].input_tokens, 12);
  EXPECT_EQ(r.calls[0].outcome, "ok");
}

TEST_F(MediaAgent, AVoiceNoteGoesToThePresetsTranscriptionModel) {
  with("groq");
  stub->answer = llm::Completion{"quiero tres tornillos para madera", {}, {}, "stop", "", 1};
  ASSERT_TRUE(reader->hears());
  auto r = reader->read(kNote, "", "", "whatsapp:34600", 77);
  EXPECT_EQ(r.text, "quiero tres tornillos para madera");
  EXPECT_EQ(r.model, "whisper-large-v3-turbo");
  ASSERT_EQ(stub->transcriptions.size(), 1u);
  EXPECT_EQ(stub->transcriptions[0].audio.data, kNote.data);
  EXPECT_TRUE(stub->completions.empty());
}

TEST_F(MediaAgent, GeminiHearsThroughItsChatModelWithTheTranscriptionPrompt) {
  with("gemini");
  stub->answer = llm::Completion{"saya mau pesan sepatu", {}, {}, "STOP", "", 1};
  auto r = reader->read(kNote, "id", "", "telegram:2", 77);
  EXPECT_EQ(r.text, "saya mau pesan sepatu");
  ASSERT_EQ(stub->completions.size(), 1u);
  EXPECT_EQ(stub->completions[0].system, settings->prompt("transcribe_voice"));
  EXPECT_EQ(stub->completions[0].messages[0].attachments.at(0).mime, "audio/ogg");
  EXPECT_TRUE(stub->transcriptions.empty());
}

TEST_F(MediaAgent, AProviderWithoutSuchAModelReadsNothingAndCallsNothing) {
  with("anthropic");  // sees photos, cannot hear
  EXPECT_TRUE(reader->sees());
  EXPECT_FALSE(reader->hears());
  auto r = reader->read(kNote, "en", "", "telegram:3", 77);
  EXPECT_EQ(r.error, "no_model");
  EXPECT_TRUE(r.calls.empty());
  EXPECT_TRUE(stub->completions.empty() && stub->transcriptions.empty());
}

TEST_F(MediaAgent, TheAdminsModelReadsPhotos) {
  with("openai");
  ASSERT_EQ(settings->configure({{"media", {"openai", "gpt-4o"}}}, "admin", 1).status, 0);
  reader->read(kBoot, "en", "", "telegram:4", 77);
  EXPECT_EQ(stub->completions.at(0).model, "gpt-4o");
}

TEST_F(MediaAgent, AFailedCallIsKeptWithItsOutcome) {
  with("openai");
  stub->answer = domain::fail(llm::Error{llm::ErrorCode::timeout, "slow", 0, 1});
  auto r = reader->read(kBoot, "en", "", "telegram:5", 77);
  EXPECT_EQ(r.text, "");
  EXPECT_EQ(r.error, "timeout");
  ASSERT_EQ(r.calls.size(), 1u);
  EXPECT_EQ(r.calls[0].outcome, "timeout");
}

TEST(CleanedReading, OneLineWithoutQuotesOrAFinalStopAndNoneIsNothing) {
  EXPECT_EQ(cleaned_reading("  \"Black leather boots.\"\n", 200), "Black leather boots");
  EXPECT_EQ(cleaned_reading("line one\nline two", 200), "line one line two");
  EXPECT_EQ(cleaned_reading("Wait...", 200), "Wait...");
  EXPECT_EQ(cleaned_reading("NONE", 200), "");
  EXPECT_EQ(cleaned_reading("   ", 200), "");
  EXPECT_EQ(cleaned_reading(std::string(201, 'a'), 200), "");
}

}  // namespace
}  // namespace parley::assistant
