// A manager answering a shopper from their own WhatsApp or Telegram: a
// "/reply <phone | channel:id> <text>" command, or a platform reply to an
// alert about the conversation (channels/notice_index.hpp). The text reaches
// the shopper as the manager's message (actors::OperatorReply, recorded with
// the author "manager:<id>", sent through the outbox), and the manager hears
// back in the team's language. The answers are brain/replies sentences.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/engine.hpp"

namespace parley::intake {

struct RelayCommand {
  std::string target;  // a phone's digits or "<channel>:<id>"; "" if none readable
  std::string text;    // what to send; "" if none
};

// "/reply +34600112233 Yes, in blue" -> {"34600112233", "Yes, in blue"};
// "/reply telegram:555 ok" -> {"telegram:555", "ok"}; nothing if the text is
// not a /reply command.
std::optional<RelayCommand> parse_reply_command(const std::string& text);

// Sends `text` to the conversation `target` names (a bare phone: on the
// manager's `channel`) as `manager`'s message; what came of it, in `language`.
std::vector<std::string> run_relay(actors::Engine& engine, const RelayCommand& command,
                                   const std::string& channel, const std::string& manager,
                                   const std::string& language, int64_t now_us,
                                   std::chrono::milliseconds timeout);

}  // namespace parley::intake
