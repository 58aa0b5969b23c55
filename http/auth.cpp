#include "http/auth.hpp"

#include <openssl/crypto.h>

#include <chrono>

#include "crm/credentials.hpp"
#include "http/session_cookie.hpp"

namespace parley::http {

namespace {

int64_t wall_clock_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string bearer_token(const HttpRequest& req) {
  auto it = req.headers.find("authorization");
  if (it == req.headers.end()) return "";
  const std::string prefix = "Bearer ";
  if (it->second.size() <= prefix.size() || it->second.compare(0, prefix.size(), prefix) != 0)
    return "";
  return it->second.substr(prefix.size());
}

std::string request_token(const HttpRequest& req) {
  auto token = bearer_token(req);
  return token.empty() ? session_cookie(req) : token;
}

Authorizer::Authorizer(std::string admin_token, const crm::TeamDirectory* team,
                       std::function<int64_t()> now_us)
    : admin_token_(std::move(admin_token)),
      team_(team),
      now_us_(now_us ? std::move(now_us) : wall_clock_us) {}

std::variant<crm::Principal, HttpResponse> Authorizer::check(
    const HttpRequest& req, std::initializer_list<Role> roles) const {
  auto token = bearer_token(req);
  if (token.empty()) {
    token = session_cookie(req);
    if (token.empty())
      return json_error(401, "unauthorized", "send Authorization: Bearer <token>, or sign in");
    if (!csrf_safe(req))
      return json_error(403, "csrf_check_failed",
                        "a change made with the session cookie needs the X-Parley-CSRF: 1 "
                        "header, from the console's own origin");
  }
  crm::Principal who;
  if (!admin_token_.empty() && same_secret(token, admin_token_)) {
    who = {"admin", Role::admin, "Admin"};
  } else {
    if (!team_) return json_error(401, "unauthorized", "unknown token");
    auto answer = team_->authenticate(crm::token_id(token), now_us_());
    using domain::user::TokenCheck;
    switch (answer.check) {
      case TokenCheck::ok:
        who = answer.principal;
        break;
      case TokenCheck::expired:
        return json_error(401, "token_expired", "the token has expired; log in again");
      case TokenCheck::revoked:
        return json_error(401, "token_revoked", "the token was revoked; log in again");
      case TokenCheck::disabled:
        return json_error(401, "user_disabled", "this user is disabled");
      case TokenCheck::unknown:
        return json_error(401, "unauthorized", "unknown token");
    }
  }
  for (Role r : roles)
    if (r == who.role) return who;
  std::string allowed;
  for (Role r : roles) allowed += (allowed.empty() ? "" : " or ") + std::string(to_string(r));
  return json_error(403, "forbidden", "this needs the role " + allowed);
}

std::optional<HttpResponse> Authorizer::deny(const HttpRequest& req,
                                             std::initializer_list<Role> roles,
                                             crm::Principal* who) const {
  auto r = check(req, roles);
  if (auto* error = std::get_if<HttpResponse>(&r)) return *error;
  if (who) *who = std::get<crm::Principal>(r);
  return std::nullopt;
}

}  // namespace parley::http
