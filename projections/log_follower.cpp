#include "projections/log_follower.hpp"

#include <cstdio>

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
      events::Status a = events::Status::Ok();
      try {
        a = apply(*env);
      } catch (const std::exception& ex) {
        a = events::Status::Corruption(ex.what());
      }
      if (a.code() == events::StoreErrc::corruption) {
        skipped_.fetch_add(1);
        std::fprintf(stderr, "parley: %.*s skipped event %llu (%s): %s\n",
                     static_cast<int>(name().size()), name().data(),
                     static_cast<unsigned long long>(r.position()), env->type.c_str(),
                     a.to_string().c_str());
      } else if (!a.ok()) {
        fold_error = a;
        return false;
      } else {
        changed = true;
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
