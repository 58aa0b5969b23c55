#include "crm/desk.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "brain/lead_words.hpp"
#include "brain/nlu_numbers.hpp"
#include "brain/text.hpp"
#include "crm/close_command.hpp"
#include "crm/desk_texts.hpp"
#include "crm/lead_history.hpp"
#include "crm/lead_match.hpp"
#include "domain/limits.hpp"

namespace parley::crm {

namespace lead = domain::lead;

struct Desk::Turn {
  Principal member;
  std::string text;
  int64_t at_us = 0;
  brain::Understanding u;
  // A desk sentence in the member's language.
  std::string say(DeskText key, const std::vector<std::string>& args = {}) const {
    return desk_text(member.language, key, args);
  }
  const std::string& language() const { return member.language; }
  std::string slot(const std::string& name) const {
    auto it = u.text_slots.find(name);
    return it == u.text_slots.end() ? std::string() : it->second;
  }
};

std::vector<std::string> missing_qualification(const lead::State& l) {
  std::vector<std::string> out;
  for (const char* f : lead::kQualificationFields)
    if (!l.details.count(f)) out.push_back(f);
  return out;
}

namespace {

// "A, B and C".
std::string list_words(const std::string& language, const std::vector<std::string>& items) {
  const std::string and_word = " " + desk_text(language, DeskText::list_and) + " ";
  std::string s;
  for (size_t i = 0; i < items.size(); ++i)
    s += (i == 0 ? "" : (i + 1 == items.size() ? and_word : ", ")) + items[i];
  return s;
}

std::vector<std::string> labels(const std::string& language,
                                const std::vector<std::string>& fields) {
  std::vector<std::string> out;
  for (const auto& f : fields) out.push_back(brain::field_label(language, f));
  return out;
}

bool is_crm_command(const std::string& intent) {
  static const char* const kCommands[] = {
      "lead_create",     "lead_qualify", "meeting_schedule", "demo_schedule", "meeting_reschedule",
      "demo_reschedule", "meeting_done", "demo_done",        "lead_reassign", "activity_add",
      "tasks_list",      "leads_list",   "lead_history"};
  return std::any_of(std::begin(kCommands), std::end(kCommands),
                     [&](const char* c) { return intent == c; });
}

}  // namespace

Desk::Desk(actors::Engine& engine, events::EventStore& store, LeadBook& book, TeamDirectory& team,
           TimeZone zone, DeskOptions options)
    : engine_(engine),
      store_(store),
      book_(book),
      team_(team),
      zone_(std::move(zone)),
      options_(options) {}

std::string Desk::name_of(const std::string& username) const {
  auto u = team_.user(username);
  return u ? u->profile.display_name : username;
}

std::string Desk::local_when(const std::string& language, int64_t utc_us) const {
  return brain::human_local_time(language, zone_.local(utc_us).date_time());
}

std::vector<std::string> Desk::handle(const Principal& member, const std::string& text,
                                      int64_t at_us) {
  std::mutex* member_mu;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto& slot = member_mu_[member.username];
    if (!slot) slot = std::make_unique<std::mutex>();
    member_mu = slot.get();
  }
  std::lock_guard<std::mutex> one_at_a_time(*member_mu);
  // The REST route needs sales or admin; a member writing on Telegram or
  // WhatsApp reaches this desk directly, so the role is checked here too (an
  // analyst created leads that way: found by our probe).
  Turn t{member, text, at_us, {}};
  if (member.role != domain::user::Role::sales && member.role != domain::user::Role::admin)
    return {t.say(DeskText::role_needed)};
  if (text.size() > domain::kMaxTextBytes)
    return {t.say(DeskText::message_too_long, {std::to_string(domain::kMaxTextBytes)})};
  auto local = zone_.local(at_us);
  brain::nlu::LocalNow now{local.year, local.month,  local.day,
                           local.hour, local.minute, local.offset_minutes};
  t.u = brain::understand(text, now);

  Pending pending;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = pending_.find(member.username);
    if (it != pending_.end()) {
      pending = it->second;
      pending_.erase(it);
    }
  }
  // An open question is answered unless the message is a command of its own.
  if (pending.kind != Pending::none && (!is_crm_command(t.u.intent) || answers(t, pending)))
    return answer_pending(t, pending);
  return dispatch(t);
}

