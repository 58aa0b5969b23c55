// The morning digest: at PARLEY_DIGEST_TIME (default 08:30) in the store's
// zone, each enabled sales or admin member who can be reached gets a list of
// the day's meetings, demos and follow-ups. Each is the notification stream
// "digest/<username>/<date>" created with expected version 0, so a digest
// is queued at most once per person and day, across restarts too. A day
// without tasks sends nothing.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "actors/lead_types.hpp"
#include "crm/lead_book.hpp"
#include "crm/team_directory.hpp"
#include "crm/time_zone.hpp"
#include "events/group_commit_writer.hpp"

namespace parley::crm {

class Digest {
 public:
  Digest(LeadBook& book, TeamDirectory& team, events::GroupCommitWriter& writer, TimeZone zone,
         std::function<std::optional<actors::Contact>(const std::string&)> contact_of,
         std::string send_time = "08:30");

  // Queues the digests of the local day of `now_us`; returns how many were
  // queued now (0 if they were queued before). False on a storage error.
  bool send(int64_t now_us, size_t* queued = nullptr);
  // The next send time strictly after `now_us`.
  int64_t next_after(int64_t now_us) const;
  // The text for one member's day; "" when there is nothing to do.
  std::string text_for(const std::string& username, int64_t day_start_us, int64_t day_end_us) const;

 private:
  LeadBook& book_;
  TeamDirectory& team_;
  events::GroupCommitWriter& writer_;
  TimeZone zone_;
  std::function<std::optional<actors::Contact>(const std::string&)> contact_of_;
  int minutes_;
};

}  // namespace parley::crm
