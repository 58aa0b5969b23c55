#include "projections/log_follower.hpp"

#include "projections/fold_rule.hpp"

namespace parley::projections {

LogFollower::~LogFollower() {
  stop_following();
}

events::Status LogFollower::catch_up() {
  std::lock_guard lock(fold_mu_);
  uint64_t last = checkpoint_.load();
  bool changed = false;
  events::Status fold_error;
  auto st = store_.scan_all(last + 1, [&](const events::RecordView& r) {
    if (wants(r.type())) {  // others are skipped unparsed
      auto env = r.decode();
      if (!env) {
        fold_error = env.status();
        return false;
      }
      switch (fold_event(
          name(), r.position(), env->type, [&] { return apply(*env); }, &fold_error)) {
        case Folded::applied:
          changed = true;
          break;
        case Folded::skipped:
          skipped_.fetch_add(1);
          break;
        case Folded::stop:
          return false;
      }
    }
    last = r.position();
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
