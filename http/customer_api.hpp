// Customer records over HTTP (issue 21): what the shop knows of a customer,
// across their conversations, and the team's two fixes to it (sales, admin).
//   GET   /api/v1/customers?q=&limit=           newest last order first; q (at
//         most 100 bytes) in the name or e-mail, or a phone's digits; limit
//         1–200 (50) -> {"customers":[row…]}
//   GET   /api/v1/customers/{customer_key}      the row, its orders newest
//         first, its conversations; a key merged away answers the customer
//         it went into -> 404 customer_not_found
//   PATCH /api/v1/customers/{customer_key}      any of name, phone, email,
//         address, city (strings of 1–1024 bytes): each of the customer's
//         conversations records the correction (its next checkout offers
//         it) -> {"customer_key","conversations":[ids changed],"changed"}
//   POST  /api/v1/customers/{customer_key}/merge {"from": another key}: the
//         other customer is this one from now on -> {"customer_key",
//         "merged","changed"}; 409 same_customer
// The customer rows are the orders view's (projections/orders_view.hpp),
// folded by a follower thread: an answer says what was recorded, and the
// rows show it a moment later.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

#include "actors/customer_merge_commands.hpp"
#include "actors/engine.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "projections/orders_view.hpp"

namespace parley::http {

struct CustomerApiContext {
  projections::OrdersView& orders;
  actors::Engine& engine;
  actors::CustomerMergeCommands& merges;
  Authorizer auth;
  std::function<int64_t()> now_us;
  std::chrono::milliseconds timeout{5000};  // for each conversation's command
};

void register_customer_api(Router& router, CustomerApiContext& ctx);

}  // namespace parley::http
