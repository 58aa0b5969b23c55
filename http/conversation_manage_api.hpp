// The team manages conversations as things of their own (issue 21, point 4):
//   PUT  /api/v1/conversations/{id}/label    {"label": "…"}  ("" takes it off)
//   POST /api/v1/conversations/{id}/archive  {"archived": true|false}
// Roles sales and admin. Both are decided by the conversation's decider
// (domain/conversation.hpp SetLabel, SetArchived) and answer after the event
// is durable: 200 {"conversation_id", "label" | "archived", "changed"}; the
// same value again records nothing (changed false). 404 conversation_not_found
// for a conversation without events; 422 invalid_label for a label over 100
// bytes, not UTF-8, or with a control character. An archived conversation
// leaves the inbox's list (GET /api/v1/conversations?archived=true shows the
// archive) until the shopper writes again.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

#include "actors/engine.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"

namespace parley::http {

struct ConversationManageContext {
  actors::Engine& engine;
  Authorizer auth;
  std::chrono::milliseconds timeout{5000};
  std::function<int64_t()> now_us;
};

void register_conversation_manage_api(Router& router, ConversationManageContext& ctx);

}  // namespace parley::http
