#include "intake/media_intake.hpp"

#include <cstdio>

#include "domain/conversation.hpp"

namespace parley::intake {

MediaIntake::MediaIntake(std::shared_ptr<const brain::MediaReader> reader,
                         channels::MediaFetchOptions options)
    : reader_(std::move(reader)), options_(std::move(options)) {}

std::shared_ptr<const brain::MediaReading> MediaIntake::read(const channels::Adapter& adapter,
                                                             const channels::InboundMessage& m,
                                                             int64_t at_us) const {
  if (!reader_) return nullptr;
  const bool voice = m.kind == "voice";
  if (!(voice ? reader_->hears() : m.kind == "image" && reader_->sees())) return nullptr;
  auto fetched = channels::fetch_media(adapter, m, options_);
  if (!fetched.ok()) {
    std::fprintf(stderr, "parley: %s %s from %s not fetched: %s %s\n", adapter.name().c_str(),
                 m.kind.c_str(), m.user_id.c_str(), fetched.error.c_str(), fetched.detail.c_str());
    auto unread = std::make_shared<brain::MediaReading>();
    unread->kind = m.kind;
    unread->error = fetched.error;
    return unread;
  }
  const auto id = domain::conversation::conversation_id(adapter.name(), m.user_id);
  return std::make_shared<const brain::MediaReading>(
      reader_->read(fetched.file, m.language_hint, m.text, id, at_us));
}

}  // namespace parley::intake
