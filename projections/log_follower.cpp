#include "projections/log_follower.hpp"

#include "projections/fold_rule.hpp"
#include "projections/log_scan.hpp"

namespace parley::projections {

LogFollower::~LogFollower() {
  stop_following();
}

events::Status LogFollower::catch_up() {
  std::lock_guard lock(fold_mu_);
  uint64_t last = checkpoint_.load();
  bool changed = false;
  events::Status fold_error;
  const auto st = scan_log(
      store_, last, 0, [&](uint64_t, std::string_view type) { return wants(type); },
      [&](uint64_t position, const events::EventEnvelope& env, bool) {
        switch (fold_event(
            name(), position, env.type, [&] { return apply(env); }, &fold_error)) {
          case Folded::applied:
            changed = true;
            return true;
          case Folded::skipped:
            skipped_.fetch_add(1);
            return true;
          case Folded::stop:
            return false;
        }
        return false;
      },
      [&](uint64_t position) {
        last = position;
        return true;
      });
  if (changed) publish(last);
  checkpoint_.store(last);
  return st.ok() ? fold_error : st;
}

void LogFollower::start_following(std::chrono::milliseconds every) {
  follower_.start(every, [this] {
    if (store_.last_position() > checkpoint_.load()) catch_up();
  });
}

void LogFollower::wake() {
  follower_.wake();
}

void LogFollower::stop_following() {
  follower_.stop();
}

}  // namespace parley::projections
