#include "http/conversation_manage_api.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "http/engine_errors.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace conv = domain::conversation;

// A label is at most 100 bytes; the body has room for its JSON escapes.
constexpr size_t kMaxBodyBytes = 4096;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The body as a JSON object, or the answer that refuses it.
std::optional<HttpResponse> read_object(const HttpRequest& req, json* out) {
  if (req.body.size() > kMaxBodyBytes)
    return json_error(413, "too_large", "the body is at most 4 KiB");
  *out = json::parse(req.body, nullptr, false);
  if (out->is_discarded() || !out->is_object())
    return json_error(400, "malformed_json", "the body must be a JSON object");
  return std::nullopt;
}

// Runs one of the team's commands on an existing conversation.
actors::EngineResult<actors::ChatTurnResult> manage(ConversationManageContext& ctx,
                                                    const std::string& id,
                                                    actors::ManageConversation command) {
  command.at_us = ctx.now_us();
  return ctx.engine.command(id, std::move(command), ctx.timeout);
}

HttpResponse not_found(const std::string& id) {
  return json_error(404, "conversation_not_found", "no conversation '" + id + "'");
}

HttpResponse label(ConversationManageContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin}, &who)) return *denied;
  json body;
  if (auto bad = read_object(req, &body)) return *bad;
  if (!body.contains("label") || !body["label"].is_string())
    return json_error(400, "missing_field", "'label' (a string; \"\" takes it off) is required");
  const std::string id = req.path_params.at("conversation_id");
  if (!ctx.engine.exists(id)) return not_found(id);
  const std::string by = "operator:" + who.username;
  auto r = manage(ctx, id, {conv::SetLabel{body["label"].get<std::string>(), by, ctx.now_us()}});
  if (!r.ok()) return engine_failure(r.error);
  return json_ok(dump({{"conversation_id", id},
                       {"label", r.value.state ? r.value.state->label : ""},
                       {"changed", r.value.changed}}));
}

HttpResponse archive(ConversationManageContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin}, &who)) return *denied;
  json body;
  if (auto bad = read_object(req, &body)) return *bad;
  if (!body.contains("archived") || !body["archived"].is_boolean())
    return json_error(400, "missing_field", "'archived' (true or false) is required");
  const std::string id = req.path_params.at("conversation_id");
  if (!ctx.engine.exists(id)) return not_found(id);
  const std::string by = "operator:" + who.username;
  auto r = manage(ctx, id, {conv::SetArchived{body["archived"].get<bool>(), by, ctx.now_us()}});
  if (!r.ok()) return engine_failure(r.error);
  return json_ok(dump({{"conversation_id", id},
                       {"archived", r.value.state && r.value.state->archived},
                       {"changed", r.value.changed}}));
}

}  // namespace

void register_conversation_manage_api(Router& router, ConversationManageContext& ctx) {
  router.add("PUT", "/api/v1/conversations/{conversation_id}/label",
             [&ctx](const HttpRequest& r) { return label(ctx, r); });
  router.add("POST", "/api/v1/conversations/{conversation_id}/archive",
             [&ctx](const HttpRequest& r) { return archive(ctx, r); });
}

}  // namespace parley::http
