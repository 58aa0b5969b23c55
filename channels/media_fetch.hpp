// A shopper's photo or voice note fetched from its platform: the adapter's
// media steps (at most three calls, each with the platform's auth), every
// answer capped at max_bytes, the file kept as
// <root>/media/<channel>/<user>/<message>.<ext> — one customer's files in
// one folder, so forgetting them is one removal. Blocks: runs on the channel
// intake's thread, never a CAF scheduler thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "brain/media_reading.hpp"
#include "channels/channel.hpp"

namespace parley::channels {

struct MediaFetchOptions {
  std::filesystem::path root;                // PARLEY_DATA_DIR; "" keeps no file
  size_t max_bytes = 16 * 1024 * 1024;       // PARLEY_MEDIA_MAX_BYTES
  std::chrono::milliseconds timeout{15000};  // all the steps together
  std::chrono::milliseconds connect_timeout{5000};
};

struct FetchedMedia {
  brain::MediaFile file;
  std::string error;   // "" when fetched: no_attachment, too_large, download_failed
  std::string detail;  // for the log: the platform's answer or the transport's error
  bool ok() const { return error.empty(); }
};

FetchedMedia fetch_media(const Adapter& adapter, const InboundMessage& message,
                         const MediaFetchOptions& options);

// What the bytes are, from their first bytes (OGG, MP3, MP4/M4A, WAV, AMR,
// WebM, JPEG, PNG, WebP, GIF), else the platform's Content-Type, else a
// default for the kind (audio/ogg, image/jpeg).
std::string sniff_mime(std::string_view data, const std::string& declared, const std::string& kind);

// The folder that holds a customer's media under `root`.
std::filesystem::path media_folder(const std::filesystem::path& root, const std::string& channel,
                                   const std::string& user_id);

}  // namespace parley::channels
