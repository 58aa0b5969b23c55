#include "http/crm_api.hpp"

#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

#include "brain/nlu_numbers.hpp"
#include "crm/lead_history.hpp"
#include "domain/limits.hpp"
#include "http/engine_errors.hpp"
#include "http/team_api.hpp"

namespace parley::http {

using nlohmann::json;
namespace lead = domain::lead;

namespace {

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// "2026-11-22T10:00:00+05:30" -> UTC µs; without an offset, in the store's zone.
std::optional<int64_t> parse_instant(const std::string& text, const crm::TimeZone& zone) {
  brain::nlu::LocalNow n;
  if (!brain::nlu::parse_now(text, &n)) return std::nullopt;
  const bool has_offset = text.find_first_of("+-Z", 16) != std::string::npos;
  if (!has_offset) return zone.to_utc(n.year, n.month, n.day, n.hour, n.minute);
  char off[32];
  int m = n.offset_minutes < 0 ? -n.offset_minutes : n.offset_minutes;
  std::snprintf(off, sizeof off, "%c%02d:%02d", n.offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
  auto fixed = crm::TimeZone::load(off);
  if (!fixed) return std::nullopt;
  return fixed->to_utc(n.year, n.month, n.day, n.hour, n.minute);
}

json lead_json(const lead::State& l, const crm::TeamDirectory& team, const crm::TimeZone& zone) {
  auto name_of = [&](const std::string& u) {
    auto m = team.user(u);
    return m ? m->profile.display_name : u;
  };
  json appointments = json::array();
  for (const auto& a : l.appointments)
    appointments.push_back({{"id", a.id},
                            {"kind", to_string(a.kind)},
                            {"when", a.when_local},
                            {"when_utc", iso_utc(a.when_us)},
                            {"assignee", a.assignee},
                            {"note", a.note},
                            {"state", a.state}});
  json steps = json::array();
  for (const auto& f : l.follow_ups)
    steps.push_back({{"step_id", f.step_id},
                     {"sequence", f.sequence},
                     {"index", f.index},
                     {"due", zone.local(f.due_us).date_time()},
                     {"due_utc", iso_utc(f.due_us)},
                     {"text", f.text},
                     {"attachment_url", f.attachment_url},
                     {"state", f.state},
                     {"sent_to", f.sent_to},
                     {"skip_reason", f.skip_reason}});
  return {{"lead_id", l.id},
          {"company", l.company},
          {"contact_name", l.contact_name},
          {"phone", l.phone},
          {"email", l.email},
          {"source", l.source},
          {"assignee", l.assignee},
          {"assignee_name", name_of(l.assignee)},
          {"creator", l.creator},
          {"status", l.status},
          {"qualified", l.qualified},
          {"details", l.details},
          {"appointments", appointments},
          {"follow_ups", steps},
          {"activities", l.activities},
          {"created_at", iso_utc(l.created_us)},
          {"updated_at", iso_utc(l.updated_us)}};
}

const std::initializer_list<Role> kReaders = {Role::sales, Role::admin, Role::analyst};

HttpResponse crm_message(CrmApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin}, &who)) return *denied;
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return json_error(400, "invalid_json", "the body must be a JSON object");
  if (!body.contains("text") || !body["text"].is_string())
    return json_error(400, "missing_field", "'text' is required");
  if (body["text"].get_ref<const std::string&>().size() > domain::kMaxTextBytes)
    return text_too_long("text");
  int64_t at = ctx.now_us();
  if (auto n = body.find("now"); n != body.end() && !n->is_null()) {
    auto parsed =
        n->is_string() ? parse_instant(n->get<std::string>(), ctx.desk.zone()) : std::nullopt;
    if (!parsed)
      return json_error(400, "invalid_field",
                        "'now' must be ISO 8601, e.g. 2026-11-22T10:00:00+05:30");
    at = *parsed;
  }
  json replies = json::array();
  for (auto& text : ctx.desk.handle(who, body["text"].get<std::string>(), at))
    replies.push_back({{"text", text}});
  return json_ok(dump({{"replies", replies}}));
}