// Whether a message that reads like a command is the answer to the open
// question: a bare company name that picks one of the leads offered (the
// model reads "Sharma Traders" alone as a note about it), or details with no
// lead named after "which details?".
bool Desk::answers(const Turn& t, const Pending& p) const {
  if (p.kind == Pending::choose_lead) {
    const auto folded = brain::fold(t.text);
    for (size_t i = 0; i < p.choices.size(); ++i)
      if (folded == std::to_string(i + 1)) return true;
    const auto m = match_company(t.text, p.choices);
    return m.best.size() == 1 && brain::fold(m.best[0].company) == folded;
  }
  return p.kind == Pending::qualification && t.u.intent == "lead_update" &&
         !t.u.text_slots.count("company");
}

std::vector<std::string> Desk::answer_pending(Turn& t, const Pending& p) {
  if (p.kind == Pending::choose_lead) {
    const auto folded = brain::fold(t.text);
    const NamedLead* chosen = nullptr;
    for (size_t i = 0; i < p.choices.size(); ++i)
      if (folded == std::to_string(i + 1)) chosen = &p.choices[i];
    if (!chosen) {
      auto m = match_company(t.text, p.choices);
      for (const auto& c : p.choices)
        if (m.best.size() == 1 && c.id == m.best[0].id) chosen = &c;
    }
    if (!chosen) return {t.say(DeskText::choice_not_understood)};
    // Run the original message with the company the member picked.
    Turn again{t.member, p.text, t.at_us, {}};
    auto local = zone_.local(t.at_us);
    again.u = brain::understand(p.text, {local.year, local.month, local.day, local.hour,
                                         local.minute, local.offset_minutes});
    again.u.text_slots["company"] = chosen->company;
    again.u.text_slots["lead_id"] = chosen->id;
    return dispatch(again);
  }
  // Qualification details in one free-form reply: read as an update of that lead.
  auto l = book_.get(p.lead_id);
  if (!l) return dispatch(t);
  auto local = zone_.local(t.at_us);
  auto as_update = brain::understand(
      l->company + " update: " + t.text,
      {local.year, local.month, local.day, local.hour, local.minute, local.offset_minutes});
  std::map<std::string, std::string> fields;
  for (const char* f : {"address", "turnover", "current_system", "challenges"}) {
    auto it = as_update.text_slots.find(f);
    if (it != as_update.text_slots.end()) fields[f] = it->second;
  }
  if (fields.empty()) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_[t.member.username] = p;
    return {t.say(DeskText::details_unreadable)};
  }
  return update(t, p.lead_id, fields);
}

std::vector<std::string> Desk::dispatch(Turn& t) {
  if (auto c = parse_close_command(t.text)) return close(t, c->outcome, c->company);

  const auto& i = t.u.intent;
  if (i == "lead_create") return create(t);
  if (i == "lead_qualify") return qualify(t);
  if (i == "lead_update") {
    std::string id;
    std::vector<std::string> replies;
    if (!resolve(t, &id, &replies)) return replies;
    std::map<std::string, std::string> fields;
    for (const char* f : {"address", "turnover", "current_system", "challenges", "contact_name",
                          "phone", "email", "source"}) {
      auto v = t.slot(f);
      if (!v.empty()) fields[f] = v;
    }
    if (fields.empty()) return {t.say(DeskText::update_what)};
    return update(t, id, fields);
  }
  if (i == "meeting_schedule") return schedule(t, false, false);
  if (i == "demo_schedule") return schedule(t, true, false);
  if (i == "meeting_reschedule") return schedule(t, false, true);
  if (i == "demo_reschedule") return schedule(t, true, true);
  if (i == "meeting_done") return done(t, false);
  if (i == "demo_done") return done(t, true);
  if (i == "lead_reassign") return reassign(t);
  if (i == "activity_add") return activity(t);
  if (i == "tasks_list") return tasks(t);
  if (i == "leads_list") return leads(t);
  if (i == "lead_history") return history(t);
  return {t.say(DeskText::help)};
}

