#include "http/api.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

#include "domain/conversation.hpp"
#include "events/delivery_codec.hpp"
#include "events/envelope_json.hpp"
#include "events/keys.hpp"
#include "events/order_codec.hpp"
#include "events/stream_command.hpp"
#include "http/conversation_view.hpp"
#include "http/engine_errors.hpp"
#include "http/order_access.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
constexpr size_t kMaxUserIdBytes = 128;
constexpr size_t kMaxChannelBytes = 32;
constexpr size_t kMaxMessageIdBytes = 128;

HttpResponse bad_request(const std::string& code, const std::string& message) {
  return json_error(400, code, message);
}

// Reads an optional string field; an error response when present but not a
// string or too long.
std::optional<HttpResponse> read_string(const json& body, const char* field, size_t max_bytes,
                                        bool required, std::string* out) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) {
    if (required) return bad_request("missing_field", std::string("'") + field + "' is required");
    return std::nullopt;
  }
  if (!it->is_string())
    return bad_request("invalid_field", std::string("'") + field + "' must be a string");
  *out = it->get<std::string>();
  if (max_bytes && out->size() > max_bytes)
    return bad_request("invalid_field", std::string("'") + field + "' is longer than " +
                                            std::to_string(max_bytes) + " bytes");
  if (out->find('\0') != std::string::npos)
    return bad_request("invalid_field", std::string("'") + field + "' contains a NUL character");
  return std::nullopt;
}

bool valid_channel(const std::string& c) {
  if (c.empty()) return false;
  for (unsigned char ch : c)
    if (!(std::isalnum(ch) || ch == '_' || ch == '-')) return false;
  return true;
}

// Parses ?name= as an unsigned integer within [lo, hi]; `fallback` if absent.
std::optional<HttpResponse> read_uint(const HttpRequest& req, const char* name, uint64_t fallback,
                                      uint64_t lo, uint64_t hi, uint64_t* out) {
  auto text = req.query_value(name);
  if (text.empty()) {
    *out = fallback;
    return std::nullopt;
  }
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (errno || *end != '\0' || text[0] == '-' || v < lo || v > hi)
    return bad_request("invalid_parameter", std::string("'") + name + "' must be an integer in [" +
                                                std::to_string(lo) + ", " + std::to_string(hi) +
                                                "]");
  *out = v;
  return std::nullopt;
}

// Reads the conversation's stream; a response on error or when it is empty.
std::optional<HttpResponse> read_conversation(ApiContext& ctx, const std::string& id,
                                              uint64_t from_seq, size_t limit,
                                              std::vector<events::EventEnvelope>* out) {
  events::StreamId stream{domain::conversation::kEntityType, id};
  if (!events::keys::validate_stream(stream).ok())
    return json_error(404, "not_found", "no conversation '" + id + "'");
  auto st = ctx.store.read_stream(stream, from_seq, limit, out);
  if (!st.ok()) return json_error(503, "storage_unavailable", st.to_string());
  if (out->empty() && from_seq <= 1)
    return json_error(404, "not_found", "no conversation '" + id + "'");
  return std::nullopt;
}

// The outbox's record of a message: its delivery stream folded. A stream that
// cannot be read shows no tick rather than failing the whole page.
DeliveryLookup outbox_record_reader(events::EventStore& store) {
  return [&store](const std::string& message_id) -> std::optional<domain::delivery::State> {
    std::vector<events::EventEnvelope> stream;
    if (!store.read_stream({domain::delivery::kEntityType, message_id}, 1, SIZE_MAX, &stream)
             .ok() ||
        stream.empty())
      return std::nullopt;
    domain::delivery::State state;
    for (const auto& env : stream)
      if (auto e = events::delivery_codec::decode(env)) state = domain::delivery::evolve(state, *e);
    return state;
  };
}

}  // namespace

