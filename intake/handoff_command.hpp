// A manager's "/handoff on|off|status <phone>" typed into a chat: the
// command read from the text, and the script answering it (the command run
// on the named conversation). The answers are brain/replies sentences.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actors/engine.hpp"

namespace parley::intake {

struct HandoffCommand {
  std::string action;  // "on", "off", "status", or what else was typed
  std::string target;  // a phone's digits, or "<channel>:<id>"; "" if none readable
};

// "/handoff on +34 600 112 233" -> {"on", "34600112233"}; "/handoff off telegram:555" ->
// {"off", "telegram:555"}; nothing if the text is not a /handoff command.
std::optional<HandoffCommand> parse_handoff_command(const std::string& text);

// A conversation as a manager names it: "telegram:555" stays, a phone in any
// form is its digits ("+34 600 112 233" -> "34600112233"); "" if unreadable.
std::string read_target(const std::string& text);
// The conversation a target names: itself, or a bare phone's on `channel`.
std::string target_conversation(const std::string& target, const std::string& channel);

// Runs the command for `manager` (writing on `channel`) and says what came of
// it in `language` (the team's).
std::vector<std::string> run_handoff_command(actors::Engine& engine, const HandoffCommand& command,
                                             const std::string& channel, const std::string& manager,
                                             const std::string& language, int64_t now_us,
                                             std::chrono::milliseconds timeout);

}  // namespace parley::intake