bool Desk::resolve(Turn& t, std::string* lead_id, std::vector<std::string>* replies) {
  auto pinned = t.slot("lead_id");
  if (!pinned.empty()) {
    *lead_id = pinned;
    return true;
  }
  const auto company = t.slot("company");
  if (company.empty()) {
    replies->push_back(t.say(DeskText::which_company, {t.text}));
    return false;
  }
  auto match = match_company(company, book_.names());
  if (match.best.empty()) {
    replies->push_back(t.say(DeskText::unknown_lead, {company}));
    return false;
  }
  if (match.best.size() > 1) {
    std::string q = t.say(DeskText::choose_lead);
    for (size_t i = 0; i < match.best.size() && i < 5; ++i)
      q += "\n" + std::to_string(i + 1) + ". " + match.best[i].company;
    q += "\n" + t.say(DeskText::choose_lead_by_number);
    std::lock_guard<std::mutex> lock(mu_);
    Pending p;
    p.kind = Pending::choose_lead;
    p.choices.assign(match.best.begin(),
                     match.best.begin() + std::min<size_t>(5, match.best.size()));
    p.text = t.text;
    pending_[t.member.username] = p;
    replies->push_back(q);
    return false;
  }
  *lead_id = match.best.front().id;
  return true;
}

bool Desk::resolve_member(const Turn& t, const std::string& name, Principal* out,
                          std::string* problem) const {
  auto found = team_.find_members(name);
  if (found.size() == 1) {
    *out = found.front();
    return true;
  }
  std::vector<std::string> names;
  if (found.empty()) {
    for (const auto& u : team_.users())
      if (!u.disabled && u.profile.role != domain::user::Role::analyst)
        names.push_back(u.profile.display_name);
    *problem = names.empty() ? t.say(DeskText::unknown_member, {name})
                             : t.say(DeskText::unknown_member_team_is,
                                     {name, list_words(t.language(), names)});
  } else {
    for (const auto& p : found) names.push_back(p.display_name + " (" + p.username + ")");
    *problem = t.say(DeskText::ambiguous_member, {name, list_words(t.language(), names)});
  }
  return false;
}

std::vector<std::string> Desk::run(Turn& t, const std::string& lead_id, lead::Command command,
                                   const std::function<std::string(const lead::State&)>& echo) {
  auto r = engine_.lead(lead_id, actors::LeadRequest{std::move(command)}, options_.timeout);
  if (!r.ok()) {
    const auto& d = r.error.detail;
    if (r.error.refused_with(lead::Error::no_appointment))
      return {t.say(DeskText::nothing_to_move)};
    if (r.error.refused_with(lead::Error::missing_time)) return {t.say(DeskText::when_missing)};
    if (r.error.refused_with(lead::Error::not_found)) return {t.say(DeskText::lead_gone)};
    if (r.error.code == actors::EngineErrc::rejected) return {t.say(DeskText::rejected, {d})};
    return {t.say(DeskText::not_saved, {d})};
  }
  book_.upsert(r.value.state);
  if (r.value.events.empty()) return {t.say(DeskText::nothing_changed, {echo(r.value.state)})};
  return {echo(r.value.state)};
}

std::vector<std::string> Desk::create(Turn& t) {
  const auto company = t.slot("company");
  if (company.empty()) return {t.say(DeskText::create_needs_company)};
  auto existing = match_company(company, book_.names());
  if (existing.score >= 1) {
    auto l = book_.get(existing.best.front().id);
    return {
        t.say(DeskText::lead_exists, {existing.best.front().company, name_of(l ? l->assignee : ""),
                                      brain::field_label(t.language(), l ? l->status : "")})};
  }
  Principal assignee = t.member;
  const auto wanted = t.slot("assignee");
  std::string problem;
  if (!wanted.empty() && !resolve_member(t, wanted, &assignee, &problem))
    return {t.say(DeskText::lead_not_created, {problem})};
  auto base = slug(company);
  std::string id = base;
  for (int n = 2; book_.exists(id); ++n) id = base + "-" + std::to_string(n);
  const auto contact = lead_contact(t);
  lead::Create c{company,          contact.name,      contact.phone,     contact.email,
                 t.slot("source"), assignee.username, t.member.username, t.at_us};
  return run(t, id, c, [&](const lead::State& l) {
    std::string s = t.say(DeskText::lead_created, {l.company});
    if (!l.contact_name.empty())
      s += ", " + t.say(DeskText::lead_created_contact, {l.contact_name});
    if (!l.phone.empty()) s += ", " + l.phone;
    if (!l.email.empty()) s += ", " + l.email;
    if (!l.source.empty()) s += ", " + t.say(DeskText::lead_created_source, {l.source});
    return s + ". " + t.say(DeskText::lead_created_assigned, {name_of(l.assignee), l.id});
  });
}

