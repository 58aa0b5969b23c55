// A sales lead: stream ("lead", <lead id>). The whole story of one prospect:
// who created it and owns it, what is known about the company, meetings and
// demos, free notes, the status, and the follow-up steps that a finished
// demo schedules (Message Master).
//
// Times: `*_us` are UTC microseconds; `when_local` is the wall-clock time the
// team said ("2026-11-25T15:00") in the store's time zone. Converting one to
// the other is the shell's job; the decider receives both.
//
// Invariants: an appointment is done or cancelled at most once; a follow-up
// step is sent or skipped at most once, and only while it is due; a closed
// lead (won or lost) sends no follow-up: each step still pending is skipped
// when it falls due. Follow-ups go to whoever owns the lead when they fire.
//
// Decider: decide(state, command) -> events | error; evolve(state, event).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace parley::domain::lead {

inline constexpr const char* kEntityType = "lead";

// new, qualified, meeting_scheduled, meeting_done, demo_scheduled, demo_done, won, lost
bool valid_status(const std::string& status);
bool is_closed(const std::string& status);

enum class AppointmentKind : uint8_t { meeting = 1, demo };
const char* to_string(AppointmentKind k);

struct Appointment {
  std::string id;  // "meeting-1", "demo-2": per lead, in the order scheduled
  AppointmentKind kind = AppointmentKind::meeting;
  std::string when_local;
  int64_t when_us = 0;
  std::string assignee;
  std::string note;
  std::string state = "scheduled";  // scheduled, done, cancelled
};

struct FollowUp {
  std::string step_id;  // "<sequence>#<appointment id>#<index>"
  std::string sequence;
  uint32_t index = 0;  // 1-based position in the sequence
  int64_t due_us = 0;
  std::string text;
  std::string attachment_url;
  std::string state = "pending";  // pending, sent, skipped
  std::string sent_to;
  std::string skip_reason;
};

// ---- events ---------------------------------------------------------------
struct Created {
  std::string lead_id, company, contact_name, phone, email, source, assignee, creator;
  int64_t at_us = 0;
};
struct Assigned {
  std::string from, to, by;
  int64_t at_us = 0;
};
struct Qualified {
  std::string by;
  int64_t at_us = 0;
};
struct DetailsUpdated {
  std::map<std::string, std::string> fields;  // only the values that changed
  std::string by;
  int64_t at_us = 0;
};
struct AppointmentScheduled {
  Appointment appointment;  // state "scheduled"
  std::string by;
  int64_t at_us = 0;
};
struct AppointmentRescheduled {
  std::string appointment_id, from_local, when_local;
  int64_t when_us = 0;
  std::string by;
  int64_t at_us = 0;
};
// For an appointment never scheduled ("demo done" out of the blue) the id is
// new and the appointment starts here, held at `at_us`.
struct AppointmentDone {
  std::string appointment_id;
  AppointmentKind kind = AppointmentKind::meeting;
  std::string note, by;
  int64_t at_us = 0;
};
struct AppointmentCancelled {
  std::string appointment_id, note, by;
  int64_t at_us = 0;
};
struct ActivityAdded {
  std::string note, by;
  int64_t at_us = 0;
};
struct StatusChanged {
  std::string from, to, by;
  int64_t at_us = 0;
};
struct FollowUpScheduled {
  FollowUp step;  // state "pending"
  std::string by;
  int64_t at_us = 0;
};
struct FollowUpSent {
  std::string step_id, to;
  int64_t at_us = 0;
};
struct FollowUpSkipped {
  std::string step_id, reason;
  int64_t at_us = 0;
};
// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kCreated = "lead.created";
inline constexpr const char* kAssigned = "lead.assigned";
inline constexpr const char* kQualified = "lead.qualified";
inline constexpr const char* kDetailsUpdated = "lead.details_updated";
inline constexpr const char* kAppointmentScheduled = "lead.appointment_scheduled";
inline constexpr const char* kAppointmentRescheduled = "lead.appointment_rescheduled";
inline constexpr const char* kAppointmentDone = "lead.appointment_done";
inline constexpr const char* kAppointmentCancelled = "lead.appointment_cancelled";
inline constexpr const char* kActivityAdded = "lead.activity_added";
inline constexpr const char* kStatusChanged = "lead.status_changed";
inline constexpr const char* kFollowUpScheduled = "lead.follow_up_scheduled";
inline constexpr const char* kFollowUpSent = "lead.follow_up_sent";
inline constexpr const char* kFollowUpSkipped = "lead.follow_up_skipped";
}  // namespace types
using Event =
    std::variant<Created, Assigned, Qualified, DetailsUpdated, AppointmentScheduled,
                 AppointmentRescheduled, AppointmentDone, AppointmentCancelled, ActivityAdded,
                 StatusChanged, FollowUpScheduled, FollowUpSent, FollowUpSkipped>;

