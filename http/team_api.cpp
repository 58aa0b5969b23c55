#include "http/team_api.hpp"

#include <ctime>
#include <nlohmann/json.hpp>

#include "events/envelope_json.hpp"

namespace parley::http {

using nlohmann::json;

namespace {

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool read_object(const HttpRequest& req, json* out, HttpResponse* error) {
  *out = json::parse(req.body, nullptr, false);
  if (out->is_discarded() || !out->is_object()) {
    *error = json_error(400, "invalid_json", "the body must be a JSON object");
    return false;
  }
  return true;
}

// A string field (optional unless `required`); false with the 400 otherwise.
bool string_field(const json& body, const char* name, bool required,
                  std::optional<std::string>* out, HttpResponse* error) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required)
      *error = json_error(400, "missing_field", std::string("'") + name + "' is required");
    return !required;
  }
  if (!it->is_string()) {
    *error = json_error(400, "invalid_field", std::string("'") + name + "' must be a string");
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool list_field(const json& body, const char* name, std::optional<std::vector<std::string>>* out,
                HttpResponse* error) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return true;
  std::vector<std::string> v;
  bool ok = it->is_array();
  if (ok)
    for (const auto& x : *it) {
      if (x.is_string())
        v.push_back(x.get<std::string>());
      else if (x.is_number_integer())
        v.push_back(std::to_string(x.get<int64_t>()));
      else
        ok = false;
    }
  if (!ok) {
    *error =
        json_error(400, "invalid_field", std::string("'") + name + "' must be a list of strings");
    return false;
  }
  *out = std::move(v);
  return true;
}

HttpResponse login(TeamApiContext& ctx, const HttpRequest& req) {
  json body;
  HttpResponse error;
  if (!read_object(req, &body, &error)) return error;
  std::optional<std::string> username, password;
  if (!string_field(body, "username", true, &username, &error) ||
      !string_field(body, "password", true, &password, &error))
    return error;
  auto r = ctx.team.login(*username, *password, req.remote_address);
  if (!r.ok()) return service_error(r.error);
  const auto& l = *r.value;
  return json_ok(dump({{"token", l.token},
                       {"expires_at", iso_utc(l.expires_us)},
                       {"user", principal_json(l.principal, ctx.timezone)}}));
}

HttpResponse logout(TeamApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin, Role::sales, Role::analyst}, &who))
    return *denied;
  if (who.username == "admin" && !ctx.team.directory().user("admin"))
    return json_error(400, "builtin_token",
                      "the built-in admin token cannot be revoked here; "
                      "change PARLEY_ADMIN_TOKEN");
  auto r = ctx.team.logout(request_token(req), who.username);
  if (!r.ok()) return service_error(r.error);
  return json_ok(dump({{"revoked", true}}));
}

HttpResponse me(TeamApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin, Role::sales, Role::analyst}, &who))
    return *denied;
  return json_ok(dump(principal_json(who, ctx.timezone)));
}

// A new user's fields from a request body: the admin's (with a role) or a
// registration's (without one: the approving admin chooses).
bool read_new_user(const HttpRequest& req, bool with_role, crm::NewUser* n, HttpResponse* error) {
  json body;
  if (!read_object(req, &body, error)) return false;
  std::optional<std::string> username, password, display, role, language;
  std::optional<std::vector<std::string>> phones, telegram;
  if (!string_field(body, "username", true, &username, error) ||
      !string_field(body, "password", true, &password, error) ||
      !string_field(body, "display_name", false, &display, error) ||
      (with_role && !string_field(body, "role", true, &role, error)) ||
      !string_field(body, "language", false, &language, error) ||
      !list_field(body, "phones", &phones, error) ||
      !list_field(body, "telegram_ids", &telegram, error))
    return false;
  *n = crm::NewUser{*username,
                    *password,
                    display.value_or(*username),
                    role.value_or("sales"),
                    phones.value_or(std::vector<std::string>{}),
                    telegram.value_or(std::vector<std::string>{}),
                    language.value_or("en")};
  return true;
}