domain::Customer Desk::lead_contact(const Turn& t) const {
  domain::Customer rules;
  rules.name = t.slot("contact_name");
  rules.phone = t.slot("phone");
  rules.email = t.slot("email");
  const auto& x = options_.extractor;
  if (!x || !x->active() || (!rules.name.empty() && !rules.phone.empty() && !rules.email.empty()))
    return rules;
  auto read = x->extract(t.text, t.language(), brain::DetailsFor::lead_contact, "", t.at_us);
  if (options_.record_calls && !read.calls.empty()) options_.record_calls(read.calls);
  domain::Customer contact;  // only the three a lead has
  contact.name = read.details.name;
  contact.phone = read.details.phone;
  contact.email = read.details.email;
  return brain::with_gaps_filled(rules, contact);
}

std::vector<std::string> Desk::qualify(Turn& t) {
  std::string id;
  std::vector<std::string> replies;
  if (!resolve(t, &id, &replies)) return replies;
  replies = run(t, id, lead::Qualify{t.member.username, t.at_us},
                [&](const lead::State& l) { return t.say(DeskText::lead_qualified, {l.company}); });
  auto l = book_.get(id);
  if (!l || !l->qualified) return replies;
  auto missing = missing_qualification(*l);
  if (missing.empty()) return replies;
  replies.push_back(t.say(DeskText::qualification_missing,
                          {l->company, list_words(t.language(), labels(t.language(), missing))}));
  std::lock_guard<std::mutex> lock(mu_);
  Pending p;
  p.kind = Pending::qualification;
  p.lead_id = id;
  pending_[t.member.username] = p;
  return replies;
}

std::vector<std::string> Desk::update(Turn& t, const std::string& lead_id,
                                      const std::map<std::string, std::string>& fields) {
  auto replies =
      run(t, lead_id, lead::UpdateDetails{fields, t.member.username, t.at_us},
          [&](const lead::State& l) {
            std::vector<std::string> parts;
            for (const auto& [k, v] : fields)
              parts.push_back(brain::field_label(t.language(), k) + ": " + v);
            return t.say(DeskText::lead_updated, {l.company, list_words(t.language(), parts)});
          });
  auto l = book_.get(lead_id);
  if (l && l->qualified) {
    auto missing = missing_qualification(*l);
    if (!missing.empty())
      replies.push_back(
          t.say(DeskText::still_missing,
                {l->company, list_words(t.language(), labels(t.language(), missing))}));
  }
  return replies;
}

std::vector<std::string> Desk::schedule(Turn& t, bool demo, bool reschedule) {
  std::string id;
  std::vector<std::string> replies;
  if (!resolve(t, &id, &replies)) return replies;
  const auto kind = demo ? lead::AppointmentKind::demo : lead::AppointmentKind::meeting;
  const auto when = t.slot("datetime");
  if (when.empty()) return {t.say(demo ? DeskText::demo_when : DeskText::meeting_when)};
  auto when_us = zone_.to_utc(when);
  if (!when_us) return {t.say(DeskText::time_unreadable, {when})};
  if (reschedule)
    return run(t, id, lead::Reschedule{kind, when, *when_us, t.member.username, t.at_us},
               [&](const lead::State& l) {
                 return t.say(demo ? DeskText::demo_moved : DeskText::meeting_moved,
                              {l.company, brain::human_local_time(t.language(), when)});
               });
  Principal assignee;
  const auto wanted = t.slot("assignee");
  std::string problem;
  if (!wanted.empty() && !resolve_member(t, wanted, &assignee, &problem)) return {problem};
  return run(t, id,
             lead::Schedule{kind, when, *when_us, assignee.username, t.slot("note"),
                            t.member.username, t.at_us},
             [&](const lead::State& l) {
               const auto& a = l.appointments.back();
               return t.say(demo ? DeskText::demo_scheduled : DeskText::meeting_scheduled,
                            {l.company, brain::human_local_time(t.language(), a.when_local),
                             name_of(a.assignee)});
             });
}

