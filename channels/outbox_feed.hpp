// The outbox's view of the log: follows the global log and hands the outbox
// every outbound message on a platform channel (conversation.message_sent of
// a "<platform>:<user>" conversation, notification.queued) and every delivery
// event, in log order. On start it replays from position 0, so the outbox
// knows what is still undelivered before it sends anything.
//
// Only a conversation a platform started is spoken to: one with a
// conversation.message_received that came from that platform's webhook or
// poller (not `via` the REST chat). Anything else is counted and dropped, so a
// REST client can never make the shop message a chat id of its choosing.
#pragma once

#include <atomic>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

#include "channels/outbox.hpp"
#include "projections/log_follower.hpp"

namespace parley::channels {

class OutboxFeed final : public projections::LogFollower {
 public:
  std::string_view name() const override { return "outbox feed"; }
  // `platforms`: the channels whose messages go out through the outbox.
  OutboxFeed(events::EventStore& store, Outbox& outbox, std::set<std::string> platforms);
  ~OutboxFeed() override;

  // Replies dropped because no platform started their conversation.
  uint64_t not_platform_started() const { return not_platform_started_.load(); }

 protected:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t) override {}

 private:
  bool on_platform(const std::string& conversation_id) const;

  Outbox& outbox_;
  const std::set<std::string> platforms_;
  std::unordered_set<std::string> platform_started_;  // the follower's thread only
  std::atomic<uint64_t> not_platform_started_{0};
};

}  // namespace parley::channels
