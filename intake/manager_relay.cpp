#include "intake/manager_relay.hpp"

#include "brain/replies.hpp"
#include "intake/handoff_command.hpp"

namespace parley::intake {

std::optional<RelayCommand> parse_reply_command(const std::string& text) {
  const std::string cmd = "/reply";
  if (text.compare(0, cmd.size(), cmd) != 0 ||
      (text.size() > cmd.size() && text[cmd.size()] != ' ' && text[cmd.size()] != '\n'))
    return std::nullopt;
  RelayCommand c;
  size_t at = text.find_first_not_of(" \n\t", cmd.size());
  if (at == std::string::npos) return c;
  const size_t end = std::min(text.find_first_of(" \n\t", at), text.size());
  c.target = read_target(text.substr(at, end - at));
  at = text.find_first_not_of(" \n\t", end);
  if (at != std::string::npos) c.text = text.substr(at);
  return c;
}

std::vector<std::string> run_relay(actors::Engine& engine, const RelayCommand& c,
                                   const std::string& channel, const std::string& manager,
                                   const std::string& language, int64_t now_us,
                                   std::chrono::milliseconds timeout) {
  using brain::Say;
  const auto say = [&](Say key, const std::vector<std::string>& args = {}) {
    return brain::say(language, key, args);
  };
  if (c.target.empty() || c.text.empty()) return {say(Say::relay_usage)};
  const std::string id = target_conversation(c.target, channel);
  // Only a conversation that exists: a manager's typo must not start one.
  if (!engine.exists(id)) return {say(Say::handoff_no_conversation, {id})};
  actors::OperatorReply reply;
  reply.text = c.text;
  reply.author = "manager:" + channel + ":" + manager;
  reply.at_us = now_us;
  auto r = engine.command(id, reply, timeout);
  if (!r.ok()) return {say(Say::relay_failed, {id, r.error.detail})};
  return {say(Say::relay_sent, {id})};
}

}  // namespace parley::intake
