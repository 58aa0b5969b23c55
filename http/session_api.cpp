// The console's sign-in: POST /api/v1/auth/session answers like login but
// keeps the token in the session cookie (http/session_cookie.hpp), out of
// the page's reach; DELETE ends it. A password signs in a team member; the
// built-in admin token (PARLEY_ADMIN_TOKEN) signs in the shop's admin before
// any member exists.
#include <nlohmann/json.hpp>

#include "crm/credentials.hpp"
#include "events/envelope_json.hpp"
#include "http/session_cookie.hpp"
#include "http/team_api.hpp"

namespace parley::http {

using nlohmann::json;

namespace {

// The built-in admin token's session: a working day, then sign in again.
constexpr int64_t kAdminSessionSeconds = 12 * 3600;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

HttpResponse signed_in(const TeamApiContext& ctx, const HttpRequest& req, const std::string& token,
                       const crm::Principal& who, int64_t expires_us, int64_t now_us) {
  const int64_t max_age = std::max<int64_t>(0, (expires_us - now_us) / 1000000);
  auto r = json_ok(
      dump({{"user", principal_json(who, ctx.timezone)}, {"expires_at", iso_utc(expires_us)}}));
  r.headers.emplace_back("Set-Cookie", session_set_cookie(token, max_age, forwarded_https(req)));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

HttpResponse start_session(TeamApiContext& ctx, const HttpRequest& req) {
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return json_error(400, "invalid_json", "the body must be a JSON object");
  const auto text = [&](const char* name) {
    auto it = body.find(name);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const int64_t now = ctx.now_us();
  if (const auto token = text("token"); !token.empty()) {
    HttpRequest probe;
    probe.method = "GET";
    probe.headers["authorization"] = "Bearer " + token;
    crm::Principal who;
    if (auto denied = ctx.auth.deny(probe, {Role::admin, Role::sales, Role::analyst}, &who))
      return *denied;
    const auto member = ctx.team.directory().authenticate(crm::token_id(token), now);
    const int64_t expires = member.check == domain::user::TokenCheck::ok
                                ? member.expires_us
                                : now + kAdminSessionSeconds * 1000000;
    return signed_in(ctx, req, token, who, expires, now);
  }
  const auto username = text("username"), password = text("password");
  if (username.empty() || password.empty())
    return json_error(400, "missing_field", "give username and password, or token");
  auto r = ctx.team.login(username, password, req.remote_address);
  if (!r.ok()) return service_error(r.error);
  return signed_in(ctx, req, r.value->token, r.value->principal, r.value->expires_us, now);
}

HttpResponse end_session(TeamApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin, Role::sales, Role::analyst}, &who))
    return *denied;
  // A member's token is revoked; the built-in admin token only leaves the browser.
  if (ctx.team.directory().user(who.username)) {
    auto r = ctx.team.logout(request_token(req), who.username);
    if (!r.ok()) return service_error(r.error);
  }
  auto r = json_ok(dump({{"signed_out", true}}));
  r.headers.emplace_back("Set-Cookie", session_clear_cookie(forwarded_https(req)));
  return r;
}

}  // namespace

void register_session_api(Router& router, TeamApiContext& ctx) {
  router.add("POST", "/api/v1/auth/session",
             [&ctx](const HttpRequest& r) { return start_session(ctx, r); });
  router.add("DELETE", "/api/v1/auth/session",
             [&ctx](const HttpRequest& r) { return end_session(ctx, r); });
}

}  // namespace parley::http
