// What happens to a verified, parsed webhook: each message becomes a chat
// turn on its conversation ("<platform>:<user>") and is answered only after
// it is durable; a redelivered platform id records nothing and replies
// nothing; each delivery status becomes an event on the conversation. A
// manager's "/handoff on|off|status <phone>" switches human mode, and a
// manager's "/reply <phone> <text>" or reply to an alert reaches the shopper. Messages over
// the inbound rate limits are recorded and answered with one polite notice.
// A shopper's voice note or photo is read by a model first, when one is
// switched on (the turn is then decided on its words). A team member's text goes to the CRM desk;
// the message and the desk's replies are recorded on the member's conversation like a script, so
// they leave through the outbox and a redelivery runs nothing twice. Replies leave through the
// outbox, which this wakes. Free of HTTP: webhook handlers (http/channel_api.cpp) and the long-poll
// loops (tools/) call it.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "actors/engine.hpp"
#include "channels/channel.hpp"
#include "channels/notice_index.hpp"
#include "channels/outbox.hpp"
#include "channels/rate_limiter.hpp"
#include "crm/team_directory.hpp"
#include "projections/log_follower.hpp"

namespace parley::intake {

struct IntakeOptions {
  std::chrono::milliseconds timeout{5000};
  // The typing indicator shows if a reply takes longer than this (PARLEY_TYPING_DELAY_MS).
  std::chrono::milliseconds typing_delay{300};
  bool mark_read = true;             // PARLEY_MARK_READ: read receipts where the platform has them
  std::set<std::string> managers;    // MANAGER_NUMBERS, digits only
  std::string team_language = "en";  // PARLEY_TEAM_LANGUAGE: what the managers read
  // A team member writing from a known phone or Telegram id is routed to the
  // CRM desk instead of the shopper flow: (channel, user id) -> the member.
  std::function<std::optional<crm::Principal>(const std::string&, const std::string&)> team_member;
  // The desk: (member, text, now) -> the replies.
  std::function<std::vector<std::string>(const crm::Principal&, const std::string&, int64_t)> crm;
  // A shopper's voice note or photo, fetched and read by a model
  // (intake/media_intake.hpp); unset or nullptr: answered politely unread.
  std::function<std::shared_ptr<const brain::MediaReading>(
      const channels::Adapter&, const channels::InboundMessage&, int64_t now)>
      read_media;
  // The alerts managers got, by platform id: a manager's reply to one is
  // relayed to its shopper (intake/manager_relay.hpp). nullptr: only /reply.
  const channels::NoticeIndex* notices = nullptr;
};

struct IntakeReport {
  size_t messages = 0;    // recorded now
  size_t duplicates = 0;  // seen before: nothing recorded, nothing sent
  size_t rejected = 0;    // refused by the conversation (invalid text): never retried
  size_t statuses = 0;
  // Set when something could not be stored: the platform should deliver
  // again (the edge maps it to its HTTP answer, http/engine_errors.hpp).
  std::optional<actors::EngineError> failure;
  bool ok() const { return !failure; }
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
  // The script a turn answers with instead of the brain, if any: a
  // manager's command, the CRM desk, a rate-limit notice.
  enum class Route { shopper, scripted, duplicate };
  Route route(const std::string& channel, const channels::InboundMessage& m, int64_t now,
              actors::ChatTurn* turn);

  actors::Engine& engine_;
  channels::Outbox* outbox_;
  projections::LogFollower* feed_;
  channels::RateLimiter& limiter_;
  const IntakeOptions options_;
  const std::function<int64_t()> now_us_;
};

}  // namespace parley::intake
