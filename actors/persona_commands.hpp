// Saving the offline brain's persona in one language from a thread that may
// block (HTTP, the command line). One command on one stream
// (events/stream_command.hpp); a persona that breaks one of its rules, or a
// language outside the five, is refused before the log is read.
#pragma once

#include <functional>
#include <string>

#include "domain/persona.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"
#include "events/persona_codec.hpp"
#include "events/stream_command.hpp"

namespace parley::actors {

class PersonaCommands {
 public:
  using Outcome = events::StreamOutcome<events::persona_codec::Stream>;

  PersonaCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                  std::function<int64_t()> now_us);

  // Saves `p` as `language`'s persona; the same again writes nothing
  // (out.events empty), an empty one is the built-in voice again.
  Outcome save(const std::string& language, const domain::persona::Persona& p,
               const std::string& by);

 private:
  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  std::function<int64_t()> now_us_;
};

}  // namespace parley::actors
