#include "brain/lead_words.hpp"

#include <cstdio>

namespace parley::brain {

namespace lead = domain::lead;

std::string human_local_time(const std::string& w) {
  int y, mo, d, h, mi;
  if (w.size() < 16 || std::sscanf(w.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
    return w;
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  // Sakamoto's day of the week.
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int yy = mo < 3 ? y - 1 : y;
  int wd = (yy + yy / 4 - yy / 100 + yy / 400 + t[(mo + 11) % 12] + d) % 7;
  char buf[80];
  std::snprintf(buf, sizeof buf, "%s %d %s %02d:%02d", days[wd], d, months[(mo + 11) % 12], h, mi);
  return buf;
}

std::string field_label(const std::string& field) {
  std::string out = field;
  for (auto& c : out)
    if (c == '_') c = ' ';
  return out;
}

namespace {

std::string name(const NameOf& name_of, const std::string& username) {
  if (username.empty()) return "nobody";
  auto n = name_of ? name_of(username) : std::string();
  return n.empty() ? username : n;
}

std::string with_note(std::string text, const std::string& note) {
  if (!note.empty()) text += ": " + note;
  return text;
}

const lead::Appointment* find(const lead::State& s, const std::string& id) {
  for (const auto& a : s.appointments)
    if (a.id == id) return &a;
  return nullptr;
}

std::string title(lead::AppointmentKind k) {
  return k == lead::AppointmentKind::demo ? "Demo" : "Meeting";
}

}  // namespace

std::string describe(const lead::Event& event, const lead::State& before, const NameOf& name_of) {
  return std::visit(
      [&](const auto& e) -> std::string {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, lead::Created>) {
          std::string s = "Lead created for " + e.company;
          if (!e.contact_name.empty()) s += ", contact " + e.contact_name;
          if (!e.phone.empty()) s += ", " + e.phone;
          if (!e.email.empty()) s += ", " + e.email;
          if (!e.source.empty()) s += ", source " + e.source;
          return s + "; assigned to " + name(name_of, e.assignee);
        } else if constexpr (std::is_same_v<T, lead::Assigned>) {
          return "Reassigned from " + name(name_of, e.from) + " to " + name(name_of, e.to);
        } else if constexpr (std::is_same_v<T, lead::Qualified>) {
          return std::string("Marked qualified");
        } else if constexpr (std::is_same_v<T, lead::DetailsUpdated>) {
          std::string s = "Details updated: ";
          bool first = true;
          for (const auto& [k, v] : e.fields) {
            s += (first ? "" : "; ") + field_label(k) + " " + v;
            first = false;
          }
          return s;
        } else if constexpr (std::is_same_v<T, lead::AppointmentScheduled>) {
          const auto& a = e.appointment;
          return with_note(title(a.kind) + " scheduled for " + human_local_time(a.when_local) +
                               " with " + name(name_of, a.assignee),
                           a.note);
        } else if constexpr (std::is_same_v<T, lead::AppointmentRescheduled>) {
          const auto* a = find(before, e.appointment_id);
          return (a ? title(a->kind) : std::string("Appointment")) + " moved from " +
                 human_local_time(e.from_local) + " to " + human_local_time(e.when_local);
        } else if constexpr (std::is_same_v<T, lead::AppointmentDone>) {
          return with_note(title(e.kind) + " done", e.note);
        } else if constexpr (std::is_same_v<T, lead::AppointmentCancelled>) {
          const auto* a = find(before, e.appointment_id);
          return with_note((a ? title(a->kind) : std::string("Appointment")) + " of " +
                               (a ? human_local_time(a->when_local) : e.appointment_id) +
                               " cancelled",
                           e.note);
        } else if constexpr (std::is_same_v<T, lead::ActivityAdded>) {
          return "Note: " + e.note;
        } else if constexpr (std::is_same_v<T, lead::StatusChanged>) {
          return "Status changed from " + field_label(e.from) + " to " + field_label(e.to);
        } else if constexpr (std::is_same_v<T, lead::FollowUpScheduled>) {
          return "Follow-up " + std::to_string(e.step.index) + " (" + e.step.sequence +
                 ") scheduled: \"" + e.step.text + "\"";
        } else if constexpr (std::is_same_v<T, lead::FollowUpSent>) {
          std::string idx;
          for (const auto& f : before.follow_ups)
            if (f.step_id == e.step_id) idx = " " + std::to_string(f.index);
          return "Follow-up" + idx + " sent to " + name(name_of, e.to) + " to forward";
        } else {
          std::string idx;
          for (const auto& f : before.follow_ups)
            if (f.step_id == e.step_id) idx = " " + std::to_string(f.index);
          return "Follow-up" + idx + " skipped (" + field_label(e.reason) + ")";
        }
      },
      event);
}

std::string assigned_to_you(const lead::State& l, const std::string& by_name) {
  std::string s = "New lead for you: " + l.company;
  if (!l.contact_name.empty()) s += ", " + l.contact_name;
  if (!l.phone.empty()) s += ", " + l.phone;
  return s + " (from " + by_name + ").";
}

std::string taken_from_you(const lead::State& l, const std::string& new_owner_name,
                           const std::string& by_name) {
  return "Lead " + l.company + " is now with " + new_owner_name + " (changed by " + by_name + ").";
}

std::string appointment_moved(const lead::State& l, const lead::AppointmentRescheduled& e,
                              const std::string& by_name) {
  const auto* a = find(l, e.appointment_id);
  std::string what = a ? (a->kind == lead::AppointmentKind::demo ? "demo" : "meeting")
                       : std::string("appointment");
  return "The " + what + " with " + l.company + " moved from " + human_local_time(e.from_local) +
         " to " + human_local_time(e.when_local) + " (by " + by_name + ").";
}

std::string follow_up_due(const lead::State& l, const lead::FollowUp& f, size_t steps) {
  std::string s = "Follow-up " + std::to_string(f.index) +
                  (steps ? " of " + std::to_string(steps) : std::string()) + " for " + l.company;
  if (!l.contact_name.empty()) s += " (" + l.contact_name;
  if (!l.phone.empty()) s += (l.contact_name.empty() ? " (" : ", ") + l.phone;
  if (!l.contact_name.empty() || !l.phone.empty()) s += ")";
  s += ". Forward this to the client:\n\n" + f.text;
  if (!f.attachment_url.empty()) s += "\n" + f.attachment_url;
  return s;
}

}  // namespace parley::brain