HttpResponse create_user(TeamApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  crm::NewUser n;
  HttpResponse error;
  if (!read_new_user(req, true, &n, &error)) return error;
  auto r = ctx.team.create_user(n, who.username);
  if (!r.ok()) return service_error(r.error);
  return json_ok(dump(user_json(*r.value)), 201);
}

// Public when PARLEY_TEAM_REGISTRATION is on: a person asks to join.
HttpResponse register_user(TeamApiContext& ctx, const HttpRequest& req) {
  if (!ctx.registration_open)
    return json_error(403, "registration_closed",
                      "this shop does not take registrations; ask an admin for an account");
  crm::NewUser n;
  HttpResponse error;
  if (!read_new_user(req, false, &n, &error)) return error;
  auto r = ctx.team.register_user(n);
  if (!r.ok()) return service_error(r.error);
  return json_ok(dump({{"username", r.value->username}, {"status", "pending"}}), 202);
}

// POST …/approve {"role"} and POST …/reject (admin).
HttpResponse decide_registration(TeamApiContext& ctx, const HttpRequest& req, bool approve) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  const auto& username = req.path_params.at("username");
  std::optional<std::string> role;
  if (approve && !req.body.empty()) {
    json body;
    HttpResponse error;
    if (!read_object(req, &body, &error) || !string_field(body, "role", false, &role, &error))
      return error;
  }
  auto r = approve ? ctx.team.approve(username, role.value_or("sales"), who.username)
                   : ctx.team.reject(username, who.username);
  if (!r.ok()) return service_error(r.error);
  return json_ok(dump(user_json(*r.value)));
}

HttpResponse list_users(TeamApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  // ?status=pending: the registrations waiting for an answer.
  const std::string status = req.query_value("status");
  json users = json::array();
  for (const auto& u : ctx.team.directory().users()) {
    json j = user_json(u);
    if (status.empty() || j["status"] == status) users.push_back(std::move(j));
  }
  return json_ok(dump({{"users", users}}));
}

HttpResponse get_user(TeamApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  auto u = ctx.team.directory().user(req.path_params.at("username"));
  if (!u || !u->exists) return json_error(404, "not_found", "no such user");
  return json_ok(dump(user_json(*u)));
}

HttpResponse patch_user(TeamApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  json body;
  HttpResponse error;
  if (!read_object(req, &body, &error)) return error;
  crm::UserChange c;
  if (!string_field(body, "display_name", false, &c.display_name, &error) ||
      !string_field(body, "role", false, &c.role, &error) ||
      !string_field(body, "password", false, &c.password, &error) ||
      !string_field(body, "language", false, &c.language, &error) ||
      !list_field(body, "phones", &c.phones, &error) ||
      !list_field(body, "telegram_ids", &c.telegram_ids, &error))
    return error;
  if (auto it = body.find("disabled"); it != body.end() && !it->is_null()) {
    if (!it->is_boolean())
      return json_error(400, "invalid_field", "'disabled' must be true or false");
    c.disabled = it->get<bool>();
  }
  auto r = ctx.team.change_user(req.path_params.at("username"), c, who.username);
  if (!r.ok()) return service_error(r.error);
  return json_ok(dump(user_json(*r.value)));
}

json sequence_json(const domain::sequence::State& s) {
  json steps = json::array();
  for (const auto& st : s.steps)
    steps.push_back({{"day", st.day}, {"text", st.text}, {"attachment_url", st.attachment_url}});
  json j{{"name", s.name}, {"steps", steps}, {"send_time", s.send_time}, {"saved", s.exists}};
  if (s.exists) {
    j["updated_at"] = iso_utc(s.updated_us);
    j["updated_by"] = s.updated_by;
  }
  return j;
}

HttpResponse list_sequences(TeamApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  json out = json::array();
  for (const auto& s : ctx.team.directory().sequences()) out.push_back(sequence_json(s));
  return json_ok(dump({{"sequences", out}}));
}

HttpResponse get_sequence(TeamApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  auto s = ctx.team.directory().sequence(req.path_params.at("name"));
  if (!s) return json_error(404, "not_found", "no such sequence");
  return json_ok(dump(sequence_json(*s)));
}

