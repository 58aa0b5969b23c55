// Durable timers and nudges: one row per timer, from the events that
// schedule and settle them.
//   "nudge/<nudge id>"             a shopper nudge: conversation_id, channel,
//                                  number, due_us, state (scheduled, sent,
//                                  skipped, cancelled), reason, template,
//                                  scheduled_us, settled_us
//   "follow_up/<lead id>/<step>"   a lead's follow-up step: lead_id, assignee
//                                  (the lead's owner while pending), index,
//                                  due_us, state, reason, sent_to
//   "owner/<lead id>"              the fold's memory: the lead's assignee
// The row key is the timer's key. Every change is handed to `on_change`
// after it is durable: (key, due_us) for a scheduled timer, (key, nullopt)
// for one that is settled. At load, every scheduled timer is handed on, so a
// restarted scheduler wakes overdue timers at once.
#pragma once

#include <functional>
#include <optional>
#include <unordered_map>

#include "projections/calendar.hpp"
#include "projections/projection.hpp"
#include "projections/row_filter.hpp"

namespace parley::projections {

class TimersView final : public Projection {
 public:
  using OnChange = std::function<void(const std::string& key, std::optional<int64_t> due_us)>;
  TimersView() : name_("timers") {}
  void on_change(OnChange f) { on_change_ = std::move(f); }

  const std::string& name() const override { return name_; }
  std::string fingerprint() const override { return "timers/2"; }
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;
  void take_changes(std::vector<ViewWrite>* out) override;
  events::Status load_row(std::string_view key, std::string_view value) override;
  void clear() override;
  void published() override;

  // Nudges ("nudge"), leads' follow-ups ("follow_up") or both ("all") due on
  // the days asked for, in `state` ("" any). Takes the view's lock.
  nlohmann::json timers(const RowFilter& filter, const std::string& kind, const std::string& state,
                        const Calendar& calendar) const;
  // One row as stored; nullopt when absent. Readers: hold mutex() shared.
  std::optional<nlohmann::json> find(const std::string& key) const;

  // A row, folded into a plain struct and written by hand as the canonical
  // JSON the nlohmann rows were (tests/projections/timers_view_test.cpp).
  struct Timer {
    enum class Kind : uint8_t { nudge, follow_up, owner } kind = Kind::nudge;
    std::string conversation_id, channel;    // a nudge's
    std::string lead_id, step_id, sequence;  // a follow-up's
    std::optional<std::string> assignee;     // a follow-up's owner; an owner row's one field
    std::string state;
    int64_t number = 0, index = 0, due_us = 0, scheduled_us = 0;
    std::optional<int64_t> settled_us;
    std::optional<std::string> reason, sent_to;
    std::optional<std::string> template_json;  // canonical JSON, as the event gave it
    bool changed = false;
  };
  static std::string row_json(const std::string& key, const Timer& t);

 private:
  Timer* change(const std::string& key);  // nullptr when absent; marks it changed
  Timer& touch(const std::string& key);   // created when absent; marks it changed
  // The timer settled as `state`, for the caller to add its fields; nullptr
  // when it was never scheduled (nothing to show).
  Timer* settled(const std::string& key, const char* state, int64_t at_us);

  std::string name_;
  std::unordered_map<std::string, Timer> rows_;
  std::unordered_map<std::string, std::vector<std::string>> steps_of_lead_;  // follow-up keys
  std::vector<std::string> changed_;
  OnChange on_change_;
  std::vector<std::pair<std::string, std::optional<int64_t>>> pending_;  // since the last commit
};

}  // namespace parley::projections
