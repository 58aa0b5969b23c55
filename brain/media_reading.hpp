// A shopper's voice note or photo as a language model read it (the "media"
// agent, assistant/media_reader.hpp, when a shop switches one on): the voice
// note's words, or the photo as a product search. Read on the caller's thread
// (channel intake) before the turn reaches its entity, which records it as
// conversation.media_read beside the message and decides the turn on its
// text. Unread (no model, a failed download or call), the shopper gets a
// polite answer in their language instead. Pure types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/llm_usage.hpp"

namespace parley::brain {

// The longest photo search a model may answer: a search, not a paragraph.
inline constexpr size_t kMaxPhotoSearchBytes = 200;

// A fetched file, as the platform gave it.
struct MediaFile {
  std::string kind;    // voice, image
  std::string mime;    // audio/ogg, image/jpeg … (sniffed when the platform did not say)
  std::string data;    // the bytes
  std::string stored;  // where it is kept, relative to PARLEY_DATA_DIR; "" if not kept
};

struct MediaReading {
  std::string kind;    // voice, image
  std::string stored;  // as MediaFile::stored
  std::string mime;
  int64_t bytes = 0;
  std::string text;   // the words, or the photo as a search; "" when unread
  std::string error;  // why unread: no_model, too_large, download_failed, nothing_read, or a
                      // provider error kind (timeout, auth …)
  std::string provider, model;                 // who read it
  std::vector<domain::llm_usage::Call> calls;  // every call made, failed ones too
};

// Asked on the caller's thread (never a CAF scheduler thread); blocks up to
// its own deadline.
class MediaReader {
 public:
  virtual ~MediaReader() = default;
  virtual bool hears() const = 0;  // a model writes down voice notes
  virtual bool sees() const = 0;   // a model reads photos
  // `language`: the shopper's, as far as it is known (en, es, ru, id, hi or
  // ""); `caption`: the text sent with a photo.
  virtual MediaReading read(const MediaFile& file, const std::string& language,
                            const std::string& caption, const std::string& conversation_id,
                            int64_t at_us) const = 0;
};

}  // namespace parley::brain
