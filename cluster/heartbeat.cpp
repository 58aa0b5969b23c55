#include "cluster/heartbeat.hpp"

#include <cstdio>

namespace parley::cluster {

Heartbeat::Heartbeat(std::unique_ptr<Membership> members, std::string node_id, std::string address,
                     std::string peer, std::chrono::milliseconds lease,
                     std::function<uint64_t()> folded, Observer observe)
    : members_(std::move(members)),
      node_id_(std::move(node_id)),
      address_(std::move(address)),
      peer_(std::move(peer)),
      lease_(lease),
      folded_(std::move(folded)),
      observe_(std::move(observe)) {}

events::Status Heartbeat::beat() {
  if (auto st = members_->renew(node_id_, address_, peer_, lease_, folded_()); !st.ok()) return st;
  if (!observe_) return events::Status::Ok();
  auto all = members_->members();
  if (!all) return all.status();
  observe_(*all);
  return events::Status::Ok();
}

Heartbeat::~Heartbeat() {
  stop();
}

events::Status Heartbeat::start() {
  if (auto st = beat(); !st.ok()) return st;
  thread_ = std::thread([this] { run(); });
  return events::Status::Ok();
}

void Heartbeat::run() {
  bool failing = false;
  std::unique_lock lock(mu_);
  while (!wake_.wait_for(lock, lease_ / 3, [this] { return stopping_; })) {
    lock.unlock();
    const auto st = beat();
    if (!st.ok() && !failing)
      std::fprintf(stderr, "parley: cannot renew this node's lease: %s\n", st.to_string().c_str());
    else if (st.ok() && failing)
      std::fprintf(stderr, "parley: this node's lease is renewed again\n");
    failing = !st.ok();
    lock.lock();
  }
}

void Heartbeat::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  members_->leave(node_id_);
}

}  // namespace parley::cluster