std::vector<lead::PlannedStep> Desk::plan_follow_ups(const std::string& name, int64_t at_us) const {
  std::vector<lead::PlannedStep> out;
  auto seq = team_.sequence(name);
  if (!seq) return out;
  const int minutes = domain::sequence::minutes_of_day(seq->send_time);
  const auto done_day = zone_.local(at_us);
  // Noon of the demo's local day, moved N days on, names the step's local date.
  auto noon = zone_.to_utc(done_day.year, done_day.month, done_day.day, 12, 0);
  if (!noon) return out;
  for (size_t i = 0; i < seq->steps.size(); ++i) {
    const auto& step = seq->steps[i];
    auto day = zone_.local(*noon + int64_t(step.day) * 86400 * 1000000);
    auto due = zone_.to_utc(day.year, day.month, day.day, minutes / 60, minutes % 60);
    if (!due) continue;
    out.push_back({name, static_cast<uint32_t>(i + 1), std::max(*due, at_us), step.text,
                   step.attachment_url});
  }
  return out;
}

std::vector<std::string> Desk::done(Turn& t, bool demo) {
  std::string id;
  std::vector<std::string> replies;
  if (!resolve(t, &id, &replies)) return replies;
  lead::MarkDone c;
  c.kind = demo ? lead::AppointmentKind::demo : lead::AppointmentKind::meeting;
  c.note = t.slot("note");
  c.by = t.member.username;
  c.at_us = t.at_us;
  if (demo) c.follow_ups = plan_follow_ups(domain::sequence::kDemoFollowUp, t.at_us);
  return run(t, id, c, [&](const lead::State& l) {
    std::string s = c.note.empty()
                        ? t.say(demo ? DeskText::demo_done : DeskText::meeting_done, {l.company})
                        : t.say(demo ? DeskText::demo_done_noted : DeskText::meeting_done_noted,
                                {l.company, c.note});
    if (!demo) return s;
    if (l.closed()) return s + " " + t.say(DeskText::follow_ups_not_for_closed, {l.status});
    std::vector<std::string> when;
    for (const auto& f : l.follow_ups)
      if (f.state == "pending") when.push_back(local_when(t.language(), f.due_us));
    if (when.empty()) return s + " " + t.say(DeskText::no_follow_up_sequence);
    return s + " " +
           t.say(DeskText::follow_ups_scheduled,
                 {name_of(l.assignee), list_words(t.language(), when)});
  });
}

std::vector<std::string> Desk::reassign(Turn& t) {
  std::string id;
  std::vector<std::string> replies;
  if (!resolve(t, &id, &replies)) return replies;
  const auto wanted = t.slot("assignee");
  if (wanted.empty()) return {t.say(DeskText::reassign_to_whom)};
  Principal to;
  std::string problem;
  if (!resolve_member(t, wanted, &to, &problem)) return {problem};
  return run(t, id, lead::Assign{to.username, t.member.username, t.at_us},
             [&](const lead::State& l) {
               return t.say(DeskText::reassigned, {l.company, name_of(l.assignee)});
             });
}

std::vector<std::string> Desk::activity(Turn& t) {
  std::string id;
  std::vector<std::string> replies;
  if (!resolve(t, &id, &replies)) return replies;
  const auto note = t.slot("note");
  if (note.empty()) return {t.say(DeskText::note_what)};
  return run(t, id, lead::AddActivity{note, t.member.username, t.at_us}, [&](const lead::State& l) {
    return t.say(DeskText::noted, {l.company, note});
  });
}

std::vector<std::string> Desk::close(Turn& t, const std::string& status,
                                     const std::string& company) {
  t.u.text_slots["company"] = company;
  std::string id;
  std::vector<std::string> replies;
  if (!resolve(t, &id, &replies)) return replies;
  return run(t, id, lead::ChangeStatus{status, t.member.username, t.at_us},
             [&](const lead::State& l) {
               return t.say(DeskText::lead_closed, {l.company, l.status});
             });
}