std::optional<HttpResponse> read_chat_request(ApiContext& ctx, const HttpRequest& req,
                                              actors::ChatTurn* turn) {
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) return bad_request("invalid_json", "the body is not valid JSON");
  if (!body.is_object()) return bad_request("invalid_json", "the body must be a JSON object");
  turn->channel = "api";
  if (auto e = read_string(body, "user_id", kMaxUserIdBytes, true, &turn->user_id)) return *e;
  if (auto e = read_string(body, "text", 0, true, &turn->text)) return *e;
  if (turn->text.size() > domain::kMaxTextBytes) return text_too_long("text");
  if (auto e = read_string(body, "channel", kMaxChannelBytes, false, &turn->channel)) return *e;
  if (auto e =
          read_string(body, "message_id", kMaxMessageIdBytes, false, &turn->platform_message_id))
    return *e;
  if (turn->user_id.empty()) return bad_request("invalid_field", "'user_id' is empty");
  if (!valid_channel(turn->channel))
    return bad_request("invalid_field", "'channel' must be letters, digits, '_' or '-'");
  turn->via = "api";
  if (turn->channel != "api") {
    // Speaking as a platform's user is the shop's to do, never a stranger's.
    if (!ctx.auth || bearer_token(req).empty())
      turn->channel = "api";
    else if (auto denied = ctx.auth->deny(req, {Role::admin}))
      return *denied;
  }
  turn->at_us = ctx.now_us();
  if (turn->platform_message_id.empty()) turn->request_id = ctx.new_request_id();
  return std::nullopt;
}

json chat_result_json(const actors::ChatTurnResult& result) {
  json replies = json::array();
  for (const auto& r : result.replies) {
    json reply = {{"text", r.text}};
    if (!r.media.empty()) {
      json media = json::array();
      for (const auto& m : r.media) media.push_back({{"url", m.url}, {"caption", m.caption}});
      reply["media"] = std::move(media);
    }
    replies.push_back(std::move(reply));
  }
  json out = {{"conversation_id", result.conversation_id},
              {"replies", std::move(replies)},
              {"duplicate", result.duplicate}};
  if (!result.brain.empty()) out["brain"] = result.brain;
  if (!result.fallback.empty()) out["fallback"] = result.fallback;
  return out;
}

HttpResponse chat_failure(const actors::EngineError& e) {
  return engine_failure(e);
}

HttpResponse handle_chat(ApiContext& ctx, const HttpRequest& req) {
  actors::ChatTurn turn;
  if (auto e = read_chat_request(ctx, req, &turn)) return *e;
  auto result = ctx.engine.chat(turn, ctx.request_timeout);
  if (!result.ok()) return engine_failure(result.error);
  return json_ok(
      chat_result_json(result.value).dump(-1, ' ', false, json::error_handler_t::replace));
}

namespace {

// The caller's error response unless they hold one of `roles`.
std::optional<HttpResponse> deny(const ApiContext& ctx, const HttpRequest& req,
                                 std::initializer_list<Role> roles) {
  if (!ctx.auth) return json_error(401, "unauthorized", "send Authorization: Bearer <token>");
  return ctx.auth->deny(req, roles);
}

}  // namespace

HttpResponse handle_conversation(ApiContext& ctx, const HttpRequest& req) {
  if (auto denied = deny(ctx, req, {Role::sales, Role::admin})) return *denied;
  const auto& id = req.path_params.at("conversation_id");
  uint64_t limit = 0;
  if (auto e = read_uint(req, "limit", 200, 1, 10000, &limit)) return *e;
  std::vector<events::EventEnvelope> stream;
  if (auto e = read_conversation(ctx, id, 1, SIZE_MAX, &stream)) return *e;
  return json_ok(conversation_view(id, stream, limit, outbox_record_reader(ctx.store))
                     .dump(-1, ' ', false, json::error_handler_t::replace));
}

