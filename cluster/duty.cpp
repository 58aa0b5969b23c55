#include "cluster/duty.hpp"

#include <cstdio>

#include "events/pg_client.hpp"

namespace parley::cluster {
namespace {

// The two-key form: pg_locks shows it as classid 23, objid 25, objsubid 2.
constexpr const char* kTake = "SELECT pg_try_advisory_lock(23, 25)";
constexpr const char* kHeld =
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = 23 AND "
    "objid = 25 AND objsubid = 2 AND pid = pg_backend_pid() AND granted)";

bool true_of(const events::pg::Result& r) {
  return r.ok() && r.rows() == 1 && r.bytes(0, 0) == std::string_view("\1", 1);
}

}  // namespace

Duty::Duty(std::string url, std::chrono::milliseconds retry, std::function<void()> acquired,
           std::function<void()> lost)
    : url_(std::move(url)), retry_(retry), acquired_(std::move(acquired)), lost_(std::move(lost)) {}

Duty::~Duty() {
  stop();
}

void Duty::start() {
  thread_ = std::thread([this] { run(); });
}

void Duty::halt() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Duty::release() {
  pool_.reset();  // the session ends: the lock is free
  held_ = false;
}

bool Duty::try_take() {
  if (!pool_) {
    auto pool = events::pg::Pool::open(url_, 1);
    if (!pool) return false;
    pool_ = std::move(pool).value();
  }
  auto c = pool_->get();
  return c && true_of(c.value()->exec(kTake));
}

bool Duty::still_held() {
  auto c = pool_->get();
  // A broken connection is dropped by the pool; a new one would not hold the lock.
  return c && true_of(c.value()->exec(kHeld));
}

void Duty::run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    if (!held_) {
      if (try_take()) {
        std::fprintf(stderr, "parley: this node runs the cluster's once-only work now\n");
        acquired_();
        held_ = true;  // after: held() means the duties were started
      }
    } else if (!still_held()) {
      held_ = false;
      std::fprintf(stderr, "parley: this node lost the cluster's once-only work\n");
      lost_();
      return;
    }
    lock.lock();
    wake_.wait_for(lock, retry_, [this] { return stopping_; });
  }
}

}  // namespace parley::cluster
