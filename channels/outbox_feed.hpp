// The outbox's view of the log: follows the global log and hands the outbox
// every outbound message on a platform channel (conversation.message_sent of
// a "<platform>:<user>" conversation, notification.queued) and every delivery
// event, in log order. On start it replays from position 0, so the outbox
// knows what is still undelivered before it sends anything.
#pragma once

#include <set>
#include <string>

#include "channels/outbox.hpp"
#include "projections/log_follower.hpp"

namespace parley::channels {

class OutboxFeed final : public projections::LogFollower {
 public:
  // `platforms`: the channels whose messages go out through the outbox.
  OutboxFeed(events::EventStore& store, Outbox& outbox, std::set<std::string> platforms);
  ~OutboxFeed() override;

 protected:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t) override {}

 private:
  Outbox& outbox_;
  const std::set<std::string> platforms_;
};

}  // namespace parley::channels