HttpResponse handle_conversation_events(ApiContext& ctx, const HttpRequest& req) {
  if (auto denied = deny(ctx, req, {Role::admin})) return *denied;
  const auto& id = req.path_params.at("conversation_id");
  uint64_t from = 0, limit = 0;
  if (auto e = read_uint(req, "from_seq", 1, 1, UINT64_MAX - 1, &from)) return *e;
  if (auto e = read_uint(req, "limit", 1000, 1, 10000, &limit)) return *e;
  std::vector<events::EventEnvelope> stream;
  if (auto e = read_conversation(ctx, id, from, limit, &stream)) return *e;
  json list = json::array();
  for (const auto& env : stream) list.push_back(events::to_json(env));
  return json_ok(
      json{{"events", std::move(list)}}.dump(-1, ' ', false, json::error_handler_t::replace));
}

HttpResponse handle_order(ApiContext& ctx, const HttpRequest& req) {
  namespace order = domain::order;
  const auto& id = req.path_params.at("order_id");
  if (auto denied = deny_order_view(ctx.auth, ctx.order_links, req, id, ctx.now_us() / 1000000))
    return *denied;
  order::State state;
  if (events::keys::validate_stream({order::kEntityType, id}).ok()) {
    auto loaded = events::load_stream<events::order_codec::Stream>(ctx.store, id);
    if (!loaded.status.ok())
      return json_error(503, "storage_unavailable", loaded.status.to_string());
    state = std::move(loaded.state);
  }
  if (!state.exists) return json_error(404, "not_found", "no order '" + id + "'");
  return json_ok(events::order_codec::to_json(state, ctx.invoice_mail)
                     .dump(-1, ' ', false, json::error_handler_t::replace));
}

void register_api(Router& router, ApiContext& ctx, std::function<std::string()> metrics_page) {
  router.add("GET", "/healthz", [](const HttpRequest&) { return json_ok(R"({"status":"ok"})"); });
  router.add("GET", "/readyz", [&ctx](const HttpRequest&) {
    if (ctx.accepting && !ctx.accepting->load())
      return json_error(503, "shutting_down", "the server is shutting down");
    const uint64_t head = ctx.store.last_position();
    json projections = json::object();
    std::string behind;
    for (const auto& [name, p] : ctx.projections) {
      const uint64_t at = p(), lag = head > at ? head - at : 0;
      projections[name] = {{"checkpoint", at}, {"lag", lag}};
      if (lag > kReadyLag)
        behind +=
            (behind.empty() ? "" : ", ") + name + " is " + std::to_string(lag) + " events behind";
    }
    if (!behind.empty()) {
      HttpResponse r = json_error(503, "projections_behind", behind);
      auto body = json::parse(r.body);
      body["projections"] = projections;
      r.body = body.dump();
      return r;
    }
    return json_ok(json{
        {"status", "ready"},
        {"store", {{"open", true}, {"last_position", head}}},
        {"projections",
         projections}}.dump());
  });
  router.add("GET", "/metrics", [metrics_page](const HttpRequest&) {
    HttpResponse r;
    r.body = metrics_page();
    r.content_type = "text/plain; version=0.0.4";
    return r;
  });
  router.add("POST", "/api/v1/chat", [&ctx](const HttpRequest& r) { return handle_chat(ctx, r); });
  router.add("POST", "/api/v1/chat/stream",
             [&ctx](const HttpRequest& r) { return handle_chat_stream(ctx, r); });
  router.add("GET", "/api/v1/conversations/{conversation_id}",
             [&ctx](const HttpRequest& r) { return handle_conversation(ctx, r); });
  router.add("GET", "/api/v1/orders/{order_id}",
             [&ctx](const HttpRequest& r) { return handle_order(ctx, r); });
  router.add("GET", "/api/v1/conversations/{conversation_id}/events",
             [&ctx](const HttpRequest& r) { return handle_conversation_events(ctx, r); });
}

}  // namespace parley::http
