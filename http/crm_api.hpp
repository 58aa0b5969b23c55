// The sales team's CRM over HTTP: the chat desk and the read API.
//   POST /api/v1/crm/messages (sales, admin) {"text","now"?} -> {"replies":[{"text"}]}
//   GET  /api/v1/leads?assignee=&status=      (sales, admin, analyst)
//   GET  /api/v1/leads/{lead_id}              (sales, admin, analyst)
//   GET  /api/v1/leads/{lead_id}/history      (sales, admin, analyst)
//   POST /api/v1/leads/{lead_id}/status       (sales, admin) {"status":"won"|"lost"|…}
//   GET  /api/v1/tasks?assignee=&from=&to=    (sales, admin, analyst) dates YYYY-MM-DD, local
// "assignee=me" means the caller.
#pragma once

#include <functional>

#include "actors/engine.hpp"
#include "crm/desk.hpp"
#include "crm/lead_book.hpp"
#include "crm/team_directory.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"

namespace parley::http {

struct CrmApiContext {
  crm::Desk& desk;
  crm::LeadBook& book;
  crm::TeamDirectory& team;
  events::EventStore& store;
  actors::Engine& engine;
  Authorizer auth;
  std::function<int64_t()> now_us;
  std::chrono::milliseconds timeout{5000};
};

void register_crm_api(Router& router, CrmApiContext& ctx);

}  // namespace parley::http
