#include "channels/notice_index.hpp"

namespace parley::channels {

void NoticeIndex::queued(const std::string& notice_id, const std::string& channel,
                         const std::string& recipient) {
  const size_t hash = notice_id.find('#');
  const size_t slash = notice_id.rfind("/m");
  if (hash == std::string::npos || slash == std::string::npos || slash < hash) return;
  std::lock_guard lock(mu_);
  if (pending_.emplace(notice_id, Pending{channel, recipient, notice_id.substr(0, hash)}).second)
    pending_order_.push_back(notice_id);
  trim();
}

void NoticeIndex::sent(const std::string& notice_id, const std::string& platform_message_id) {
  if (platform_message_id.empty()) return;
  std::lock_guard lock(mu_);
  auto it = pending_.find(notice_id);
  if (it == pending_.end()) return;
  Key key{it->second.channel, it->second.recipient, platform_message_id};
  if (delivered_.emplace(key, it->second.conversation_id).second)
    delivered_order_.push_back(std::move(key));
  trim();
}

std::string NoticeIndex::conversation_of(const std::string& channel, const std::string& recipient,
                                         const std::string& platform_message_id) const {
  std::lock_guard lock(mu_);
  auto it = delivered_.find(Key{channel, recipient, platform_message_id});
  return it == delivered_.end() ? "" : it->second;
}

void NoticeIndex::trim() {
  while (pending_order_.size() > capacity_) {
    pending_.erase(pending_order_.front());
    pending_order_.pop_front();
  }
  while (delivered_order_.size() > capacity_) {
    delivered_.erase(delivered_order_.front());
    delivered_order_.pop_front();
  }
}

}  // namespace parley::channels