// The days a task list asks for: today by default; the day it names ("kal
// ke tasks", "tasks for friday", "задачи на завтра"); or a week ("this
// week's tasks", "tugas minggu ini", "next week").
Desk::TaskWindow Desk::task_window(const Turn& t) const {
  static const std::set<std::string> kWeek = {"week",   "weeks",  "semana", "неделю",
                                              "неделе", "неделя", "minggu", "hafte",
                                              "hafta",  "हफ्ते",    "हफ्ता",   "सप्ताह"};
  static const std::set<std::string> kNext = {
      "next", "proxima", "próxima", "siguiente", "следующей", "depan", "agle", "agla", "अगले"};
  const auto words = brain::tokenize(brain::fold(t.text));
  const auto today = zone_.local(t.at_us);
  const int64_t day_us = int64_t(24) * 3600 * 1000000;
  auto midnight_after = [&](int64_t at, int days) {
    auto d = zone_.local(at + days * day_us + day_us / 2);  // noon-safe over DST changes
    return zone_.to_utc(d.year, d.month, d.day, 0, 0).value_or(at + days * day_us);
  };
  const int64_t start_today =
      zone_.to_utc(today.year, today.month, today.day, 0, 0).value_or(t.at_us);
  const bool week = std::any_of(words.begin(), words.end(),
                                [](const std::string& w) { return kWeek.count(w) > 0; });
  if (week) {
    const bool next = std::any_of(words.begin(), words.end(),
                                  [](const std::string& w) { return kNext.count(w) > 0; });
    // "Next week" starts on the coming Monday.
    const int weekday = zone_.local(start_today + day_us / 2).weekday;  // 0 = Sunday
    const int to_monday = (8 - weekday) % 7 == 0 ? 7 : (8 - weekday) % 7;
    if (next)
      return {midnight_after(start_today, to_monday), midnight_after(start_today, to_monday + 7),
              t.say(DeskText::window_next_week)};
    // "This week" is the seven days from today: on a Sunday the rest of a
    // Monday-to-Sunday week would be that Sunday alone.
    return {start_today, midnight_after(start_today, 7), t.say(DeskText::window_this_week)};
  }
  brain::nlu::LocalNow now{today.year, today.month,  today.day,
                           today.hour, today.minute, today.offset_minutes};
  const std::string when = brain::nlu::resolve_datetime(brain::nlu::tokenize_message(t.text), now);
  if (!when.empty()) {
    const int y = std::atoi(when.substr(0, 4).c_str()), m = std::atoi(when.substr(5, 2).c_str()),
              d = std::atoi(when.substr(8, 2).c_str());
    const bool other_day = y != today.year || m != today.month || d != today.day;
    if (auto from = zone_.to_utc(y, m, d, 0, 0); other_day && from) {
      const std::string day = brain::human_local_time(t.language(), zone_.local(*from).date_time());
      return {*from, midnight_after(*from, 1),
              t.say(DeskText::window_on_day, {day.substr(0, day.rfind(' '))})};
    }
  }
  return {start_today, midnight_after(start_today, 1), t.say(DeskText::window_today)};
}

std::vector<std::string> Desk::tasks(Turn& t) {
  const TaskWindow w = task_window(t);
  auto list = book_.tasks(t.member.username, w.from_us, w.to_us);
  if (list.empty()) return {t.say(DeskText::no_tasks, {w.label})};
  const bool one_day = w.to_us - w.from_us <= int64_t(25) * 3600 * 1000000;
  std::string s = t.say(DeskText::tasks_header, {w.label});
  for (const auto& task : list) {
    const std::string at = zone_.local(task.when_us).date_time();
    s += "\n• " +
         (one_day ? at.substr(11)
                  : brain::human_local_time(t.language(), zone_.local(task.when_us).date_time())) +
         " " + brain::field_label(t.language(), task.kind) + " — " + task.company;
  }
  return {s};
}

std::vector<std::string> Desk::leads(Turn& t) {
  auto list = book_.list(t.member.username, "");
  if (list.empty()) return {t.say(DeskText::no_leads)};
  std::string s = t.say(DeskText::leads_header, {std::to_string(list.size())});
  for (size_t i = 0; i < list.size() && i < 20; ++i)
    s += "\n• " + list[i].company + " — " + brain::field_label(t.language(), list[i].status);
  return {s};
}

std::vector<std::string> Desk::history(Turn& t) {
  std::string id;
  std::vector<std::string> replies;
  if (!resolve(t, &id, &replies)) return replies;
  auto h = lead_history(store_, team_, zone_, id, t.language());
  if (!h) return {t.say(DeskText::history_unreadable)};
  const auto& entries = h.value();
  std::string s = t.say(DeskText::history_header, {book_.get(id).value_or(lead::State{}).company});
  size_t start = entries.size() > 15 ? entries.size() - 15 : 0;
  for (size_t i = start; i < entries.size(); ++i)
    s += "\n• " + history_line(t.language(), entries[i]);
  return {s};
}

}  // namespace parley::crm
