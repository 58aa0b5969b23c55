// Voice notes and photos end to end: the `parley` binary between fake
// platforms and a fake OpenAI on loopback. A shopper's voice note is fetched
// with the platform's auth, written down by the media agent and answered as
// text (Spanish on Telegram, Indonesian on WhatsApp); a photo with a caption
// becomes a search (Russian); with no model, a voice note gets the polite
// answer in the language the platform hints at, not English for everyone.
// Each asserts the log: conversation.media_read beside the message, the
// search it led to, and the file kept under PARLEY_DATA_DIR.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "channels/signatures.hpp"
#include "tests/support/channel_e2e.hpp"
#include "tests/support/fake_platform.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
using testing::Server;
using namespace testing::e2e;

std::string ogg(const std::string& marker) {
  return std::string("OggS\0\x02", 6) + marker;
}
std::string jpeg(const std::string& marker) {
  return "\xFF\xD8\xFF\xE0" + marker;
}

// Telegram, WhatsApp Cloud and OpenAI as one fake: files by marker, the
// transcript and the photo's search chosen by the file's marker.
struct FakeWorld {
  std::string base;
  Answer operator()(const Recorded& r, size_t n) const {
    if (r.path == "/botBOT/getFile") {
      const std::string id = r.params.count("file_id") ? r.params.at("file_id") : "";
      const std::string dir = id.find("photo") != std::string::npos ? "photos/" : "voice/";
      return {200, json{{"ok", true}, {"result", {{"file_path", dir + id + ".bin"}}}}.dump()};
    }
    if (r.path.rfind("/file/botBOT/voice/", 0) == 0) {
      const auto id = r.path.substr(19, r.path.size() - 19 - 4);
      return {200, ogg(id)};
    }
    if (r.path.rfind("/file/botBOT/photos/", 0) == 0) return {200, jpeg("boot")};
    if (r.path == "/v22.0/MEDIA-ID-1")  // WhatsApp's media object, then its bytes
      return {200, json{{"url", base + "/wa-media/1"}, {"mime_type", "audio/ogg"}}.dump()};
    if (r.path == "/wa-media/1") return {200, ogg("id-voice")};
    if (r.path == "/v1/audio/transcriptions") {
      const std::string file = r.form.count("file") ? r.form.at("file") : "";
      if (file.find("es-voice") != std::string::npos)
        return {200, R"({"text":"Hola, necesito tornillos para madera."})"};
      if (file.find("id-voice") != std::string::npos)
        return {200, R"({"text":"Kak, saya cari sekrup kayu"})"};
      return {200, R"({"text":"NONE"})"};
    }
    if (r.path == "/v1/chat/completions")  // the photo, as a search
      return {200, json{{"choices", {{{"message", {{"content", "шурупы по дереву"}}}}}},
                        {"usage", {{"prompt_tokens", 300}, {"completion_tokens", 6}}}}
                       .dump()};
    return platform_ok(r, n);
  }
};

struct MediaE2E : ::testing::Test {
  void start(bool with_model) {
    auto env = base_env(fake);
    if (with_model) {
      env.push_back("OPENAI_API_KEY=sk-test");
      env.push_back("OPENAI_BASE_URL=" + fake.base() + "/v1");
    }
    server = std::make_unique<Server>(dir.path(), env);
    client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
    client->set_default_headers({{"Authorization", std::string("Bearer ") + kAdmin}});
    if (with_model) {  // only the media agent: the offline brain answers
      json config = {{"agents", {{"media", {{"provider", "openai"}, {"model", "gpt-4o-mini"}}}}}};
      auto r = client->Put("/api/v1/admin/config", config.dump(), "application/json");
      ASSERT_EQ(r->status, 200) << r->body;
    }
  }
  json events(const std::string& conversation) {
    auto r = client->Get(("/api/v1/conversations/" + conversation + "/events").c_str());
    EXPECT_EQ(r->status, 200);
    return json::parse(r->body)["events"];
  }
  static const json* find(const json& events, const std::string& type) {
    for (const auto& e : events)
      if (e["type"] == type) return &e;
    return nullptr;
  }
  FakeWorld world;
  FakePlatform fake{[this](const Recorded& r, size_t n) { return world(r, n); }};
  testing::TempDir dir;
  std::unique_ptr<Server> server;
  std::unique_ptr<httplib::Client> client;
  void SetUp() override { world.base = fake.base(); }
};

