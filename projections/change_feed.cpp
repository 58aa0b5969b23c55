#include "projections/change_feed.hpp"

namespace parley::projections {

void ChangeFeed::publish(const std::vector<std::string>& ids, Kind kind) {
  if (ids.empty()) return;
  {
    std::lock_guard lock(mu_);
    for (const auto& id : ids) {
      kept_.push_back({++head_, id, kind});
      if (kept_.size() > kKeep) kept_.pop_front();
    }
  }
  changed_.notify_all();
}

ChangeFeed::Read ChangeFeed::since(uint64_t after, std::chrono::milliseconds wait) const {
  std::unique_lock lock(mu_);
  changed_.wait_for(lock, wait, [&] { return closed_ || head_ > after; });
  Read out;
  out.closed = closed_;
  if (head_ <= after) return out;
  const uint64_t oldest = kept_.empty() ? head_ + 1 : kept_.front().seq;
  if (after + 1 < oldest) {
    out.behind = true;
    return out;
  }
  for (auto it = kept_.begin() + static_cast<std::ptrdiff_t>(after + 1 - oldest); it != kept_.end();
       ++it)
    out.changes.push_back(*it);
  return out;
}

uint64_t ChangeFeed::head() const {
  std::lock_guard lock(mu_);
  return head_;
}

void ChangeFeed::close() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
  }
  changed_.notify_all();
}

}  // namespace parley::projections
