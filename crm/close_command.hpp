// "Acme won", "mark Acme Corp as lost.", "lost: for Acme" — a team member
// closing a lead. Read by one left-to-right pass over the words, linear in the
// text: the std::regex it replaces ((.+?) patterns) recursed per character and
// overflowed the stack on a 48 KB message (issue 17, item 1).
//
//   [mark|lead] <company> [as|is|ko] won|lost [.|!]
//   [lead] won|lost [:|-] [for] <company> [.|!]
//
// Words are separated by ASCII white space and compared without case; the
// company keeps the member's spelling.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parley::crm {

struct CloseCommand {
  std::string outcome;  // "won" or "lost", lower case
  std::string company;  // as written, trimmed
};

std::optional<CloseCommand> parse_close_command(std::string_view text);

}  // namespace parley::crm
