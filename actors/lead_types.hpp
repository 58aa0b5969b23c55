// What the CRM asks of a lead and what it gets back. Plain types: the CRM
// and HTTP layers see these, never CAF.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/lead.hpp"

namespace parley::actors {

struct LeadRequest {
  domain::lead::Command command;
};

struct LeadReply {
  domain::lead::State state;                // after the command
  std::vector<domain::lead::Event> events;  // what was recorded; empty: nothing changed
  size_t notifications = 0;                 // notifications queued with it
};

// Where a team member is reached: the platform and its user id.
struct Contact {
  std::string channel;
  std::string recipient;
  std::string language = "en";  // the member's (domain::user::Profile::language)
};

struct LeadDeps {
  // The contact of a team member by username; nullopt: not reachable.
  std::function<std::optional<Contact>(const std::string& username)> contact_of;
  // username -> display name, for the words of notifications.
  std::function<std::string(const std::string& username)> name_of;
};

}  // namespace parley::actors
