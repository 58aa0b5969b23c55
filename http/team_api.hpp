// The team's accounts: log in and out, and (admin) users and Message Master
// sequences. Handlers parse, call crm::TeamService, and shape the answer.
//   POST  /api/v1/auth/login            {"username","password"} -> {"token","expires_at","user"}
//   POST  /api/v1/auth/logout           revokes the caller's token
//   GET   /api/v1/auth/me               the caller
//   POST  /api/v1/auth/session          {"username","password"} or {"token"}: the console's
//                                       session cookie; DELETE ends it (session_api.cpp)
//   POST  /api/v1/admin/users           (admin) -> 201 the user
//   GET   /api/v1/admin/users           (admin)
//   GET   /api/v1/admin/users/{username}, PATCH /api/v1/admin/users/{username} (admin)
//   POST  /api/v1/register              (public, if PARLEY_TEAM_REGISTRATION) -> 202 pending
//   POST  /api/v1/admin/users/{username}/approve {"role"} | …/reject (admin)
//   GET   /api/v1/admin/sequences, GET|PUT /api/v1/admin/sequences/{name} (admin)
#pragma once

#include <functional>
#include <nlohmann/json_fwd.hpp>

#include "crm/team_service.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"

namespace parley::http {

struct TeamApiContext {
  crm::TeamService& team;
  Authorizer auth;
  std::function<int64_t()> now_us;  // µs since the epoch
  std::string timezone = "UTC";     // PARLEY_TIMEZONE as set: the console shows times in it
  bool registration_open = false;   // PARLEY_TEAM_REGISTRATION: POST /api/v1/register
};

// Also registers the console's session routes (http/session_api.cpp).
void register_team_api(Router& router, TeamApiContext& ctx);
void register_session_api(Router& router, TeamApiContext& ctx);

// A user as the API shows it: never a hash or a token.
nlohmann::json user_json(const domain::user::State& user);
// The caller as /auth/me and the console's sign-in show them, with the shop's time zone.
nlohmann::json principal_json(const crm::Principal& who, const std::string& timezone);
// A team service refusal as its JSON error, with Retry-After when it says when.
HttpResponse service_error(const crm::ServiceError& e);
// "2026-11-22T10:00:00Z"
std::string iso_utc(int64_t us);

}  // namespace parley::http
