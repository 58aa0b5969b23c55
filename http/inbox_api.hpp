// The inbox's list (sales, admin): GET /api/v1/conversations, newest message
// first, one page at a time, over the conversations view joined with the
// open carts. Filters: channel, stage, handoff, has_cart (true|false),
// archived (false by default: the archive is apart; true, or all), from and
// to (the last message's local day, YYYY-MM-DD), q (in the conversation id,
// the name, the label, the phone's digits); limit 1–200 (50); cursor: the previous page's
// `next`. Answer: {"conversations":[…],"next":cursor|null,"matched":n}.
//
// GET /api/v1/inbox/events (sales, admin): Server-Sent Events, one
// `event: conversation` (id: the feed's sequence number, data:
// {"conversation_id"}) per conversation a committed batch changed, so the
// console re-reads what changed instead of polling; `event: reload` when the
// reader fell too far behind; a comment every keep_alive. A stream holds a
// server thread, so at most max_streams are open at once (503 `busy` beyond)
// and each ends after stream_life (EventSource reconnects, with
// Last-Event-ID, and misses nothing the feed still keeps).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>

#include "http/auth.hpp"
#include "http/router.hpp"
#include "projections/calendar.hpp"
#include "projections/carts_view.hpp"
#include "projections/conversations_view.hpp"

namespace parley::http {

struct InboxApiContext {
  projections::ConversationsView& conversations;
  projections::CartsView& carts;
  projections::Calendar calendar;
  const Authorizer& auth;
  int max_streams = 16;
  std::chrono::seconds stream_life{300};
  std::chrono::milliseconds keep_alive{15000};
  std::shared_ptr<std::atomic<int>> open_streams = std::make_shared<std::atomic<int>>(0);
};

void register_inbox_api(Router& router, InboxApiContext& ctx);

}  // namespace parley::http