HttpResponse list_leads(CrmApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, kReaders, &who)) return *denied;
  auto assignee = req.query_value("assignee");
  if (assignee == "me") assignee = who.username;
  const auto status = req.query_value("status");
  if (!status.empty() && !lead::valid_status(status))
    return json_error(400, "invalid_status",
                      "status: new, qualified, meeting_scheduled, meeting_done, demo_scheduled, "
                      "demo_done, won or lost");
  json out = json::array();
  for (const auto& l : ctx.book.list(assignee, status))
    out.push_back(lead_json(l, ctx.team, ctx.desk.zone()));
  return json_ok(dump({{"leads", out}}));
}

HttpResponse get_lead(CrmApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, kReaders)) return *denied;
  auto l = ctx.book.get(req.path_params.at("lead_id"));
  if (!l) return json_error(404, "not_found", "no such lead");
  return json_ok(dump(lead_json(*l, ctx.team, ctx.desk.zone())));
}

HttpResponse lead_history(CrmApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, kReaders, &who)) return *denied;
  const auto& id = req.path_params.at("lead_id");
  auto h = crm::lead_history(ctx.store, ctx.team, ctx.desk.zone(), id, who.language);
  if (!h) {
    if (h.status().is_not_found()) return json_error(404, "not_found", "no such lead");
    return json_error(503, "storage_failed", h.status().to_string());
  }
  json out = json::array();
  for (const auto& e : h.value())
    out.push_back({{"seq", e.seq},
                   {"at", iso_utc(e.at_us)},
                   {"at_local", e.at_local},
                   {"type", e.type},
                   {"by", e.by},
                   {"by_name", e.by_name},
                   {"text", e.text}});
  return json_ok(dump({{"lead_id", id}, {"history", out}}));
}

// A lead command from the console or an API client (sales, admin): the body's
// one string field `field` makes the command; the answer is the lead after it.
HttpResponse lead_command(
    CrmApiContext& ctx, const HttpRequest& req, const char* field, const char* example,
    const std::function<std::optional<HttpResponse>(
        const std::string& value, const crm::Principal& who, lead::Command* command)>& make) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin}, &who)) return *denied;
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains(field) || !body[field].is_string())
    return json_error(400, "missing_field", std::string("send ") + example);
  lead::Command command;
  if (auto refused = make(body[field].get<std::string>(), who, &command)) return *refused;
  auto r =
      ctx.engine.lead(req.path_params.at("lead_id"), actors::LeadRequest{command}, ctx.timeout);
  if (!r.ok()) return engine_failure(r.error);
  ctx.book.upsert(r.value.state);
  return json_ok(dump(lead_json(r.value.state, ctx.team, ctx.desk.zone())));
}

// The enabled members by name and role, for choosing an owner: no phones,
// no Telegram ids (GET /api/v1/admin/users is the admin's full list).
HttpResponse members(CrmApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, kReaders)) return *denied;
  json out = json::array();
  for (const auto& u : ctx.team.users())
    if (u.exists && !u.disabled)
      out.push_back({{"username", u.username},
                     {"display_name", u.profile.display_name},
                     {"role", to_string(u.profile.role)}});
  return json_ok(dump({{"members", out}}));
}

HttpResponse set_status(CrmApiContext& ctx, const HttpRequest& req) {
  return lead_command(ctx, req, "status", "{\"status\": \"won\"} (or lost, qualified …)",
                      [&](const std::string& v, const crm::Principal& who, lead::Command* c) {
                        *c = lead::ChangeStatus{v, who.username, ctx.now_us()};
                        return std::optional<HttpResponse>();
                      });
}

