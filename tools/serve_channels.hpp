// The channel side of `parley serve`: the adapters from the settings, the
// outbox and its feed from the log, the intake with its rate limits, the
// routes, and the pollers. Start order: replay the outbox, start sending,
// follow the log; stop order is the reverse, before the writer stops.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "channels/outbox.hpp"
#include "channels/outbox_feed.hpp"
#include "channels/poller.hpp"
#include "channels/rate_limiter.hpp"
#include "http/channel_api.hpp"
#include "http/conversation_manage_api.hpp"
#include "intake/channel_intake.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

channels::Outbox::Adapters make_adapters(const Settings& settings);
// PARLEY_MANAGER_CHANNEL, else the first WhatsApp provider that can send, else "".
std::string manager_channel(const Settings& settings, const channels::Outbox::Adapters& adapters);

class ServeChannels {
 public:
  ServeChannels(const Settings& settings, channels::Outbox::Adapters adapters,
                events::EventStore& store, events::GroupCommitWriter& writer,
                actors::Engine& engine, const http::Authorizer& auth,
                decltype(intake::IntakeOptions::team_member) team_member = {},
                decltype(intake::IntakeOptions::crm) crm = {},
                decltype(intake::IntakeOptions::read_media) read_media = {});
  ~ServeChannels();  // stop()

  // Replays the undelivered messages from the log and starts sending.
  events::Status start_outbox();
  void register_routes(http::Router& router);
  // POST /api/v1/conversations/{id}/forget erases keys with this, and so
  // does the outbox feed when a shopper asked in the chat (before start_outbox).
  void set_forget_keys(decltype(http::ChannelApiContext::forget_keys) forget) {
    feed_->set_erase_key(forget);
    api_->forget_keys = std::move(forget);
  }
  void start_pollers();
  // Stops taking messages in (pollers); call with the edge, before the engine stops.
  void stop_pollers();
  void stop();

  channels::Outbox& outbox() { return *outbox_; }
  const projections::LogFollower& feed() const { return *feed_; }
  // Prometheus lines for the outbox.
  std::string metrics() const;

 private:
  const Settings& settings_;
  channels::Outbox::Adapters adapters_;
  actors::Engine& engine_;
  channels::NoticeIndex notices_;  // the managers' alerts, for their replies (outlives the feed)
  std::unique_ptr<channels::Outbox> outbox_;
  std::unique_ptr<channels::OutboxFeed> feed_;
  std::unique_ptr<channels::RateLimiter> limiter_;
  std::unique_ptr<intake::ChannelIntake> intake_;
  std::unique_ptr<http::ChannelApiContext> api_;
  std::unique_ptr<http::ConversationManageContext> manage_;  // label, archive
  std::vector<std::unique_ptr<channels::Poller>> pollers_;
  bool stopped_ = false;
};

}  // namespace parley::tools
