#include "http/channel_api.hpp"

#include <nlohmann/json.hpp>

#include "http/engine_errors.hpp"
#include "http/product_api.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace conv = domain::conversation;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

channels::WebhookRequest to_webhook(const HttpRequest& req) {
  channels::WebhookRequest w;
  w.method = req.method;
  w.path = req.path;
  for (const auto& [k, v] : req.query) w.params.emplace(k, v);
  w.headers = req.headers;
  w.body = req.body;
  return w;
}

json entry_json(const channels::OutboxEntry& e) {
  json media = json::array();
  for (const auto& m : e.item.media) media.push_back({{"url", m.url}, {"caption", m.caption}});
  json j = {{"id", e.item.id},
            {"channel", e.item.channel},
            {"recipient", e.item.recipient},
            {"conversation_id", e.item.conversation_id},
            {"text", e.item.text},
            {"media", media},
            {"state", e.state},
            {"parts_done", e.parts_done},
            {"parts", e.parts},
            {"attempts", e.attempts},
            {"last_error", e.last_error},
            {"queued_at_us", e.item.queued_at_us}};
  if (e.next_attempt_us) j["next_attempt_us"] = e.next_attempt_us;
  return j;
}

// A string member, or `fallback` when it is absent or not a string.
std::string str(const json& j, const char* key, const std::string& fallback = "") {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

// The body of a JSON request, or the error to answer.
bool read_body(const HttpRequest& req, json* out, HttpResponse* error) {
  *out = json::parse(req.body, nullptr, false);
  if (out->is_discarded() || !out->is_object()) {
    *error = json_error(400, "malformed_json", "the body must be a JSON object");
    return false;
  }
  return true;
}

}  // namespace

HttpResponse handle_webhook(ChannelApiContext& ctx, const std::string& platform,
                            const HttpRequest& req) {
  auto a = ctx.adapters.find(platform);
  if (a == ctx.adapters.end()) return json_error(404, "not_found", "no such channel");
  const auto& adapter = *a->second;
  const auto webhook = to_webhook(req);
  const auto v = adapter.verify(webhook);
  switch (v.verdict) {
    case channels::Verdict::ok:
      break;
    case channels::Verdict::unauthorized:
      return json_error(401, "unauthorized", v.reason);
    case channels::Verdict::forbidden:
      return json_error(403, "forbidden", v.reason);
    case channels::Verdict::not_configured:
      return json_error(503, "channel_not_configured", v.reason);
  }
  const auto parsed = adapter.parse(webhook);
  if (!parsed.ok) return json_error(400, "malformed_webhook", parsed.error);
  const auto report = ctx.intake.accept(adapter, parsed.webhook);
  if (report.failure) {
    const EngineFailure f = describe(*report.failure);
    return json_error(f.status, f.code, "not stored, deliver again: " + f.message);
  }
  if (platform == "twilio") {  // Twilio reads the answer as TwiML
    HttpResponse r;
    r.content_type = "text/xml";
    r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    return r;
  }
  return json_ok(dump({{"ok", true},
                       {"messages", report.messages},
                       {"duplicates", report.duplicates},
                       {"rejected", report.rejected},
                       {"statuses", report.statuses}}));
}

HttpResponse handle_whatsapp_handshake(ChannelApiContext& ctx, const HttpRequest& req) {
  std::map<std::string, std::string> params;
  for (const auto& [k, v] : req.query) params.emplace(k, v);
  auto h = channels::whatsapp_handshake(ctx.whatsapp, params);
  if (h.status != 200)
    return json_error(403, "forbidden", "hub.mode must be subscribe and hub.verify_token ours");
  HttpResponse r;
  r.content_type = "text/plain";
  r.body = h.body;
  return r;
}

HttpResponse handle_reply(ChannelApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin}, &who)) return *denied;
  json body;
  HttpResponse error;
  if (!read_body(req, &body, &error)) return error;
  actors::OperatorReply reply;
  reply.at_us = ctx.now_us();
  if (body.contains("text") && !body["text"].is_string())
    return json_error(400, "invalid_field", "'text' must be a string");
  if (!body.contains("text") && !body.contains("template"))
    return json_error(400, "missing_field", "'text' (or 'template') is required");
  reply.text = str(body, "text");
  // The token says who wrote it; a name in the body was recorded as given
  // ("author":"" even passed the reply off as the bot's: found by our probe).
  reply.author = "operator:" + who.username;
  if (auto m = body.find("media"); m != body.end()) {
    if (!m->is_array()) return json_error(400, "invalid_field", "'media' must be an array");
    for (const auto& x : *m) {
      if (!x.is_object() || str(x, "url").empty())
        return json_error(400, "invalid_field", "each media needs a 'url'");
      reply.media.push_back({str(x, "url"), str(x, "caption")});
    }
  }
  if (auto t = body.find("template"); t != body.end()) {
    if (!t->is_object() || str(*t, "name").empty())
      return json_error(400, "invalid_field", "'template' needs a 'name'");
    reply.template_message.name = str(*t, "name");
    reply.template_message.language = str(*t, "language", "en");
    if (auto p = t->find("parameters"); p != t->end()) {
      if (!p->is_array()) return json_error(400, "invalid_field", "'parameters' must be an array");
      for (const auto& x : *p) {
        if (!x.is_string()) return json_error(400, "invalid_field", "parameters are strings");
        reply.template_message.parameters.push_back(x.get<std::string>());
      }
    }
  }
  const std::string id = req.path_params.at("conversation_id");
  auto r = ctx.engine.command(id, reply, ctx.timeout);
  if (!r.ok()) return engine_failure(r.error);
  if (ctx.feed) ctx.feed->wake();
  const auto colon = id.find(':');
  const bool delivered_by_outbox =
      colon != std::string::npos && ctx.adapters.count(id.substr(0, colon));
  return json_ok(dump({{"conversation_id", id},
                       {"message_id", r.value.message_id},
                       {"status", delivered_by_outbox ? "queued" : "recorded"}}),
                 202);
}

