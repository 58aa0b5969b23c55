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

#include "projections/calendar.hpp"
#include "projections/projection.hpp"
#include "projections/row_filter.hpp"

namespace parley::projections {

class TimersView final : public JsonRowProjection {
 public:
  using OnChange = std::function<void(const std::string& key, std::optional<int64_t> due_us)>;
  TimersView() : JsonRowProjection("timers", "timers/2") {}
  void on_change(OnChange f) { on_change_ = std::move(f); }

  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;
  events::Status load_row(std::string_view key, std::string_view value) override;
  void published() override;

  // Nudges ("nudge"), leads' follow-ups ("follow_up") or both ("all") due on
  // the days asked for, in `state` ("" any). Takes the view's lock.
  nlohmann::json timers(const RowFilter& filter, const std::string& kind, const std::string& state,
                        const Calendar& calendar) const;

 private:
  void settled(const std::string& key, const std::string& state, const nlohmann::json& fields,
               int64_t at_us);
  OnChange on_change_;
  std::vector<std::pair<std::string, std::optional<int64_t>>> pending_;  // since the last commit
};

}  // namespace parley::projections