HttpResponse put_sequence(TeamApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  json body;
  HttpResponse error;
  if (!read_object(req, &body, &error)) return error;
  auto steps_it = body.find("steps");
  if (steps_it == body.end() || !steps_it->is_array())
    return json_error(400, "missing_field",
                      "'steps' must be a list of {day, text, attachment_url}");
  std::vector<domain::sequence::Step> steps;
  for (const auto& s : *steps_it) {
    if (!s.is_object() || !s.contains("day") || !s["day"].is_number_unsigned() ||
        !s.contains("text") || !s["text"].is_string() ||
        (s.contains("attachment_url") && !s["attachment_url"].is_string() &&
         !s["attachment_url"].is_null()))
      return json_error(400, "invalid_field",
                        "each step needs 'day' (0-365), 'text' and optionally 'attachment_url'");
    steps.push_back({s["day"].get<uint32_t>(), s["text"].get<std::string>(),
                     s.value("attachment_url", json("")).is_string()
                         ? s.value("attachment_url", std::string())
                         : std::string()});
  }
  std::optional<std::string> send_time;
  if (!string_field(body, "send_time", false, &send_time, &error)) return error;
  auto r = ctx.team.save_sequence(req.path_params.at("name"), std::move(steps),
                                  send_time.value_or("10:00"), who.username);
  if (!r.ok()) return service_error(r.error);
  return json_ok(dump(sequence_json(*r.value)));
}

}  // namespace

HttpResponse service_error(const crm::ServiceError& e) {
  auto r = json_error(e.status, e.code, e.message);
  if (e.retry_after_s > 0) r.headers.emplace_back("Retry-After", std::to_string(e.retry_after_s));
  return r;
}

json principal_json(const crm::Principal& who, const std::string& timezone) {
  return {{"username", who.username},
          {"role", to_string(who.role)},
          {"display_name", who.display_name},
          {"language", who.language},
          {"timezone", timezone}};
}

std::string iso_utc(int64_t us) {
  return events::format_utc(us, "%Y-%m-%dT%H:%M:%SZ");
}

json user_json(const domain::user::State& u) {
  return {{"username", u.username},
          {"display_name", u.profile.display_name},
          {"role", to_string(u.profile.role)},
          {"phones", u.profile.phones},
          {"telegram_ids", u.profile.telegram_ids},
          {"language", u.profile.language},
          {"disabled", u.disabled},
          {"status", u.registration == domain::user::Registration::pending    ? "pending"
                     : u.registration == domain::user::Registration::rejected ? "rejected"
                     : u.disabled                                             ? "disabled"
                                                                              : "active"},
          {"created_at", iso_utc(u.created_us)}};
}

void register_team_api(Router& router, TeamApiContext& ctx) {
  auto bind = [&ctx](HttpResponse (*f)(TeamApiContext&, const HttpRequest&)) {
    return [&ctx, f](const HttpRequest& r) { return f(ctx, r); };
  };
  router.add("POST", "/api/v1/auth/login", bind(login));
  router.add("POST", "/api/v1/auth/logout", bind(logout));
  router.add("GET", "/api/v1/auth/me", bind(me));
  router.add("POST", "/api/v1/admin/users", bind(create_user));
  router.add("GET", "/api/v1/admin/users", bind(list_users));
  router.add("GET", "/api/v1/admin/users/{username}", bind(get_user));
  router.add("PATCH", "/api/v1/admin/users/{username}", bind(patch_user));
  router.add("POST", "/api/v1/register", bind(register_user));
  router.add("POST", "/api/v1/admin/users/{username}/approve",
             [&ctx](const HttpRequest& r) { return decide_registration(ctx, r, true); });
  router.add("POST", "/api/v1/admin/users/{username}/reject",
             [&ctx](const HttpRequest& r) { return decide_registration(ctx, r, false); });
  router.add("GET", "/api/v1/admin/sequences", bind(list_sequences));
  router.add("GET", "/api/v1/admin/sequences/{name}", bind(get_sequence));
  router.add("PUT", "/api/v1/admin/sequences/{name}", bind(put_sequence));
  register_session_api(router, ctx);
}

}  // namespace parley::http