HttpResponse handle_handoff(ChannelApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin}, &who)) return *denied;
  json body;
  HttpResponse error;
  if (!read_body(req, &body, &error)) return error;
  if (!body.contains("on") || !body["on"].is_boolean())
    return json_error(400, "missing_field", "'on' (true or false) is required");
  actors::SetHandoff cmd{body["on"].get<bool>(), false, "operator:" + who.username, ctx.now_us()};
  const std::string id = req.path_params.at("conversation_id");
  auto r = ctx.engine.command(id, cmd, ctx.timeout);
  if (!r.ok()) return engine_failure(r.error);
  return json_ok(dump({{"conversation_id", id},
                       {"handoff", r.value.handoff},
                       {"changed", r.value.changed},
                       {"since_us", r.value.handoff_since_us},
                       {"by", r.value.handoff_by}}));
}

// The state forgets first, so no snapshot taken afterwards holds the details;
// then the key goes, and what the log holds of them reads as erased. A retry
// after a failure in between is safe: the event may be recorded again, and
// the key's name and bytes go in one batch (CustomerKeys::forget).
HttpResponse handle_forget(ChannelApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  if (!ctx.forget_keys) return json_error(503, "unavailable", "personal data is not sealed here");
  const std::string id = req.path_params.at("conversation_id");
  if (!ctx.engine.exists(id))
    return json_error(404, "conversation_not_found", "no conversation '" + id + "'");
  auto r = ctx.engine.command(id, actors::ForgetCustomer{"admin:" + who.username, ctx.now_us()},
                              ctx.timeout);
  if (!r.ok()) return engine_failure(r.error);
  if (auto st = ctx.forget_keys(id); !st.ok())
    return json_error(503, "unavailable", "the key is not erased yet, retry: " + st.to_string());
  // The orders view forgets at once, and the activity history reads the log;
  // the funnel keeps the zero-result searches the customer wrote (sealed with
  // the views key) until it is folded again (docs/SECURITY.md).
  return json_ok(
      dump({{"conversation_id", id}, {"forgotten", true}, {"views_to_rebuild", {"funnel"}}}));
}

HttpResponse handle_outbox_list(ChannelApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin})) return *denied;
  if (!ctx.outbox) return json_error(503, "unavailable", "the outbox is not running");
  const std::string state = req.query_value("state", "pending");
  if (state != "pending" && state != "dead")
    return json_error(400, "invalid_parameter", "state is pending or dead");
  size_t limit = 100;
  if (auto l = req.query_value("limit"); !l.empty()) {
    limit = std::strtoul(l.c_str(), nullptr, 10);
    if (limit == 0 || limit > 1000) return json_error(400, "invalid_parameter", "limit is 1..1000");
  }
  json items = json::array();
  for (const auto& e : ctx.outbox->list(state == "dead", limit)) items.push_back(entry_json(e));
  const auto s = ctx.outbox->stats();
  return json_ok(dump({{"messages", items},
                       {"pending", s.pending},
                       {"dead", s.dead},
                       {"delivered_since_start", s.delivered}}));
}

HttpResponse handle_outbox_retry(ChannelApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin})) return *denied;
  if (!ctx.outbox) return json_error(503, "unavailable", "the outbox is not running");
  const std::string id = req.path_params.at("message_id");
  switch (ctx.outbox->retry(id, "operator")) {
    case channels::Outbox::RetryAnswer::queued:
      return json_ok(dump({{"id", id}, {"state", "queued"}}), 202);
    case channels::Outbox::RetryAnswer::not_found:
      return json_error(404, "not_found", "no undelivered message with this id");
    case channels::Outbox::RetryAnswer::not_dead:
      return json_error(409, "not_dead_lettered", "this message is still being delivered");
    case channels::Outbox::RetryAnswer::failed:
      break;
  }
  return json_error(503, "unavailable", "the retry could not be recorded; try again");
}

void register_channel_api(Router& router, ChannelApiContext& ctx) {
  // One webhook route per adapter the server was given: a new channel
  // needs no route of its own.
  for (const auto& [name, adapter] : ctx.adapters) {
    const std::string platform = name;
    router.add("POST", "/webhooks/" + platform,
               [&ctx, platform](const HttpRequest& r) { return handle_webhook(ctx, platform, r); });
  }
  router.add("GET", "/webhooks/whatsapp",
             [&ctx](const HttpRequest& r) { return handle_whatsapp_handshake(ctx, r); });
  router.add("POST", "/api/v1/conversations/{conversation_id}/reply",
             [&ctx](const HttpRequest& r) { return handle_reply(ctx, r); });
  router.add("POST", "/api/v1/conversations/{conversation_id}/handoff",
             [&ctx](const HttpRequest& r) { return handle_handoff(ctx, r); });
  router.add("POST", "/api/v1/conversations/{conversation_id}/forget",
             [&ctx](const HttpRequest& r) { return handle_forget(ctx, r); });
  router.add("GET", "/api/v1/outbox",
             [&ctx](const HttpRequest& r) { return handle_outbox_list(ctx, r); });
  router.add("POST", "/api/v1/outbox/{message_id}/retry",
             [&ctx](const HttpRequest& r) { return handle_outbox_retry(ctx, r); });
}

}  // namespace parley::http
