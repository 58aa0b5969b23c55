// A shopper's voice note or photo made readable for its turn: fetched from
// the platform with its auth (channels/media_fetch.hpp: capped, kept under
// PARLEY_DATA_DIR) and read by the media agent (brain/media_reading.hpp).
// Nothing is fetched for a kind no model reads: the shopper then gets the
// polite answer, in their language, without a download. A failed download
// is a reading with its error, recorded beside the message like a success.
#pragma once

#include <memory>

#include "brain/media_reading.hpp"
#include "channels/media_fetch.hpp"

namespace parley::intake {

class MediaIntake {
 public:
  MediaIntake(std::shared_ptr<const brain::MediaReader> reader,
              channels::MediaFetchOptions options);

  // nullptr when nothing reads this kind of message (or it is neither voice
  // nor image): the turn goes on unread.
  std::shared_ptr<const brain::MediaReading> read(const channels::Adapter& adapter,
                                                  const channels::InboundMessage& message,
                                                  int64_t at_us) const;

 private:
  std::shared_ptr<const brain::MediaReader> reader_;
  channels::MediaFetchOptions options_;
};

}  // namespace parley::intake
