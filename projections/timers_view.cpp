#include "projections/timers_view.hpp"

#include <algorithm>
#include <shared_mutex>

#include "events/conversation_codec.hpp"
#include "events/lead_codec.hpp"
#include "projections/carts_view.hpp"
#include "projections/fields.hpp"
#include "projections/row_writer.hpp"

namespace parley::projections {

namespace ct = events::conversation_codec::types;
namespace lt = events::lead_codec::types;

using nlohmann::json;

bool TimersView::wants(std::string_view type) const {
  return type.substr(0, 19) == "conversation.nudge_" || type.substr(0, 15) == "lead.follow_up_" ||
         type == lt::kCreated || type == lt::kAssigned;
}

// Keys in sorted order, as canonical() writes an nlohmann object.
std::string TimersView::row_json(const std::string& key, const Timer& t) {
  RowWriter row(256);
  if (t.assignee) row.str("assignee", *t.assignee);
  if (t.kind == Timer::Kind::owner) return row.done();
  const bool nudge = t.kind == Timer::Kind::nudge;
  if (nudge) row.str("channel", t.channel).str("conversation_id", t.conversation_id);
  row.num("due_us", t.due_us);
  if (!nudge) row.num("index", t.index);
  row.str("key", key).str("kind", nudge ? "nudge" : "follow_up");
  if (!nudge) row.str("lead_id", t.lead_id);
  if (nudge) row.num("number", t.number);
  if (t.reason) row.str("reason", *t.reason);
  row.num("scheduled_us", t.scheduled_us);
  if (t.sent_to) row.str("sent_to", *t.sent_to);
  if (!nudge) row.str("sequence", t.sequence);
  if (t.settled_us) row.num("settled_us", *t.settled_us);
  row.str("state", t.state);
  if (!nudge) row.str("step_id", t.step_id);
  if (t.template_json) row.raw("template", *t.template_json);
  return row.done();
}

TimersView::Timer* TimersView::change(const std::string& key) {
  auto it = rows_.find(key);
  if (it == rows_.end()) return nullptr;
  if (!it->second.changed) {
    it->second.changed = true;
    changed_.push_back(key);
  }
  return &it->second;
}

TimersView::Timer& TimersView::touch(const std::string& key) {
  Timer& t = rows_[key];
  if (!t.changed) {
    t.changed = true;
    changed_.push_back(key);
  }
  return t;
}

TimersView::Timer* TimersView::settled(const std::string& key, const char* state, int64_t at_us) {
  Timer* t = change(key);
  if (!t) return nullptr;  // settled before it was seen: nothing to show
  t->state = state;
  t->settled_us = at_us;
  pending_.push_back({key, std::nullopt});
  return t;
}

void TimersView::apply(const ProjectedEvent& e) {
  const Fields p = e.payload();
  const auto& type = e.env.type;
  const int64_t at = e.env.timestamp_us;
  if (type.rfind("conversation.nudge_", 0) == 0) {
    const std::string key = "nudge/" + p.string("nudge_id");
    if (type == ct::kNudgeScheduled) {
      const bool fresh = !rows_.count(key);
      Timer& t = touch(key);
      if (fresh) {
        t.kind = Timer::Kind::nudge;
        t.conversation_id = e.env.entity_id;
        t.channel = channel_of(e.env.entity_id);
        t.scheduled_us = at;
      }
      t.number = p.i64("number", 1);
      t.due_us = p.i64("due_us");
      t.state = "scheduled";
      pending_.push_back({key, t.due_us});
    } else if (type == ct::kNudgeSent) {
      if (Timer* t = settled(key, "sent", at)) {
        t->number = p.i64("number", 1);
        if (p.has("template")) t->template_json = canonical(p.json("template"));
      }
    } else if (type == ct::kNudgeSkipped || type == ct::kNudgeCancelled) {
      if (Timer* t = settled(key, type == ct::kNudgeSkipped ? "skipped" : "cancelled", at))
        t->reason = p.string("reason");
    }
    return;
  }
  const std::string& lead = e.env.entity_id;
  if (type == lt::kCreated || type == lt::kAssigned) {
    // Follow-ups go to the lead's owner: keep it, and move pending steps along.
    Timer& owner = touch("owner/" + lead);
    owner.kind = Timer::Kind::owner;
    owner.assignee = p.string(type == lt::kCreated ? "assignee" : "to");
    if (auto steps = steps_of_lead_.find(lead); steps != steps_of_lead_.end())
      for (const auto& k : steps->second)
        if (auto it = rows_.find(k); it != rows_.end() && it->second.state == "scheduled")
          change(k)->assignee = owner.assignee;
    return;
  }
  if (type == lt::kFollowUpScheduled) {
    const Fields step = p.object("step");
    const std::string key = "follow_up/" + lead + "/" + step.string("step_id");
    if (!rows_.count(key)) steps_of_lead_[lead].push_back(key);
    Timer& t = touch(key);
    t = Timer{};  // the row is the step as scheduled now
    t.changed = true;
    t.kind = Timer::Kind::follow_up;
    t.lead_id = lead;
    t.step_id = step.string("step_id");
    t.sequence = step.string("sequence");
    t.index = step.i64("index");
    t.due_us = step.i64("due_us");
    t.state = "scheduled";
    t.scheduled_us = at;
    if (auto owner = rows_.find("owner/" + lead); owner != rows_.end())
      t.assignee = owner->second.assignee;
    pending_.push_back({key, t.due_us});
    return;
  }
  const std::string key = "follow_up/" + lead + "/" + p.string("step_id");
  if (type == lt::kFollowUpSent) {
    if (Timer* t = settled(key, "sent", at)) t->sent_to = p.string("to");
  } else if (type == lt::kFollowUpSkipped) {
    if (Timer* t = settled(key, "skipped", at)) t->reason = p.string("reason");
  }
}

void TimersView::take_changes(std::vector<ViewWrite>* out) {
  take_changed_rows(rows_, changed_, out, row_json);
}

events::Status TimersView::load_row(std::string_view key, std::string_view value) {
  auto j = json::parse(value, nullptr, false);
  if (!j.is_object()) return events::Status::Corruption("timers row " + std::string(key));
  const std::string k(key);
  Timer t;
  auto text = [&](const char* f) -> std::optional<std::string> {
    auto it = j.find(f);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  auto number = [&](const char* f) -> std::optional<int64_t> {
    auto it = j.find(f);
    if (it == j.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<int64_t>();
  };
  if (k.rfind("owner/", 0) == 0) {
    t.kind = Timer::Kind::owner;
    t.assignee = text("assignee");
  } else {
    t.kind = k.rfind("nudge/", 0) == 0 ? Timer::Kind::nudge : Timer::Kind::follow_up;
    t.conversation_id = text("conversation_id").value_or("");
    t.channel = text("channel").value_or("");
    t.lead_id = text("lead_id").value_or("");
    t.step_id = text("step_id").value_or("");
    t.sequence = text("sequence").value_or("");
    t.assignee = text("assignee");
    t.state = text("state").value_or("");
    t.number = number("number").value_or(0);
    t.index = number("index").value_or(0);
    t.due_us = number("due_us").value_or(0);
    t.scheduled_us = number("scheduled_us").value_or(0);
    t.settled_us = number("settled_us");
    t.reason = text("reason");
    t.sent_to = text("sent_to");
    if (j.contains("template")) t.template_json = canonical(j["template"]);
    if (t.kind == Timer::Kind::follow_up) steps_of_lead_[t.lead_id].push_back(k);
    if (t.state == "scheduled") pending_.push_back({k, t.due_us});
  }
  rows_.insert_or_assign(k, std::move(t));
  return events::Status::Ok();
}

void TimersView::clear() {
  rows_.clear();
  steps_of_lead_.clear();
  changed_.clear();
  pending_.clear();
}

std::optional<json> TimersView::find(const std::string& key) const {
  auto it = rows_.find(key);
  if (it == rows_.end()) return std::nullopt;
  return json::parse(row_json(key, it->second));
}

void TimersView::published() {
  auto changes = std::move(pending_);
  pending_.clear();
  if (!on_change_) return;
  for (const auto& [key, due] : changes) on_change_(key, due);
}

nlohmann::json TimersView::timers(const RowFilter& f, const std::string& kind,
                                  const std::string& state, const Calendar& cal) const {
  json rows = json::array();
  std::shared_lock lock(mutex());
  // Nudges, then follow-ups, each in key order.
  std::vector<std::pair<bool, const std::string*>> keys;  // (a follow-up, key)
  for (const auto& [k, t] : rows_)
    if ((kind != "follow_up" && t.kind == Timer::Kind::nudge) ||
        (kind != "nudge" && t.kind == Timer::Kind::follow_up))
      keys.push_back({t.kind == Timer::Kind::follow_up, &k});
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? b.first : *a.second < *b.second;
  });
  for (const auto& key : keys) {
    const std::string* k = key.second;
    const Timer& t = rows_.at(*k);
    if (!f.day_ok(cal.date(t.due_us)) || (!f.channel.empty() && t.channel != f.channel) ||
        (!f.assignee.empty() && t.assignee.value_or("") != f.assignee) ||
        (!state.empty() && t.state != state))
      continue;
    rows.push_back(json::parse(row_json(*k, t)));
  }
  return rows;
}

}  // namespace parley::projections
