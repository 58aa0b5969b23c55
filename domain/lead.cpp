#include "domain/lead.hpp"

#include "domain/conversation.hpp"  // valid_utf8
#include "domain/limits.hpp"
#include "domain/overloaded.hpp"

#include <algorithm>

namespace parley::domain::lead {

namespace {
const char* const kStatuses[] = {
    "new", "qualified", "meeting_scheduled", "meeting_done", "demo_scheduled", "demo_done",
    "won", "lost"};
}

bool valid_status(const std::string& status) {
  return std::any_of(std::begin(kStatuses), std::end(kStatuses),
                     [&](const char* s) { return status == s; });
}

bool is_closed(const std::string& status) {
  return status == "won" || status == "lost";
}

const char* to_string(AppointmentKind k) {
  return k == AppointmentKind::demo ? "demo" : "meeting";
}

const char* to_string(Error e) {
  switch (e) {
    case Error::not_found:
      return "lead_not_found";
    case Error::already_exists:
      return "already_exists";
    case Error::missing_company:
      return "missing_company";
    case Error::missing_assignee:
      return "missing_assignee";
    case Error::missing_time:
      return "missing_time";
    case Error::no_appointment:
      return "no_appointment";
    case Error::empty_note:
      return "empty_note";
    case Error::nothing_to_update:
      return "nothing_to_update";
    case Error::invalid_status:
      return "invalid_status";
    case Error::unknown_step:
      return "unknown_step";
    case Error::invalid_contact:
      return "invalid_contact";
  }
  return "unknown";
}

const Appointment* State::open_appointment(AppointmentKind kind) const {
  for (auto it = appointments.rbegin(); it != appointments.rend(); ++it)
    if (it->kind == kind && it->state == "scheduled") return &*it;
  return nullptr;
}

State initial_state(const std::string& id) {
  State s;
  s.id = id;
  return s;
}

namespace {

using Events = std::vector<Event>;
using Decided = Result<Events, Error>;

std::string next_appointment_id(const State& s, AppointmentKind kind) {
  return std::string(to_string(kind)) + "-" + std::to_string(s.appointments.size() + 1);
}

Decided on(const State& s, const Create& c) {
  if (s.exists) return fail(Error::already_exists);
  if (c.company.empty()) return fail(Error::missing_company);
  if (c.assignee.empty()) return fail(Error::missing_assignee);
  // A model's reading of the contact comes here too (crm/desk.cpp).
  for (const auto* f : {&c.contact_name, &c.phone, &c.email})
    if (f->size() > kMaxTextBytes || !conversation::valid_utf8(*f))
      return fail(Error::invalid_contact);
  return Events{Created{s.id, c.company, c.contact_name, c.phone, c.email, c.source, c.assignee,
                        c.creator, c.at_us}};
}

Decided on(const State& s, const Assign& c) {
  if (!s.exists) return fail(Error::not_found);
  if (c.to.empty()) return fail(Error::missing_assignee);
  if (c.to == s.assignee) return Events{};
  return Events{Assigned{s.assignee, c.to, c.by, c.at_us}};
}

Decided on(const State& s, const Qualify& c) {
  if (!s.exists) return fail(Error::not_found);
  if (s.qualified) return Events{};
  return Events{Qualified{c.by, c.at_us}};
}

Decided on(const State& s, const UpdateDetails& c) {
  if (!s.exists) return fail(Error::not_found);
  std::map<std::string, std::string> changed;
  for (const auto& [k, v] : c.fields) {
    if (k.empty() || v.empty()) continue;
    auto it = s.details.find(k);
    if (it == s.details.end() || it->second != v) changed[k] = v;
  }
  if (changed.empty()) {
    if (c.fields.empty()) return fail(Error::nothing_to_update);
    return Events{};
  }
  return Events{DetailsUpdated{std::move(changed), c.by, c.at_us}};
}

Decided on(const State& s, const Schedule& c) {
  if (!s.exists) return fail(Error::not_found);
  if (c.when_local.empty()) return fail(Error::missing_time);
  Appointment a{next_appointment_id(s, c.kind),
                c.kind,
                c.when_local,
                c.when_us,
                c.assignee.empty() ? s.assignee : c.assignee,
                c.note,
                "scheduled"};
  return Events{AppointmentScheduled{std::move(a), c.by, c.at_us}};
}

Decided on(const State& s, const Reschedule& c) {
  if (!s.exists) return fail(Error::not_found);
  if (c.when_local.empty()) return fail(Error::missing_time);
  const auto* a = s.open_appointment(c.kind);
  if (!a) return fail(Error::no_appointment);
  if (a->when_local == c.when_local) return Events{};
  return Events{
      AppointmentRescheduled{a->id, a->when_local, c.when_local, c.when_us, c.by, c.at_us}};
}

Decided on(const State& s, const MarkDone& c) {
  if (!s.exists) return fail(Error::not_found);
  const auto* a = s.open_appointment(c.kind);
  Events out{
      AppointmentDone{a ? a->id : next_appointment_id(s, c.kind), c.kind, c.note, c.by, c.at_us}};
  if (c.kind != AppointmentKind::demo || s.closed()) return out;
  // A new demo's sequence replaces what an earlier one left pending.
  for (const auto& f : s.follow_ups)
    if (f.state == "pending") out.push_back(FollowUpSkipped{f.step_id, "superseded", c.at_us});
  const std::string done_id = std::get<AppointmentDone>(out.front()).appointment_id;
  for (const auto& p : c.follow_ups) {
    FollowUp f;
    f.step_id = p.sequence + "#" + done_id + "#" + std::to_string(p.index);
    f.sequence = p.sequence;
    f.index = p.index;
    f.due_us = p.due_us;
    f.text = p.text;
    f.attachment_url = p.attachment_url;
    out.push_back(FollowUpScheduled{std::move(f), c.by, c.at_us});
  }
  return out;
}

Decided on(const State& s, const Cancel& c) {
  if (!s.exists) return fail(Error::not_found);
  const auto* a = s.open_appointment(c.kind);
  if (!a) return fail(Error::no_appointment);
  return Events{AppointmentCancelled{a->id, c.note, c.by, c.at_us}};
}

Decided on(const State& s, const AddActivity& c) {
  if (!s.exists) return fail(Error::not_found);
  if (c.note.empty()) return fail(Error::empty_note);
  return Events{ActivityAdded{c.note, c.by, c.at_us}};
}

Decided on(const State& s, const ChangeStatus& c) {
  if (!s.exists) return fail(Error::not_found);
  if (!valid_status(c.to)) return fail(Error::invalid_status);
  if (c.to == s.status) return Events{};
  return Events{StatusChanged{s.status, c.to, c.by, c.at_us}};
}

Decided on(const State& s, const FireFollowUp& c) {
  if (!s.exists) return fail(Error::not_found);
  auto it = std::find_if(s.follow_ups.begin(), s.follow_ups.end(),
                         [&](const FollowUp& f) { return f.step_id == c.step_id; });
  if (it == s.follow_ups.end()) return fail(Error::unknown_step);
  if (it->state != "pending" || it->due_us > c.at_us) return Events{};
  if (s.closed()) return Events{FollowUpSkipped{it->step_id, "lead_" + s.status, c.at_us}};
  return Events{FollowUpSent{it->step_id, s.assignee, c.at_us}};
}

FollowUp* step(State& s, const std::string& id) {
  for (auto& f : s.follow_ups)
    if (f.step_id == id) return &f;
  return nullptr;
}

Appointment* appointment(State& s, const std::string& id) {
  for (auto& a : s.appointments)
    if (a.id == id) return &a;
  return nullptr;
}

}  // namespace

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  return std::visit([&](const auto& c) { return on(state, c); }, command);
}

