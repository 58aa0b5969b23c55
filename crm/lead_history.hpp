// A lead's unified history: every event of its stream, oldest first, with
// who acted and when, in words a person reads (brain/lead_words.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crm/team_directory.hpp"
#include "crm/time_zone.hpp"
#include "events/event_store.hpp"

namespace parley::crm {

struct HistoryEntry {
  uint64_t seq = 0;
  int64_t at_us = 0;
  std::string at_local;  // "2026-11-25T15:00" in the store's zone
  std::string type;      // the event type, "lead.appointment_done"
  std::string by;        // username; "" for the system (a timer)
  std::string by_name;   // display name, or "Parley" for the system
  std::string text;      // "Demo done: they liked the inventory module"
};

// NotFound when the lead has no events. The texts are in `language`, the
// reader's (en, es, ru, id, hi).
events::Expected<std::vector<HistoryEntry>> lead_history(events::EventStore& store,
                                                         const TeamDirectory& team,
                                                         const TimeZone& zone,
                                                         const std::string& lead_id,
                                                         const std::string& language);

// "Wed 25 Nov 15:00 · Priya Sharma · Demo done"
std::string history_line(const std::string& language, const HistoryEntry& entry);

}  // namespace parley::crm