json telegram_voice(int update, int64_t chat, const std::string& file_id, const char* lang) {
  json from = {{"id", chat}, {"first_name", "Ana"}};
  if (lang) from["language_code"] = lang;
  return {{"update_id", update},
          {"message",
           {{"message_id", update},
            {"date", 1700000000},
            {"chat", {{"id", chat}, {"type", "private"}}},
            {"from", from},
            {"voice", {{"file_id", file_id}, {"duration", 3}}}}}};
}

TEST_F(MediaE2E, ASpanishVoiceNoteOnTelegramIsWrittenDownAndAnsweredAsASearch) {
  start(true);
  ASSERT_EQ(post_telegram(*client, telegram_voice(3001, 501, "es-voice", "es").dump())->status,
            200);
  const auto log = events("telegram:501");
  const json* read = find(log, "conversation.media_read");
  ASSERT_NE(read, nullptr) << log;
  const json& p = (*read)["payload"];
  EXPECT_EQ(p["text"], "Hola, necesito tornillos para madera");
  EXPECT_EQ(p["kind"], "voice");
  EXPECT_EQ(p["mime"], "audio/ogg");
  EXPECT_EQ(p["model"], "gpt-4o-mini-transcribe");
  ASSERT_TRUE(p.contains("stored")) << p;
  EXPECT_EQ(p["stored"], "media/telegram/501/3001.ogg");
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/" + p["stored"].get<std::string>()));
  const json* search = find(log, "conversation.search_performed");
  ASSERT_NE(search, nullptr) << log;
  EXPECT_FALSE((*search)["payload"]["results"].empty()) << *search;
  // The reply is the offline brain's list, in Spanish, with the shopper's wood screws.
  ASSERT_TRUE(fake.wait_for([&](const auto&) { return count(fake, "sendMessage", "501") >= 1; }));
  EXPECT_GE(count(fake, "sendMessage", "Wood Screw"), 1u);
  // The getFile call carried the bot's token in its path; the transcription the key.
  bool keyed = false;
  for (const auto& r : fake.requests())
    if (r.path == "/v1/audio/transcriptions")
      keyed = r.headers.count("authorization") && r.headers.at("authorization") == "Bearer sk-test";
  EXPECT_TRUE(keyed);
  // A redelivery fetches and pays for nothing again.
  const size_t asked = fake.count();
  ASSERT_EQ(post_telegram(*client, telegram_voice(3001, 501, "es-voice", "es").dump())->status,
            200);
  size_t transcriptions = 0;
  for (const auto& r : fake.requests()) transcriptions += r.path == "/v1/audio/transcriptions";
  EXPECT_EQ(transcriptions, 1u);
  EXPECT_LE(fake.count(), asked + 2);  // at most typing noise, no download
}

