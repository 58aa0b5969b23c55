// Every lead's current state, for lists, tasks and name matching: folded from
// the log (lead.*) by a LogFollower and also updated directly with the state
// a lead entity answered, so the next message finds what this one created.
// Both paths carry the stream's version; the newest wins.
//
// Follow-up steps still pending are handed to the timer scheduler under the
// key "lead/<lead id>/<step id>"; sent or skipped ones are taken back.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "crm/lead_match.hpp"
#include "crm/timer_scheduler.hpp"
#include "domain/lead.hpp"
#include "projections/log_follower.hpp"

namespace parley::crm {

struct Task {
  std::string kind;  // meeting, demo, follow_up
  std::string lead_id, company, assignee;
  int64_t when_us = 0;
  std::string when_local;  // as the team said it (meetings, demos); "" for follow-ups
  std::string text;        // the note, or the follow-up's text
};

class LeadBook final : public projections::LogFollower {
 public:
  std::string_view name() const override { return "lead book"; }
  LeadBook(events::EventStore& store, TimerScheduler* timers);
  ~LeadBook() override { stop_following(); }

  void upsert(const domain::lead::State& lead);

  std::optional<domain::lead::State> get(const std::string& id) const;
  // By assignee and status ("" = any), newest first.
  std::vector<domain::lead::State> list(const std::string& assignee,
                                        const std::string& status) const;
  std::vector<NamedLead> names() const;
  bool exists(const std::string& id) const;
  // Scheduled meetings and demos and pending follow-ups of open leads with
  // from_us <= when < to_us, for one assignee ("" = everyone), by time.
  std::vector<Task> tasks(const std::string& assignee, int64_t from_us, int64_t to_us) const;

  static std::string timer_key(const std::string& lead_id, const std::string& step_id);
  // Splits a key made by timer_key; false if it is not one.
  static bool parse_timer_key(const std::string& key, std::string* lead_id, std::string* step_id);

 private:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t) override {}
  void put(domain::lead::State lead);  // holds mu_ exclusively

  TimerScheduler* timers_;
  mutable std::shared_mutex mu_;
  std::map<std::string, domain::lead::State> leads_;
};

}  // namespace parley::crm
