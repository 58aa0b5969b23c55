#include "channels/media_fetch.hpp"

#include <fstream>
#include <map>
#include <system_error>

#include "net/http_call.hpp"

namespace parley::channels {

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr int kMaxSteps = 3;

bool starts(std::string_view data, std::string_view magic, size_t at = 0) {
  return data.size() >= at + magic.size() && data.substr(at, magic.size()) == magic;
}

// A name a file system takes whatever the platform's ids hold.
std::string safe_name(const std::string& id) {
  std::string out;
  for (char c : id.substr(0, 96)) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_';
    out += plain ? c : '_';
  }
  return out.empty() ? "_" : out;
}

std::string extension(const std::string& mime) {
  static const std::map<std::string, std::string> ext = {
      {"audio/ogg", "ogg"},   {"audio/mpeg", "mp3"},  {"audio/mp4", "m4a"},  {"audio/wav", "wav"},
      {"audio/amr", "amr"},   {"audio/webm", "webm"}, {"image/jpeg", "jpg"}, {"image/png", "png"},
      {"image/webp", "webp"}, {"image/gif", "gif"}};
  auto it = ext.find(mime);
  return it == ext.end() ? "bin" : it->second;
}

std::chrono::milliseconds left(Clock::time_point deadline) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
}

// Written beside and renamed: a reader never sees half a file.
std::string keep(const fs::path& root, const InboundMessage& m, const std::string& channel,
                 const std::string& mime, const std::string& data, int64_t at_us) {
  if (root.empty()) return "";
  const fs::path folder = media_folder(root, channel, m.user_id);
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return "";
  const std::string name =
      (m.platform_message_id.empty() ? std::to_string(at_us) : safe_name(m.platform_message_id)) +
      "." + extension(mime);
  const fs::path tmp = folder / (name + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) return "";
  }
  fs::rename(tmp, folder / name, ec);
  if (ec) return "";
  return fs::relative(folder / name, root, ec).generic_string();
}

}  // namespace

std::string sniff_mime(std::string_view d, const std::string& declared, const std::string& kind) {
  if (starts(d, "OggS")) return "audio/ogg";
  if (starts(d, "ID3") || (d.size() > 1 && static_cast<unsigned char>(d[0]) == 0xFF &&
                           (static_cast<unsigned char>(d[1]) & 0xE0) == 0xE0 &&
                           static_cast<unsigned char>(d[1]) != 0xD8))
    return "audio/mpeg";
  if (starts(d, "ftyp", 4)) return "audio/mp4";
  if (starts(d, "RIFF") && starts(d, "WAVE", 8)) return "audio/wav";
  if (starts(d, "RIFF") && starts(d, "WEBP", 8)) return "image/webp";
  if (starts(d, "#!AMR")) return "audio/amr";
  if (starts(d, "\x1A\x45\xDF\xA3")) return "audio/webm";
  if (starts(d, "\xFF\xD8\xFF")) return "image/jpeg";
  if (starts(d, "\x89PNG")) return "image/png";
  if (starts(d, "GIF8")) return "image/gif";
  const std::string type = declared.substr(0, declared.find(';'));
  if ((type.rfind("audio/", 0) == 0 || type.rfind("image/", 0) == 0) && type.size() < 64)
    return type;
  return kind == "voice" ? "audio/ogg" : "image/jpeg";
}

fs::path media_folder(const fs::path& root, const std::string& channel,
                      const std::string& user_id) {
  return root / "media" / safe_name(channel) / safe_name(user_id);
}

FetchedMedia fetch_media(const Adapter& adapter, const InboundMessage& m,
                         const MediaFetchOptions& options) {
  FetchedMedia out;
  out.file.kind = m.kind;
  auto call = m.attachment.empty() ? std::nullopt : adapter.media_call(m.attachment);
  if (!call) {
    out.error = "no_attachment";
    return out;
  }
  const auto deadline = Clock::now() + options.timeout;
  for (int step = 0; step < kMaxSteps; ++step) {
    call->max_response_bytes = options.max_bytes;
    const auto answer = net::send(*call, options.connect_timeout, left(deadline));
    if (answer.too_large) {
      out.error = "too_large";
      out.detail = answer.transport_error;
      return out;
    }
    MediaStep next = adapter.media_answer(step, answer);
    if (next.kind == MediaStep::Kind::failed) {
      out.detail = next.error;
      break;
    }
    if (next.kind == MediaStep::Kind::next) {
      *call = std::move(next.next);
      continue;
    }
    if (answer.body.empty()) break;
    auto type = answer.headers.find("content-type");
    out.file.mime =
        sniff_mime(answer.body, type == answer.headers.end() ? "" : type->second, m.kind);
    out.file.stored = keep(options.root, m, adapter.name(), out.file.mime, answer.body, m.at_us);
    out.file.data = answer.body;
    return out;
  }
  out.error = "download_failed";
  return out;
}

}  // namespace parley::channels
