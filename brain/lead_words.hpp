// A lead's events in words a person reads: the lines of its history and the
// texts of the notifications they cause, in the reader's language (en, es,
// ru, id, hi as Hinglish; any other: English). Names are passed in so the
// words say "Priya Sharma", not "priya". Pure.
#pragma once

#include <functional>
#include <string>

#include "domain/lead.hpp"

namespace parley::brain {

// username -> display name ("" or unknown: the username itself).
using NameOf = std::function<std::string(const std::string& username)>;

// "2026-11-25T15:00" -> "Wed 25 Nov 15:00" (es "mié 25 nov 15:00", ru "ср 25 ноя
// 15:00", id "Rab 25 Nov 15:00"); other text unchanged.
std::string human_local_time(const std::string& language, const std::string& when_local);

// One line of a lead's history: what happened, without who and when.
// "Demo scheduled for Wed 25 Nov 15:00 with Ravi Kumar".
std::string describe(const std::string& language, const domain::lead::Event& event,
                     const domain::lead::State& before, const NameOf& name_of);

// The label of a detail field, a status, a task kind or a skip reason:
// "current_system" -> "current system" ("sistema actual", "текущая система" …);
// one it does not know: its underscores as spaces.
std::string field_label(const std::string& language, const std::string& field);

// Texts of notifications.
std::string assigned_to_you(const std::string& language, const domain::lead::State& lead,
                            const std::string& by_name);
std::string taken_from_you(const std::string& language, const domain::lead::State& lead,
                           const std::string& new_owner_name, const std::string& by_name);
std::string appointment_moved(const std::string& language, const domain::lead::State& lead,
                              const domain::lead::AppointmentRescheduled& e,
                              const std::string& by_name);
// To the person a demo or meeting was scheduled for (by someone else).
std::string appointment_scheduled(const std::string& language, const domain::lead::State& lead,
                                  const domain::lead::Appointment& appointment,
                                  const std::string& by_name);
std::string follow_up_due(const std::string& language, const domain::lead::State& lead,
                          const domain::lead::FollowUp& step, size_t steps_in_sequence);

}  // namespace parley::brain
