// The sales team's desk: one message from a team member (WhatsApp, Telegram
// or POST /api/v1/crm/messages) -> the lead commands it means -> replies that
// echo what was understood (who, what, when), so a mistake shows at once.
//
// Per member the desk remembers one open question: which of two leads was
// meant, or the qualification details still missing. The next message
// answers it (or, if it is a command of its own, replaces it). Questions are
// kept in memory: a restart forgets an open question, never a lead's event.
//
// Blocking (entity calls): call from HTTP or intake threads.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "actors/engine.hpp"
#include "brain/details_extraction.hpp"
#include "brain/nlu.hpp"
#include "crm/lead_book.hpp"
#include "crm/team_directory.hpp"
#include "crm/time_zone.hpp"

namespace parley::crm {

struct DeskOptions {
  std::chrono::milliseconds timeout{std::chrono::seconds(5)};
  // With a model on, a new lead's contact (name, phone, e-mail) the rules
  // miss is read from the message (brain/details_extraction.hpp), and its
  // calls are handed to `record_calls` for usage. nullptr: the rules alone.
  std::shared_ptr<const brain::DetailsExtractor> extractor = nullptr;
  std::function<void(const std::vector<domain::llm_usage::Call>&)> record_calls = {};
};

class Desk {
 public:
  Desk(actors::Engine& engine, events::EventStore& store, LeadBook& book, TeamDirectory& team,
       TimeZone zone, DeskOptions options = {});

  // The replies to one message written at `at_us` (UTC µs), in order.
  std::vector<std::string> handle(const Principal& member, const std::string& text, int64_t at_us);

  // Schedules the follow-ups of `sequence` after a demo done at `at_us`:
  // day N's step falls due at the sequence's send time N local days later.
  std::vector<domain::lead::PlannedStep> plan_follow_ups(const std::string& sequence,
                                                         int64_t at_us) const;

  const TimeZone& zone() const { return zone_; }

 private:
  struct Pending {
    enum Kind { none, choose_lead, qualification } kind = none;
    std::vector<NamedLead> choices;  // choose_lead
    std::string text;                // choose_lead: the message to run once chosen
    std::string lead_id;             // qualification
  };
  struct Turn;

  std::vector<std::string> dispatch(Turn& t);
  std::vector<std::string> answer_pending(Turn& t, const Pending& p);
  bool answers(const Turn& t, const Pending& p) const;
  struct TaskWindow {
    int64_t from_us, to_us;
    std::string label;  // "today", "on Mon 23 Nov", "this week", "next week" (a desk text)
  };
  TaskWindow task_window(const Turn& t) const;
  // The lead a message names; false with the replies (a question, or "not found") otherwise.
  bool resolve(Turn& t, std::string* lead_id, std::vector<std::string>* replies);
  bool resolve_member(const Turn& t, const std::string& name, Principal* out,
                      std::string* problem) const;
  std::vector<std::string> run(Turn& t, const std::string& lead_id, domain::lead::Command command,
                               const std::function<std::string(const domain::lead::State&)>& echo);
  std::string name_of(const std::string& username) const;
  std::string local_when(const std::string& language, int64_t utc_us) const;

  std::vector<std::string> create(Turn& t);
  // The new lead's contact: the rules' slots, with the extractor's reading
  // filling what they miss.
  domain::Customer lead_contact(const Turn& t) const;
  std::vector<std::string> qualify(Turn& t);
  std::vector<std::string> update(Turn& t, const std::string& lead_id,
                                  const std::map<std::string, std::string>& fields);
  std::vector<std::string> schedule(Turn& t, bool demo, bool reschedule);
  std::vector<std::string> done(Turn& t, bool demo);
  std::vector<std::string> reassign(Turn& t);
  std::vector<std::string> activity(Turn& t);
  std::vector<std::string> close(Turn& t, const std::string& status, const std::string& company);
  std::vector<std::string> tasks(Turn& t);
  std::vector<std::string> leads(Turn& t);
  std::vector<std::string> history(Turn& t);

  actors::Engine& engine_;
  events::EventStore& store_;
  LeadBook& book_;
  TeamDirectory& team_;
  TimeZone zone_;
  DeskOptions options_;
  std::mutex mu_;
  std::map<std::string, Pending> pending_;                        // by username
  std::map<std::string, std::unique_ptr<std::mutex>> member_mu_;  // one message at a time each
};

// The qualification fields a lead still lacks, in asking order.
std::vector<std::string> missing_qualification(const domain::lead::State& lead);

}  // namespace parley::crm
