// Saving and ending the shop's promotions from a thread that may block (HTTP,
// the command line): one command on the promotion's stream, ("promotion",
// <its code, upper case>) (events/stream_command.hpp). A promotion that breaks
// one of its rules, or a code that cannot be one, is refused before the log
// is read.
#pragma once

#include <functional>
#include <string>

#include "domain/promotion.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"
#include "events/promotion_codec.hpp"
#include "events/stream_command.hpp"

namespace parley::actors {

class PromotionCommands {
 public:
  using Outcome = events::StreamOutcome<events::promotion_codec::Stream>;

  PromotionCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                    std::function<int64_t()> now_us);

  // Saves `promotion` (normalised) under its code; the same one again while
  // it runs changes nothing (ok, no events).
  Outcome save(const domain::promotion::Promotion& promotion, const std::string& by);
  // Ends the promotion `code` names (any case); refused with not_found if it
  // was never saved; ending an ended one changes nothing.
  Outcome end(const std::string& code, const std::string& by);

 private:
  Outcome run(const std::string& code, const domain::promotion::Command& command);

  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  std::function<int64_t()> now_us_;
};

}  // namespace parley::actors
