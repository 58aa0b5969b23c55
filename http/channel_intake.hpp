// What happens to a verified, parsed webhook: each message becomes a chat
// turn on its conversation ("<platform>:<user>") and is answered only after
// it is durable; a redelivered platform id records nothing and replies
// nothing; each delivery status becomes an event on the conversation. A
// manager's "/handoff on|off|status <phone>" switches human mode. Messages over
// the inbound rate limits are recorded and answered with one polite notice.
// A team member's text goes to the CRM desk; the message and the desk's
// replies are recorded on the member's conversation like a script, so they
// leave through the outbox and a redelivery runs nothing twice.
// Replies leave through the outbox, which this wakes.
#pragma once

#include <chrono>
#include <functional>
#include <set>
#include <string>

#include "actors/engine.hpp"
#include "channels/channel.hpp"
#include "channels/outbox.hpp"
#include "channels/rate_limiter.hpp"
#include "crm/team_directory.hpp"
#include "projections/log_follower.hpp"

namespace parley::http {

struct IntakeOptions {
  std::chrono::milliseconds timeout{5000};
  // The typing indicator shows if a reply takes longer than this (PARLEY_TYPING_DELAY_MS).
  std::chrono::milliseconds typing_delay{300};
  bool mark_read = true;           // PARLEY_MARK_READ: read receipts where the platform has them
  std::set<std::string> managers;  // MANAGER_NUMBERS, digits only
  // A team member writing from a known phone or Telegram id is routed to the
  // CRM desk instead of the shopper flow: (channel, user id) -> the member.
  std::function<std::optional<crm::Principal>(const std::string&, const std::string&)> team_member;
  // The desk: (member, text, now) -> the replies.
  std::function<std::vector<std::string>(const crm::Principal&, const std::string&, int64_t)> crm;
};

struct IntakeReport {
  size_t messages = 0;    // recorded now
  size_t duplicates = 0;  // seen before: nothing recorded, nothing sent
  size_t rejected = 0;    // refused by the conversation (invalid text): never retried
  size_t statuses = 0;
  // Not ok: something could not be stored; the platform should deliver again.
  bool ok = true;
  int status = 200;
  std::string code, message;
};

class ChannelIntake {
 public:
  // `outbox` and `feed` may be null (tests without delivery).
  ChannelIntake(actors::Engine& engine, channels::Outbox* outbox, projections::LogFollower* feed,
                channels::RateLimiter& limiter, IntakeOptions options,
                std::function<int64_t()> now_us);

  IntakeReport accept(const channels::Adapter& adapter, const channels::Webhook& webhook);

 private:
  void message(const channels::Adapter& adapter, const channels::InboundMessage& m,
               IntakeReport* report);
  // The script answering a manager's /handoff command (runs the command).
  std::vector<std::string> handoff_command(const std::string& channel, const std::string& text,
                                           const std::string& manager, int64_t now);
  void fail(IntakeReport* report, const actors::EngineError& e);

  actors::Engine& engine_;
  channels::Outbox* outbox_;
  projections::LogFollower* feed_;
  channels::RateLimiter& limiter_;
  const IntakeOptions options_;
  const std::function<int64_t()> now_us_;
};

// "/handoff on +34 600 112 233" -> {"on", "34600112233"}; "/handoff off telegram:555" ->
// {"off", "telegram:555"}; false if the text is not a /handoff command.
bool parse_handoff_command(const std::string& text, std::string* action, std::string* target);

}  // namespace parley::http
