#include "crm/lead_book.hpp"

#include <algorithm>
#include <mutex>

#include "events/lead_codec.hpp"

namespace parley::crm {

namespace lead = domain::lead;

LeadBook::LeadBook(events::EventStore& store, TimerScheduler* timers)
    : LogFollower(store), timers_(timers) {}

bool LeadBook::wants(std::string_view type) const {
  return events::lead_codec::is_lead_event(type);
}

events::Status LeadBook::apply(const events::EventEnvelope& env) {
  auto e = events::lead_codec::decode(env);
  if (!e) return e.status();
  std::unique_lock lock(mu_);
  auto it = leads_.find(env.entity_id);
  auto s = it == leads_.end() ? lead::initial_state(env.entity_id) : it->second;
  if (env.seq != s.version + 1) return events::Status::Ok();  // already have it
  put(lead::evolve(std::move(s), *e));
  return events::Status::Ok();
}

void LeadBook::put(lead::State s) {
  if (timers_) {
    for (const auto& f : s.follow_ups) {
      const auto key = timer_key(s.id, f.step_id);
      if (f.state == "pending")
        timers_->set(key, f.due_us);
      else
        timers_->clear(key);
    }
  }
  leads_[s.id] = std::move(s);
}

void LeadBook::upsert(const lead::State& s) {
  std::unique_lock lock(mu_);
  auto it = leads_.find(s.id);
  if (it != leads_.end() && it->second.version >= s.version) return;
  put(s);
}

std::optional<lead::State> LeadBook::get(const std::string& id) const {
  std::shared_lock lock(mu_);
  auto it = leads_.find(id);
  if (it == leads_.end() || !it->second.exists) return std::nullopt;
  return it->second;
}

bool LeadBook::exists(const std::string& id) const {
  return get(id).has_value();
}

std::vector<lead::State> LeadBook::list(const std::string& assignee,
                                        const std::string& status) const {
  std::vector<lead::State> out;
  {
    std::shared_lock lock(mu_);
    for (const auto& [id, l] : leads_) {
      if (!l.exists) continue;
      if (!assignee.empty() && l.assignee != assignee) continue;
      if (!status.empty() && l.status != status) continue;
      out.push_back(l);
    }
  }
  std::sort(out.begin(), out.end(), [](const lead::State& a, const lead::State& b) {
    return a.created_us != b.created_us ? a.created_us > b.created_us : a.id < b.id;
  });
  return out;
}

std::vector<NamedLead> LeadBook::names() const {
  std::shared_lock lock(mu_);
  std::vector<NamedLead> out;
  for (const auto& [id, l] : leads_)
    if (l.exists) out.push_back({id, l.company});
  return out;
}

std::vector<Task> LeadBook::tasks(const std::string& assignee, int64_t from_us,
                                  int64_t to_us) const {
  std::vector<Task> out;
  {
    std::shared_lock lock(mu_);
    for (const auto& [id, l] : leads_) {
      if (!l.exists || l.closed()) continue;
      for (const auto& a : l.appointments) {
        if (a.state != "scheduled" || a.when_us < from_us || a.when_us >= to_us) continue;
        if (!assignee.empty() && a.assignee != assignee) continue;
        out.push_back(
            {lead::to_string(a.kind), id, l.company, a.assignee, a.when_us, a.when_local, a.note});
      }
      for (const auto& f : l.follow_ups) {
        if (f.state != "pending" || f.due_us < from_us || f.due_us >= to_us) continue;
        if (!assignee.empty() && l.assignee != assignee) continue;
        out.push_back({"follow_up", id, l.company, l.assignee, f.due_us, "", f.text});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Task& a, const Task& b) {
    return a.when_us != b.when_us ? a.when_us < b.when_us : a.lead_id < b.lead_id;
  });
  return out;
}

std::string LeadBook::timer_key(const std::string& lead_id, const std::string& step_id) {
  return "lead/" + lead_id + "/" + step_id;
}

bool LeadBook::parse_timer_key(const std::string& key, std::string* lead_id, std::string* step_id) {
  if (key.rfind("lead/", 0) != 0) return false;
  auto slash = key.find('/', 5);
  if (slash == std::string::npos) return false;
  *lead_id = key.substr(5, slash - 5);
  *step_id = key.substr(slash + 1);
  return !lead_id->empty() && !step_id->empty();
}

}  // namespace parley::crm
