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
//
// Delivery events are read only until the outbox starts sending: from then
// on it writes every one of them and applies it itself, so reading them back
// was a decode and a lock per part for nothing (issue 22). The notice index
// gets a live part's platform id from the outbox (Outbox::on_part_recorded).
//
// A shopper who asked in the chat to be forgotten (conversation.customer_forgotten
// by "shopper", brain/shop_privacy.cpp) has their key erased here, once the
// feed has handed on the reply that follows it ("Done: erased"): erased
// earlier, that reply would be read from the log as "[erased]" and sent so.
#pragma once

#include <atomic>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

#include "channels/notice_index.hpp"
#include "channels/outbox.hpp"
#include "projections/log_follower.hpp"

namespace parley::channels {

class OutboxFeed final : public projections::LogFollower {
 public:
  std::string_view name() const override { return "outbox feed"; }
  // `platforms`: the channels whose messages go out through the outbox.
  OutboxFeed(events::EventStore& store, Outbox& outbox, std::set<std::string> platforms);
  ~OutboxFeed() override;

  // Erases a conversation's customer key (privacy/sealed_event_store.hpp);
  // unset: a shopper's request is recorded but their key stays. Set before
  // the feed starts.
  void set_erase_key(std::function<events::Status(const std::string& conversation_id)> erase) {
    erase_key_ = std::move(erase);
  }

  // Alerts to managers and the platform ids they were delivered as, for
  // relaying a manager's answer (channels/notice_index.hpp); unset: none.
  // Set before the feed and the outbox start.
  void set_notice_index(NoticeIndex* notices);

  // Replies dropped because no platform started their conversation.
  uint64_t not_platform_started() const { return not_platform_started_.load(); }

 protected:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t) override;

 private:
  bool on_platform(const std::string& conversation_id) const;

  Outbox& outbox_;
  const std::set<std::string> platforms_;
  std::unordered_set<std::string> platform_started_;  // the follower's thread only
  std::atomic<uint64_t> not_platform_started_{0};
  std::function<events::Status(const std::string&)> erase_key_;
  NoticeIndex* notices_ = nullptr;
  // Conversations forgotten by the shopper: waiting for their reply, then
  // for the end of the batch (the follower's thread only).
  std::set<std::string> erasure_awaits_reply_;
  std::set<std::string> erasure_due_;
};

}  // namespace parley::channels
