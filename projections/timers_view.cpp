#include "projections/timers_view.hpp"

#include <algorithm>
#include <map>
#include <shared_mutex>

#include "events/conversation_codec.hpp"
#include "events/lead_codec.hpp"
#include "projections/carts_view.hpp"
#include "projections/fields.hpp"

namespace parley::projections {

namespace ct = events::conversation_codec::types;
namespace lt = events::lead_codec::types;

using nlohmann::json;

bool TimersView::wants(std::string_view type) const {
  return type.substr(0, 19) == "conversation.nudge_" || type.substr(0, 15) == "lead.follow_up_" ||
         type == lt::kCreated || type == lt::kAssigned;
}

void TimersView::settled(const std::string& key, const std::string& state, const json& fields,
                         int64_t at_us) {
  json* r = row(key);
  if (!r) return;  // settled before it was seen: nothing to show
  (*r)["state"] = state;
  (*r)["settled_us"] = at_us;
  for (auto it = fields.begin(); it != fields.end(); ++it) (*r)[it.key()] = it.value();
  pending_.push_back({key, std::nullopt});
}

void TimersView::apply(const ProjectedEvent& e) {
  const Fields p = e.payload();
  const auto& type = e.env.type;
  const int64_t at = e.env.timestamp_us;
  if (type.rfind("conversation.nudge_", 0) == 0) {
    const std::string key = "nudge/" + p.string("nudge_id");
    if (type == ct::kNudgeScheduled) {
      json& r = touch(key);
      if (r.empty())
        r = {{"kind", "nudge"},
             {"key", key},
             {"conversation_id", e.env.entity_id},
             {"channel", channel_of(e.env.entity_id)},
             {"scheduled_us", at}};
      r["number"] = p.i64("number", 1);
      r["due_us"] = p.i64("due_us");
      r["state"] = "scheduled";
      pending_.push_back({key, r["due_us"].get<int64_t>()});
    } else if (type == ct::kNudgeSent) {
      json f = {{"number", p.i64("number", 1)}};
      if (p.has("template")) f["template"] = p.json("template");
      settled(key, "sent", f, at);
    } else if (type == ct::kNudgeSkipped) {
      settled(key, "skipped", {{"reason", p.str("reason")}}, at);
    } else if (type == ct::kNudgeCancelled) {
      settled(key, "cancelled", {{"reason", p.str("reason")}}, at);
    }
    return;
  }
  if (type == lt::kCreated || type == lt::kAssigned) {
    // Follow-ups go to the lead's owner: keep it, and move pending steps along.
    const std::string owner = p.string(type == lt::kCreated ? "assignee" : "to");
    touch("owner/" + e.env.entity_id) = {{"assignee", owner}};
    std::vector<std::string> steps;
    each("follow_up/" + e.env.entity_id + "/", [&](const std::string& k, const json& r) {
      if (r.value("state", "") == "scheduled") steps.push_back(k);
    });
    for (const auto& k : steps) (*row(k))["assignee"] = owner;
    return;
  }
  if (type == lt::kFollowUpScheduled) {
    const Fields step = p.object("step");
    const std::string key = "follow_up/" + e.env.entity_id + "/" + step.string("step_id");
    json& r = touch(key);
    r = {{"kind", "follow_up"},
         {"key", key},
         {"lead_id", e.env.entity_id},
         {"step_id", step.str("step_id")},
         {"sequence", step.str("sequence")},
         {"index", step.i64("index")},
         {"due_us", step.i64("due_us")},
         {"state", "scheduled"},
         {"scheduled_us", at}};
    if (const json* owner = find("owner/" + e.env.entity_id)) r["assignee"] = (*owner)["assignee"];
    pending_.push_back({key, r["due_us"].get<int64_t>()});
    return;
  }
  const std::string key = "follow_up/" + e.env.entity_id + "/" + p.string("step_id");
  if (type == lt::kFollowUpSent)
    settled(key, "sent", {{"sent_to", p.str("to")}}, at);
  else if (type == lt::kFollowUpSkipped)
    settled(key, "skipped", {{"reason", p.str("reason")}}, at);
}

events::Status TimersView::load_row(std::string_view key, std::string_view value) {
  auto st = JsonRowProjection::load_row(key, value);
  if (!st.ok()) return st;
  const json* r = find(std::string(key));
  if (r && r->value("state", "") == "scheduled")
    pending_.push_back({std::string(key), r->value("due_us", int64_t{0})});
  return st;
}

void TimersView::published() {
  auto changes = std::move(pending_);
  pending_.clear();
  if (!on_change_) return;
  for (const auto& [key, due] : changes) on_change_(key, due);
}

nlohmann::json TimersView::timers(const RowFilter& f, const std::string& kind,
                                  const std::string& state, const Calendar& cal) const {
  using nlohmann::json;
  json rows = json::array();
  std::shared_lock lock(mutex());
  auto take = [&](const std::string&, const json& r) {
    if (!f.day_ok(cal.date(r.value("due_us", int64_t{0}))) || !f.channel_ok(r) ||
        !f.assignee_ok(r) || (!state.empty() && r.value("state", "") != state))
      return;
    rows.push_back(r);
  };
  if (kind != "follow_up") each("nudge/", take);
  if (kind != "nudge") each("follow_up/", take);
  return rows;
}

}  // namespace parley::projections
