// Photos and voice notes on each provider's wire: a photo as OpenAI's data:
// URL part, Anthropic's base64 image block and Gemini's inline_data (which
// takes audio too); a voice note to OpenAI-compatible /audio/transcriptions
// as multipart form data, retried like a completion; and the providers that
// cannot transcribe saying so without a call.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "llm/provider.hpp"
#include "llm/wire.hpp"
#include "tests/support/fake_platform.hpp"

namespace parley::llm {
namespace {

using nlohmann::json;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
using Clock = std::chrono::steady_clock;

const std::string kJpeg = "\xFF\xD8\xFF\xE0photo";
const std::string kOgg = std::string("OggS\0\x02voice", 11);

CompletionRequest photo_request() {
  CompletionRequest r;
  r.model = "vision-1";
  r.system = "Name the product.";
  r.messages.push_back({Message::Role::user, "Language: Russian"});
  r.messages.back().attachments.push_back({"image/jpeg", kJpeg});
  return r;
}

json body_of(const Wire& wire, const CompletionRequest& r) {
  return json::parse(wire.build({"http://api", "k"}, r, false).body);
}

TEST(Base64, EncodesAsTheStandardAlphabetWithPadding) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("M"), "TQ==");
  EXPECT_EQ(base64("Ma"), "TWE=");
  EXPECT_EQ(base64("Man"), "TWFu");
  EXPECT_EQ(base64("\xFF\xFE"), "//4=");
}

TEST(MediaWire, OpenAiSendsAPhotoAsADataUrlPartAfterTheText) {
  auto body = body_of(*openai_wire(), photo_request());
  const json& content = body["messages"][1]["content"];
  ASSERT_TRUE(content.is_array());
  EXPECT_EQ(content[0], json({{"type", "text"}, {"text", "Language: Russian"}}));
  EXPECT_EQ(content[1]["type"], "image_url");
  EXPECT_EQ(content[1]["image_url"]["url"], "data:image/jpeg;base64," + base64(kJpeg));
  // Without attachments the content stays a plain string.
  CompletionRequest text;
  text.messages.push_back({Message::Role::user, "hola"});
  EXPECT_EQ(body_of(*openai_wire(), text)["messages"][0]["content"], "hola");
}

TEST(MediaWire, AnthropicSendsAPhotoAsABase64ImageBlockBeforeTheText) {
  auto body = body_of(*anthropic_wire(), photo_request());
  const json& content = body["messages"][0]["content"];
  ASSERT_EQ(content.size(), 2u);
  EXPECT_EQ(content[0],
            json({{"type", "image"},
                  {"source",
                   {{"type", "base64"}, {"media_type", "image/jpeg"}, {"data", base64(kJpeg)}}}}));
  EXPECT_EQ(content[1]["text"], "Language: Russian");
}

TEST(MediaWire, GeminiSendsAudioInlineAndNoEmptyTextPart) {
  CompletionRequest r;
  r.model = "gemini-2.0-flash";
  r.messages.push_back({Message::Role::user, ""});
  r.messages.back().attachments.push_back({"audio/ogg", kOgg});
  auto body = body_of(*gemini_wire(), r);
  const json& parts = body["contents"][0]["parts"];
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0],
            json({{"inline_data", {{"mime_type", "audio/ogg"}, {"data", base64(kOgg)}}}}));
}

std::unique_ptr<Provider> provider(const std::string& name, const std::string& base) {
  ProviderSettings s;
  s.name = name;
  s.base_url = base;
  s.api_key = "sk-test";
  s.retry.base_delay = std::chrono::milliseconds(1);
  return make_provider(s);
}

TEST(Transcription, AVoiceNoteGoesAsMultipartFormDataAndItsTextComesBack) {
  FakePlatform api([](const Recorded&, size_t) {
    return Answer{
        200,
        R"({"text":"quiero tres tornillos","usage":{"type":"tokens","input_tokens":41,"output_tokens":6}})"};
  });
  auto r = provider("groq", api.base())
               ->transcribe({"whisper-large-v3-turbo", {"audio/ogg", kOgg}, "es"},
                            Clock::now() + std::chrono::seconds(5));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r.value().text, "quiero tres tornillos");
  EXPECT_EQ(r.value().usage.input_tokens, 41);
  EXPECT_EQ(r.value().usage.output_tokens, 6);
  EXPECT_EQ(r.value().model, "whisper-large-v3-turbo");

  const auto seen = api.requests().at(0);
  EXPECT_EQ(seen.path, "/audio/transcriptions");
  EXPECT_EQ(seen.headers.at("authorization"), "Bearer sk-test");
  EXPECT_EQ(seen.headers.at("content-type").rfind("multipart/form-data; boundary=", 0), 0u);
}

// (The fake server parses form data away, so the body is read as built.)
TEST(Transcription, TheFormNamesTheModelTheLanguageAndAFileWhoseNameSaysItsFormat) {
  auto call = openai_wire()->build_transcription(
      {"http://api/v1", "k"}, {"whisper-1", {"audio/mpeg", "ID3-parley-form-0-7f3a9c"}, "es"});
  ASSERT_TRUE(call);
  EXPECT_EQ(call->url, "http://api/v1/audio/transcriptions");
  const std::string type = call->headers.at(0).second;
  ASSERT_EQ(type.rfind("multipart/form-data; boundary=", 0), 0u);
  const std::string boundary = type.substr(type.find('=') + 1);
  EXPECT_EQ(boundary, "parley-form-1-7f3a9c");  // the first one occurs in the file
  EXPECT_EQ(call->body,
            "--" + boundary +
                "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                "--" +
                boundary +
                "\r\nContent-Disposition: form-data; name=\"response_format\"\r\n\r\n"
                "json\r\n--" +
                boundary +
                "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nes\r\n"
                "--" +
                boundary +
                "\r\nContent-Disposition: form-data; name=\"file\"; "
                "filename=\"voice.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n"
                "ID3-parley-form-0-7f3a9c\r\n--" +
                boundary + "--\r\n");
}

TEST(Transcription, AServerErrorIsRetriedAndAMissingTextIsABadResponse) {
  FakePlatform api([](const Recorded&, size_t nth) {
    return nth == 1 ? Answer{503, R"({"error":{"message":"busy"}})"}
                    : Answer{200, R"({"words":1})"};
  });
  auto r = provider("openai", api.base())
               ->transcribe({"gpt-4o-mini-transcribe", {"audio/ogg", kOgg}, ""},
                            Clock::now() + std::chrono::seconds(5));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::bad_response);
  EXPECT_EQ(r.error().attempts, 2);
  EXPECT_EQ(api.count(), 2u);
}

TEST(Transcription, ProvidersWithoutAnEndpointSaySoWithoutACall) {
  FakePlatform api([](const Recorded&, size_t) { return Answer{}; });
  for (const char* name : {"anthropic", "gemini"}) {
    auto r =
        provider(name, api.base())
            ->transcribe({"m", {"audio/ogg", kOgg}, ""}, Clock::now() + std::chrono::seconds(5));
    ASSERT_FALSE(r) << name;
    EXPECT_EQ(r.error().code, ErrorCode::bad_request) << name;
  }
  EXPECT_EQ(api.count(), 0u);
}

}  // namespace
}  // namespace parley::llm
