// Fetching a shopper's voice note or photo: the adapter's steps against a
// fake platform on loopback, the size cap, what the bytes are, and where the
// file is kept (one folder per customer, so forgetting is one removal).
#include "channels/media_fetch.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "channels/adapters.hpp"
#include "tests/support/fake_platform.hpp"

namespace parley::channels {
namespace {

using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
namespace fs = std::filesystem;

const std::string kOgg = std::string("OggS\0\x02", 6) + std::string(2000, 'v');

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("parley-media-" + std::to_string(::getpid()) + "-" +
                                               std::to_string(reinterpret_cast<uintptr_t>(this)));
  ~TempDir() { fs::remove_all(path); }
};

InboundMessage voice_note(const std::string& file_id) {
  InboundMessage m;
  m.channel = "telegram";
  m.user_id = "4242";
  m.platform_message_id = "901";
  m.kind = "voice";
  m.attachment = file_id;
  return m;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Telegram as it answers: getFile names the path, the file URL serves the bytes.
Answer telegram(const Recorded& r, const std::string& file) {
  if (r.path == "/botT0K/getFile")
    return {200, R"({"ok":true,"result":{"file_id":"v1","file_path":"voice/file_7.oga"}})"};
  if (r.path == "/file/botT0K/voice/file_7.oga") return {200, file};
  return {404, R"({"ok":false,"description":"Not Found"})"};
}

TEST(MediaFetch, ATelegramVoiceNoteIsFetchedInTwoStepsAndKeptInTheCustomersFolder) {
  FakePlatform platform([](const Recorded& r, size_t) { return telegram(r, kOgg); });
  auto adapter = make_telegram({"T0K", "", platform.base()});
  TempDir root;
  MediaFetchOptions options;
  options.root = root.path;

  auto got = fetch_media(*adapter, voice_note("v1"), options);

  ASSERT_TRUE(got.ok()) << got.error << " " << got.detail;
  EXPECT_EQ(got.file.kind, "voice");
  EXPECT_EQ(got.file.mime, "audio/ogg");  // sniffed: the platform said application/json
  EXPECT_EQ(got.file.data, kOgg);
  EXPECT_EQ(got.file.stored, "media/telegram/4242/901.ogg");
  EXPECT_EQ(read_file(root.path / got.file.stored), kOgg);
  EXPECT_EQ(media_folder(root.path, "telegram", "4242"), root.path / "media/telegram/4242");
  const auto seen = platform.requests();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].params.at("file_id"), "v1");
}

TEST(MediaFetch, AFileOverTheCapIsRefusedAndNothingIsKept) {
  FakePlatform platform(
      [](const Recorded& r, size_t) { return telegram(r, kOgg + std::string(100 * 1024, 'x')); });
  auto adapter = make_telegram({"T0K", "", platform.base()});
  TempDir root;
  MediaFetchOptions options;
  options.root = root.path;
  options.max_bytes = 64 * 1024;

  auto got = fetch_media(*adapter, voice_note("v1"), options);

  EXPECT_EQ(got.error, "too_large");
  EXPECT_TRUE(got.file.data.empty());
  EXPECT_FALSE(fs::exists(root.path / "media"));
}

TEST(MediaFetch, APlatformThatKnowsNoSuchFileIsADownloadFailureWithItsWords) {
  FakePlatform platform([](const Recorded&, size_t) {
    return Answer{400, R"({"ok":false,"description":"Bad Request: invalid file_id"})"};
  });
  auto adapter = make_telegram({"T0K", "", platform.base()});
  auto got = fetch_media(*adapter, voice_note("nope"), MediaFetchOptions{});
  EXPECT_EQ(got.error, "download_failed");
  EXPECT_NE(got.detail.find("invalid file_id"), std::string::npos);
}

TEST(MediaFetch, WithoutCredentialsOrAnAttachmentNothingIsAsked) {
  FakePlatform platform([](const Recorded&, size_t) { return Answer{}; });
  auto no_token = make_telegram({"", "", platform.base()});
  EXPECT_EQ(fetch_media(*no_token, voice_note("v1"), MediaFetchOptions{}).error, "no_attachment");
  auto adapter = make_telegram({"T0K", "", platform.base()});
  EXPECT_EQ(fetch_media(*adapter, voice_note(""), MediaFetchOptions{}).error, "no_attachment");
  EXPECT_EQ(platform.count(), 0u);
}

TEST(MediaFetch, WithoutADataFolderTheFileIsReadButNotKept) {
  FakePlatform platform([](const Recorded& r, size_t) { return telegram(r, kOgg); });
  auto adapter = make_telegram({"T0K", "", platform.base()});
  auto got = fetch_media(*adapter, voice_note("v1"), MediaFetchOptions{});
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got.file.stored, "");
  EXPECT_EQ(got.file.data, kOgg);
}

TEST(SniffMime, TheFirstBytesSayWhatAFileIsWhateverThePlatformDeclared) {
  EXPECT_EQ(sniff_mime("OggS....", "application/octet-stream", "voice"), "audio/ogg");
  EXPECT_EQ(sniff_mime("ID3\x04....", "", "voice"), "audio/mpeg");
  EXPECT_EQ(sniff_mime(std::string("\0\0\0\x20"
                                   "ftypM4A ",
                                   12),
                       "", "voice"),
            "audio/mp4");
  EXPECT_EQ(sniff_mime(std::string("RIFF\x10\0\0\0WAVEfmt ", 16), "", "voice"), "audio/wav");
  EXPECT_EQ(sniff_mime("#!AMR\n", "", "voice"), "audio/amr");
  EXPECT_EQ(sniff_mime("\xFF\xD8\xFF\xE0....", "audio/ogg", "image"), "image/jpeg");
  EXPECT_EQ(sniff_mime("\x89PNG\r\n\x1A\n", "", "image"), "image/png");
  EXPECT_EQ(sniff_mime(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), "", "image"), "image/webp");
  EXPECT_EQ(sniff_mime("????", "audio/aac; codecs=x", "voice"), "audio/aac");
  EXPECT_EQ(sniff_mime("????", "text/html", "voice"), "audio/ogg");
  EXPECT_EQ(sniff_mime("????", "", "image"), "image/jpeg");
}

}  // namespace
}  // namespace parley::channels
