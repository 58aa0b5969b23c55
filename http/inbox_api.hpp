// The inbox's list (sales, admin): GET /api/v1/conversations, newest message
// first, one page at a time, over the conversations view joined with the
// open carts. Filters: channel, stage, handoff, has_cart (true|false), from
// and to (the last message's local day, YYYY-MM-DD), q (in the conversation
// id: user id, phone digits); limit 1–200 (50); cursor: the previous page's
// `next`. Answer: {"conversations":[…],"next":cursor|null,"matched":n}.
#pragma once

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
};

void register_inbox_api(Router& router, InboxApiContext& ctx);

}  // namespace parley::http