// The new owner hears of it (actors/lead_entity.cpp's notifications).
HttpResponse assign(CrmApiContext& ctx, const HttpRequest& req) {
  return lead_command(
      ctx, req, "to", "{\"to\": \"<username>\"}",
      [&](const std::string& to, const crm::Principal& who, lead::Command* c) {
        const auto member = ctx.team.user(to);
        if (!member || !member->exists || member->disabled ||
            member->profile.role == domain::user::Role::analyst)
          return std::optional<HttpResponse>(json_error(
              422, "unknown_member", "'" + to + "' is no enabled sales or admin member"));
        *c = lead::Assign{to, who.username, ctx.now_us()};
        return std::optional<HttpResponse>();
      });
}

HttpResponse add_activity(CrmApiContext& ctx, const HttpRequest& req) {
  return lead_command(ctx, req, "note", "{\"note\": \"called, they want a demo\"}",
                      [&](const std::string& note, const crm::Principal& who, lead::Command* c) {
                        if (note.size() > domain::kMaxTextBytes)
                          return std::optional<HttpResponse>(text_too_long("note"));
                        *c = lead::AddActivity{note, who.username, ctx.now_us()};
                        return std::optional<HttpResponse>();
                      });
}

// "2026-11-25" -> local midnight in UTC µs.
std::optional<int64_t> local_midnight(const std::string& date, const crm::TimeZone& zone) {
  int y, m, d;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3)
    return std::nullopt;
  return zone.to_utc(y, m, d, 0, 0);
}

HttpResponse tasks(CrmApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, kReaders, &who)) return *denied;
  const auto& zone = ctx.desk.zone();
  auto assignee = req.query_value("assignee", who.role == Role::sales ? "me" : "");
  if (assignee == "me") assignee = who.username;
  const auto today = zone.local(ctx.now_us()).date();
  const auto from_text = req.query_value("from", today);
  const auto to_text = req.query_value("to", from_text);
  auto from = local_midnight(from_text, zone);
  auto to_day = local_midnight(to_text, zone);
  if (!from || !to_day)
    return json_error(400, "invalid_date", "from and to are local dates, YYYY-MM-DD");
  // `to` is inclusive: up to the next local midnight.
  auto next = zone.local(*to_day + int64_t(36) * 3600 * 1000000);
  auto to = zone.to_utc(next.year, next.month, next.day, 0, 0);
  json out = json::array();
  for (const auto& t : ctx.book.tasks(assignee, *from, to.value_or(*to_day)))
    out.push_back({{"kind", t.kind},
                   {"lead_id", t.lead_id},
                   {"company", t.company},
                   {"assignee", t.assignee},
                   {"when", zone.local(t.when_us).date_time()},
                   {"when_utc", iso_utc(t.when_us)},
                   {"text", t.text}});
  return json_ok(
      dump({{"from", from_text}, {"to", to_text}, {"assignee", assignee}, {"tasks", out}}));
}

}  // namespace

void register_crm_api(Router& router, CrmApiContext& ctx) {
  auto bind = [&ctx](HttpResponse (*f)(CrmApiContext&, const HttpRequest&)) {
    return [&ctx, f](const HttpRequest& r) { return f(ctx, r); };
  };
  router.add("POST", "/api/v1/crm/messages", bind(crm_message));
  router.add("GET", "/api/v1/leads", bind(list_leads));
  router.add("GET", "/api/v1/leads/{lead_id}", bind(get_lead));
  router.add("GET", "/api/v1/leads/{lead_id}/history", bind(lead_history));
  router.add("POST", "/api/v1/leads/{lead_id}/status", bind(set_status));
  router.add("POST", "/api/v1/leads/{lead_id}/assign", bind(assign));
  router.add("GET", "/api/v1/team", bind(members));
  router.add("POST", "/api/v1/leads/{lead_id}/activities", bind(add_activity));
  router.add("GET", "/api/v1/tasks", bind(tasks));
}

}  // namespace parley::http