TEST_F(MediaE2E, AnIndonesianVoiceNoteOnWhatsAppIsFetchedWithTheBearerAndSearched) {
  start(true);
  json message = {{"from", "6281234567890"},
                  {"id", "wamid.V1"},
                  {"type", "audio"},
                  {"audio", {{"id", "MEDIA-ID-1"}, {"mime_type", "audio/ogg; codecs=opus"}}}};
  json b = {{"object", "whatsapp_business_account"},
            {"entry", {{{"changes", {{{"value", {{"messages", {message}}}}}}}}}}};
  const auto body = b.dump();
  auto r = client->Post(
      "/webhooks/whatsapp",
      {{"X-Hub-Signature-256", "sha256=" + channels::hmac_sha256_hex("wa-secret", body)}}, body,
      "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  const auto log = events("whatsapp:6281234567890");
  const json* read = find(log, "conversation.media_read");
  ASSERT_NE(read, nullptr) << log;
  EXPECT_EQ((*read)["payload"]["text"], "Kak, saya cari sekrup kayu");
  ASSERT_NE(find(log, "conversation.search_performed"), nullptr) << log;
  size_t fetched = 0;
  for (const auto& q : fake.requests()) {
    if (q.path != "/v22.0/MEDIA-ID-1" && q.path != "/wa-media/1") continue;
    ++fetched;
    EXPECT_EQ(q.headers.at("authorization"), "Bearer wa-access") << q.path;
  }
  EXPECT_EQ(fetched, 2u);
}

TEST_F(MediaE2E, ARussianPhotoWithACaptionBecomesASearchForWhatItShows) {
  start(true);
  json update = {{"update_id", 3101},
                 {"message",
                  {{"message_id", 3101},
                   {"chat", {{"id", 502}, {"type", "private"}}},
                   {"from", {{"id", 502}, {"first_name", "Иван"}, {"language_code", "ru"}}},
                   {"photo", {{{"file_id", "photo-small"}}, {{"file_id", "photo-big"}}}},
                   {"caption", "такие есть?"}}}};
  ASSERT_EQ(post_telegram(*client, update.dump())->status, 200);
  const auto log = events("telegram:502");
  const json* read = find(log, "conversation.media_read");
  ASSERT_NE(read, nullptr) << log;
  EXPECT_EQ((*read)["payload"]["text"], "шурупы по дереву");
  EXPECT_EQ((*read)["payload"]["mime"], "image/jpeg");
  const json* search = find(log, "conversation.search_performed");
  ASSERT_NE(search, nullptr) << log;
  EXPECT_FALSE((*search)["payload"]["results"].empty()) << *search;
  // The model saw the photo and was told the shopper's language and words.
  bool told = false;
  for (const auto& q : fake.requests())
    if (q.path == "/v1/chat/completions") {
      const auto asked = json::parse(q.body);
      const std::string text = asked.dump();
      told = text.find("Russian") != std::string::npos &&
             text.find("data:image/jpeg;base64,") != std::string::npos;
    }
  EXPECT_TRUE(told);
}

TEST_F(MediaE2E, WithoutAModelAVoiceNoteIsAnsweredPolitelyInTheLanguageThePlatformHints) {
  start(false);
  ASSERT_EQ(post_telegram(*client, telegram_voice(3201, 503, "v", "ru").dump())->status, 200);
  ASSERT_TRUE(
      fake.wait_for([&](const auto&) { return count(fake, "sendMessage", "голосовые") == 1; }));
  json wa = {{"from", "919876543210"},
             {"id", "wamid.V2"},
             {"type", "audio"},
             {"audio", {{"id", "MEDIA-ID-2"}}}};
  json b = {{"object", "whatsapp_business_account"},
            {"entry", {{{"changes", {{{"value", {{"messages", {wa}}}}}}}}}}};
  const auto body = b.dump();
  ASSERT_EQ(client
                ->Post("/webhooks/whatsapp",
                       {{"X-Hub-Signature-256",
                         "sha256=" + channels::hmac_sha256_hex("wa-secret", body)}},
                       body, "application/json")
                ->status,
            200);
  ASSERT_TRUE(fake.wait_for(
      [&](const auto&) { return count(fake, "/messages", "voice note nahi sun") == 1; }));
  // Nothing was fetched, and nothing was read.
  for (const auto& q : fake.requests()) {
    EXPECT_NE(q.path, "/botBOT/getFile");
    EXPECT_NE(q.path, "/v22.0/MEDIA-ID-2");
  }
  EXPECT_EQ(find(events("telegram:503"), "conversation.media_read"), nullptr);
}

}  // namespace
}  // namespace parley