struct State {
  std::string id;
  bool exists = false;
  std::string company, contact_name, phone, email, source, assignee, creator;
  std::string status = "new";
  bool qualified = false;
  std::map<std::string, std::string> details;  // address, turnover, current_system …
  std::vector<Appointment> appointments;
  std::vector<FollowUp> follow_ups;
  uint32_t activities = 0;
  int64_t created_us = 0;
  int64_t updated_us = 0;
  uint64_t version = 0;  // events in the stream

  bool closed() const { return is_closed(status); }
  // The latest appointment of this kind still scheduled, or nullptr.
  const Appointment* open_appointment(AppointmentKind kind) const;
};

// ---- commands -------------------------------------------------------------
struct Create {
  std::string company, contact_name, phone, email, source, assignee, creator;
  int64_t at_us = 0;
};
struct Assign {
  std::string to, by;
  int64_t at_us = 0;
};
struct Qualify {
  std::string by;
  int64_t at_us = 0;
};
struct UpdateDetails {
  std::map<std::string, std::string> fields;
  std::string by;
  int64_t at_us = 0;
};
struct Schedule {
  AppointmentKind kind = AppointmentKind::meeting;
  std::string when_local;
  int64_t when_us = 0;
  std::string assignee;  // empty: the lead's owner
  std::string note, by;
  int64_t at_us = 0;
};
struct Reschedule {
  AppointmentKind kind = AppointmentKind::meeting;
  std::string when_local;
  int64_t when_us = 0;
  std::string by;
  int64_t at_us = 0;
};
// A follow-up step a finished demo schedules, already timed by the shell.
struct PlannedStep {
  std::string sequence;
  uint32_t index = 0;
  int64_t due_us = 0;
  std::string text, attachment_url;
};
struct MarkDone {
  AppointmentKind kind = AppointmentKind::meeting;
  std::string note;
  std::vector<PlannedStep> follow_ups;  // scheduled after a demo, unless the lead is closed
  std::string by;
  int64_t at_us = 0;
};
struct Cancel {
  AppointmentKind kind = AppointmentKind::meeting;
  std::string note, by;
  int64_t at_us = 0;
};
struct AddActivity {
  std::string note, by;
  int64_t at_us = 0;
};
struct ChangeStatus {
  std::string to, by;
  int64_t at_us = 0;
};
// A timer fell due.
struct FireFollowUp {
  std::string step_id;
  int64_t at_us = 0;
};
using Command = std::variant<Create, Assign, Qualify, UpdateDetails, Schedule, Reschedule, MarkDone,
                             Cancel, AddActivity, ChangeStatus, FireFollowUp>;

enum class Error : uint8_t {
  not_found = 1,
  already_exists,
  missing_company,
  missing_assignee,
  missing_time,
  no_appointment,  // nothing scheduled of that kind to move or cancel
  empty_note,
  nothing_to_update,
  invalid_status,
  unknown_step,
  invalid_contact,  // a contact's name, phone or e-mail not valid UTF-8, or over kMaxTextBytes
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

State initial_state(const std::string& id);
Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

// The fields a lead's details may hold besides any other the team names.
inline constexpr const char* kQualificationFields[] = {"address", "turnover", "current_system",
                                                       "challenges"};

}  // namespace parley::domain::lead
