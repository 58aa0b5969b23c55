#include "actors/persona_commands.hpp"

namespace parley::actors {

namespace persona = domain::persona;
using Kind = events::persona_codec::Stream;

PersonaCommands::PersonaCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                                 std::function<int64_t()> now_us)
    : store_(store), writer_(writer), now_us_(std::move(now_us)) {}

PersonaCommands::Outcome PersonaCommands::save(const std::string& language,
                                               const persona::Persona& p, const std::string& by) {
  // Its own rules first: a language outside the five is no stream to read.
  if (auto e = persona::validate(language, p)) {
    Outcome out;
    out.refused = *e;
    out.message = persona::to_string(*e);
    out.state = persona::initial_state(language);
    return out;
  }
  return events::run_command<Kind>(store_, writer_, language,
                                   persona::Save{language, p, by, now_us_()});
}

}  // namespace parley::actors
