// Which shopper conversation an alert to a manager was about, by the
// platform id the alert was delivered as: a manager who answers the alert
// (a platform "reply") is answering that conversation. Filled by the outbox
// feed from the log (notification.queued, then its delivery.part_sent), so
// a restart rebuilds it; bounded, the oldest forgotten first. Thread-safe.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace parley::channels {

class NoticeIndex {
 public:
  explicit NoticeIndex(size_t capacity = 20000) : capacity_(capacity) {}

  // An alert queued to (channel, recipient). Its id is "<message id>/m<i>"
  // with the message id "<conversation id>#<n>": other notifications (a
  // lead's) are not about a shopper and are ignored.
  void queued(const std::string& notice_id, const std::string& channel,
              const std::string& recipient);
  // Its part was delivered as `platform_message_id`.
  void sent(const std::string& notice_id, const std::string& platform_message_id);
  // The conversation of the alert a manager's message on (channel,
  // recipient) answers; "" if unknown.
  std::string conversation_of(const std::string& channel, const std::string& recipient,
                              const std::string& platform_message_id) const;

 private:
  struct Pending {
    std::string channel, recipient, conversation_id;
  };
  using Key = std::tuple<std::string, std::string, std::string>;
  void trim();

  const size_t capacity_;
  mutable std::mutex mu_;
  std::map<std::string, Pending> pending_;  // by notice id, until delivered
  std::deque<std::string> pending_order_;
  std::map<Key, std::string> delivered_;  // (channel, recipient, platform id) -> conversation
  std::deque<Key> delivered_order_;
};

}  // namespace parley::channels