State evolve(State s, const Event& event) {
  ++s.version;
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        s.updated_us = e.at_us;
        if constexpr (std::is_same_v<T, Created>) {
          s.exists = true;
          s.company = e.company;
          s.contact_name = e.contact_name;
          s.phone = e.phone;
          s.email = e.email;
          s.source = e.source;
          s.assignee = e.assignee;
          s.creator = e.creator;
          s.created_us = e.at_us;
        } else if constexpr (std::is_same_v<T, Assigned>) {
          s.assignee = e.to;
        } else if constexpr (std::is_same_v<T, Qualified>) {
          s.qualified = true;
          if (!s.closed()) s.status = "qualified";
        } else if constexpr (std::is_same_v<T, DetailsUpdated>) {
          for (const auto& [k, v] : e.fields) {
            if (k == "contact_name")
              s.contact_name = v;
            else if (k == "phone")
              s.phone = v;
            else if (k == "email")
              s.email = v;
            else if (k == "source")
              s.source = v;
            else
              s.details[k] = v;
          }
        } else if constexpr (std::is_same_v<T, AppointmentScheduled>) {
          s.appointments.push_back(e.appointment);
          if (!s.closed()) s.status = std::string(to_string(e.appointment.kind)) + "_scheduled";
        } else if constexpr (std::is_same_v<T, AppointmentRescheduled>) {
          if (auto* a = appointment(s, e.appointment_id)) {
            a->when_local = e.when_local;
            a->when_us = e.when_us;
          }
        } else if constexpr (std::is_same_v<T, AppointmentDone>) {
          auto* a = appointment(s, e.appointment_id);
          if (!a) {
            s.appointments.push_back(
                Appointment{e.appointment_id, e.kind, "", e.at_us, s.assignee, "", "scheduled"});
            a = &s.appointments.back();
          }
          a->state = "done";
          if (!e.note.empty()) a->note = e.note;
          if (!s.closed()) s.status = std::string(to_string(e.kind)) + "_done";
        } else if constexpr (std::is_same_v<T, AppointmentCancelled>) {
          if (auto* a = appointment(s, e.appointment_id)) a->state = "cancelled";
        } else if constexpr (std::is_same_v<T, ActivityAdded>) {
          ++s.activities;
        } else if constexpr (std::is_same_v<T, StatusChanged>) {
          s.status = e.to;
        } else if constexpr (std::is_same_v<T, FollowUpScheduled>) {
          s.follow_ups.push_back(e.step);
        } else if constexpr (std::is_same_v<T, FollowUpSent>) {
          if (auto* f = step(s, e.step_id)) {
            f->state = "sent";
            f->sent_to = e.to;
          }
        } else if constexpr (std::is_same_v<T, FollowUpSkipped>) {
          if (auto* f = step(s, e.step_id)) {
            f->state = "skipped";
            f->skip_reason = e.reason;
          }
        } else {
          static_assert(unhandled<T>, "a lead event without a fold");
        }
      },
      event);
  return s;
}

}  // namespace parley::domain::lead
