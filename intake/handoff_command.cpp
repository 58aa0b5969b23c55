#include "intake/handoff_command.hpp"

#include <ctime>
#include <sstream>

#include "brain/replies.hpp"
#include "channels/adapters.hpp"
#include "domain/conversation.hpp"
#include "events/envelope_json.hpp"

namespace parley::intake {
namespace {

std::string utc_minute(int64_t at_us) {
  return events::format_utc(at_us, "%Y-%m-%d %H:%M UTC");
}

}  // namespace

std::optional<HandoffCommand> parse_handoff_command(const std::string& text) {
  std::istringstream in(text);
  std::string cmd;
  in >> cmd;
  if (cmd != "/handoff") return std::nullopt;
  HandoffCommand c;
  in >> c.action;
  std::string rest, word;
  while (in >> word) rest += word;
  c.target = read_target(rest);
  return c;
}

std::string read_target(const std::string& text) {
  // "telegram:555" names the conversation; a bare phone is on the manager's channel.
  if (auto colon = text.find(':'); colon != std::string::npos) {
    auto digits = channels::phone_digits(text.substr(colon + 1));
    return digits.empty() ? "" : text.substr(0, colon) + ":" + digits;
  }
  return channels::phone_digits(text);
}

std::string target_conversation(const std::string& target, const std::string& channel) {
  return target.find(':') != std::string::npos
             ? target
             : domain::conversation::conversation_id(channel, target);
}

std::vector<std::string> run_handoff_command(actors::Engine& engine, const HandoffCommand& c,
                                             const std::string& channel, const std::string& manager,
                                             const std::string& language, int64_t now_us,
                                             std::chrono::milliseconds timeout) {
  using brain::Say;
  const auto say = [&](Say key, const std::vector<std::string>& args = {}) {
    return brain::say(language, key, args);
  };
  if ((c.action != "on" && c.action != "off" && c.action != "status") || c.target.empty())
    return {say(Say::handoff_usage)};
  const std::string id = target_conversation(c.target, channel);
  actors::SetHandoff cmd{c.action == "on", c.action == "status", "manager:" + manager, now_us};
  auto r = engine.command(id, cmd, timeout);
  if (!r.ok()) {
    if (r.error.refused_with(domain::conversation::Error::not_started))
      return {say(Say::handoff_no_conversation, {id})};
    return {say(Say::handoff_failed, {id, r.error.detail})};
  }
  if (c.action == "status") {
    if (!r.value.handoff) return {say(Say::handoff_bot_answers, {id})};
    return {say(Say::handoff_human_since,
                {id, utc_minute(r.value.handoff_since_us), r.value.handoff_by})};
  }
  return {c.action == "on" ? say(Say::handoff_on, {id}) : say(Say::handoff_off, {id})};
}

}  // namespace parley::intake
