// The sentences the CRM desk sends to team members, in each member's language
// (domain::user::Profile::language), one table per language
// (en, es, ru, id, hi as Hinglish). A text's {0}, {1} … are filled with the
// arguments. Example commands inside the sentences stay in English: the desk
// reads them as written.
#pragma once

#include <string>
#include <vector>

namespace parley::crm {

enum class DeskText {
  // Before a message is read.
  role_needed,       // the member is an analyst: CRM commands need sales or admin
  message_too_long,  // {0} the most bytes one message may have
  help,              // the message is no CRM command: what the desk can do
  // Which lead, which member.
  which_company,           // {0} the member's message, shown with " for Acme" added
  unknown_lead,            // {0} the company named, which no lead has
  choose_lead,             // several leads fit: the question above their numbered list
  choose_lead_by_number,   // the line below that list
  choice_not_understood,   // the answer to that question named none of them
  unknown_member,          // {0} the name given, which no team member has
  unknown_member_team_is,  // {0} the name given, {1} the team's names, listed
  ambiguous_member,        // {0} the name given, {1} the members it fits, listed
  // The lead's command failed.
  nothing_to_move,  // no appointment of that kind to move or cancel
  when_missing,     // a move without a date and time
  lead_gone,        // the lead does not exist
  rejected,         // {0} why the lead refused the command (an error code)
  not_saved,        // {0} the engine's error: could not save now
  nothing_changed,  // {0} the echo of the command, which changed nothing
  // New lead.
  create_needs_company,   // "New lead" without a company
  lead_exists,            // {0} the company, {1} who has the lead, {2} its status
  lead_not_created,       // {0} why (an unknown_member… or ambiguous_member text)
  lead_created,           // {0} the company; the echo's first part
  lead_created_contact,   // {0} the contact person; a part after ", "
  lead_created_source,    // {0} where the lead came from; a part after ", "
  lead_created_assigned,  // {0} who has the lead, {1} its id; the last part, after ". "
  // Qualification and details.
  lead_qualified,         // {0} the company
  qualification_missing,  // {0} the company, {1} the details still missing, listed
  details_unreadable,     // the answer to qualification_missing held no detail
  update_what,            // an update that names no detail
  lead_updated,           // {0} the company, {1} the details as "label: value", listed
  still_missing,          // {0} the company, {1} the details still missing, listed
  // Meetings and demos.
  meeting_when,               // a meeting without a date and time
  demo_when,                  // a demo without a date and time
  time_unreadable,            // {0} the time as the parser read it
  meeting_moved,              // {0} the company, {1} the new local time
  demo_moved,                 // {0} the company, {1} the new local time
  meeting_scheduled,          // {0} the company, {1} the local time, {2} who goes
  demo_scheduled,             // {0} the company, {1} the local time, {2} who goes
  meeting_done,               // {0} the company
  meeting_done_noted,         // {0} the company, {1} the member's note
  demo_done,                  // {0} the company
  demo_done_noted,            // {0} the company, {1} the member's note
  follow_ups_not_for_closed,  // {0} the lead's status (won, lost); after demo_done…
  no_follow_up_sequence,      // after demo_done…: no sequence is set up
  follow_ups_scheduled,       // {0} who sends them, {1} their local times, listed
  // Reassign, notes, closing.
  reassign_to_whom,  // a reassignment without a member
  reassigned,        // {0} the company, {1} who has it now
  note_what,         // an activity without a note
  noted,             // {0} the company, {1} the note
  lead_closed,       // {0} the company, {1} the new status (won, lost)
  // Task and lead lists.
  window_today,        // the days of a task list: today
  window_on_day,       // {0} one other day, "Mon 23 Nov"
  window_this_week,    // the seven days from today
  window_next_week,    // Monday to Sunday of next week
  no_tasks,            // {0} the days (a window_… text)
  tasks_header,        // {0} the days (a window_… text); the tasks follow, one a line
  no_leads,            // the member has no lead
  leads_header,        // {0} how many leads; the leads follow, one a line
  history_unreadable,  // the lead's history could not be read now
  history_header,      // {0} the company; the history follows, one line per event
  // The morning digest.
  digest_header,  // {0} the local date; the day's tasks follow, one a line
  // The word before the last item of a list: "A, B and C".
  list_and,
  key_count  // not a text: the number of keys above; keep it last
};

// The text of `key` in `language` (an unknown language: English) with {0},
// {1} … replaced by the arguments. Each placeholder of the text is replaced
// once, left to right: an argument that itself contains "{1}" stays as written.
std::string desk_text(const std::string& language, DeskText key,
                      const std::vector<std::string>& args = {});

}  // namespace parley::crm
