// Who is calling, and may they? A request carries `Authorization: Bearer T`.
// T is either the built-in admin token (PARLEY_ADMIN_TOKEN; the principal
// "admin" with role admin) or a token from POST /api/v1/auth/login, looked
// up by its SHA-256 in the team directory.
//   no or malformed header, unknown token      -> 401 unauthorized
//   expired, revoked, or its user disabled     -> 401 token_expired / token_revoked / user_disabled
//   a valid token without one of the roles     -> 403 forbidden
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <variant>

#include "crm/team_directory.hpp"
#include "http/http_types.hpp"

namespace parley::http {

using domain::user::Role;

class Authorizer {
 public:
  explicit Authorizer(std::string admin_token, const crm::TeamDirectory* team = nullptr,
                      std::function<int64_t()> now_us = {});

  // The caller if they hold one of `roles`, else the error response.
  std::variant<crm::Principal, HttpResponse> check(const HttpRequest& req,
                                                   std::initializer_list<Role> roles) const;
  // The error response, or nullopt with `who` (optional) set to the caller.
  std::optional<HttpResponse> deny(const HttpRequest& req, std::initializer_list<Role> roles,
                                   crm::Principal* who = nullptr) const;

 private:
  std::string admin_token_;
  const crm::TeamDirectory* team_;
  std::function<int64_t()> now_us_;
};

// The bearer token of a request, or "".
std::string bearer_token(const HttpRequest& req);
// The token a request authenticates with: the bearer's, else the console's
// session cookie (http/session_cookie.hpp); "".
std::string request_token(const HttpRequest& req);

}  // namespace parley::http
