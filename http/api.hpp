// The REST API of the spine: each handler parses, calls the engine or the
// store, and renders. Routes and shapes: ../shared/spec/http-contract.md and
// docs/API.md.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

#include "actors/engine.hpp"
#include "events/event_store.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "payments/order_links.hpp"
#include "projections/log_follower.hpp"

namespace parley::http {

struct ApiContext {
  actors::Engine& engine;
  events::EventStore& store;
  std::chrono::milliseconds request_timeout{5000};
  // Wall clock in µs since the epoch; injectable for tests.
  std::function<int64_t()> now_us;
  // A fresh id for a request that carries none ("req-…").
  std::function<std::string()> new_request_id;
  // False once shutdown began: /readyz answers 503.
  std::atomic<bool>* accepting = nullptr;
  // Projections /readyz reports, by name; each is ready within kReadyLag events.
  // name -> its checkpoint in the log, for /readyz.
  std::vector<std::pair<std::string, std::function<uint64_t()>>> projections = {};
  // False when no SMTP or SendGrid is configured: invoices show mail "off".
  bool invoice_mail = true;
  // Who may read conversations and orders, and speak on a platform channel.
  // nullptr: nobody (those routes answer 401).
  const Authorizer* auth = nullptr;
  // Shoppers' signed links to their own order (GET /api/v1/orders/{id}).
  const payments::OrderLinks* order_links = nullptr;
};

// A projection this many events behind the log still counts as caught up:
// followers catch up every 100 ms, so under load a strict 0 would flap.
inline constexpr uint64_t kReadyLag = 10000;

// Registers every route of this issue on `router`. `metrics_page` renders /metrics.
void register_api(Router& router, ApiContext& ctx, std::function<std::string()> metrics_page);

// Individual handlers, exposed for tests.
HttpResponse handle_chat(ApiContext& ctx, const HttpRequest& req);
// Server-Sent Events: thinking, content, meta, done (http/chat_stream.cpp).
HttpResponse handle_chat_stream(ApiContext& ctx, const HttpRequest& req);
HttpResponse handle_conversation(ApiContext& ctx, const HttpRequest& req);
HttpResponse handle_conversation_events(ApiContext& ctx, const HttpRequest& req);
HttpResponse handle_order(ApiContext& ctx, const HttpRequest& req);

// The chat body ({"user_id","text","channel"?,"message_id"?}) as a turn;
// the 400 response when it is not one, 422 for a text over the cap. Without a
// token the channel is "api" whatever the body says; another channel needs
// the admin role (403 otherwise), and is recorded as written via the API.
std::optional<HttpResponse> read_chat_request(ApiContext& ctx, const HttpRequest& req,
                                              actors::ChatTurn* turn);
// {"conversation_id","replies":[{"text","media"?}],"duplicate","brain"?,"fallback"?}
nlohmann::json chat_result_json(const actors::ChatTurnResult& result);
// The error response of a failed engine call (422, 503, 504).
HttpResponse chat_failure(const actors::EngineError& error);

}  // namespace parley::http
