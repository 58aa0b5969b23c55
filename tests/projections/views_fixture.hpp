// What the view tests share: every view over one log (Views), a store's
// rows (dump), and a Scene that appends events one request at a time and
// folds them, at a fixed +05:30 calendar.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "events/memory_event_store.hpp"
#include "projections/billing_view.hpp"
#include "projections/carts_view.hpp"
#include "projections/conversations_view.hpp"
#include "projections/funnel_view.hpp"
#include "projections/orders_view.hpp"
#include "projections/pricing.hpp"
#include "projections/projection_engine.hpp"
#include "projections/timers_view.hpp"
#include "projections/view_store.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/workload.hpp"

namespace parley::projections {

using nlohmann::json;

// +05:30, fixed.
inline Calendar kolkata() {
  return Calendar("+05:30", [](int64_t) { return int64_t{330} * 60000000; });
}

struct Views {
  CartsView carts;
  ConversationsView conversations;
  OrdersView orders;
  BillingView billing{kolkata()};
  FunnelView funnel{kolkata()};
  TimersView timers;
  std::vector<Projection*> all() {
    return {&carts, &conversations, &orders, &billing, &funnel, &timers};
  }
};

inline std::map<std::string, std::string> dump(ViewStore& store) {
  std::map<std::string, std::string> out;
  store.scan("", [&](std::string_view k, std::string_view v) {
    out.emplace(std::string(k), std::string(v));
    return true;
  });
  return out;
}

// Events appended one request at a time, for exact view checks.
struct Scene {
  events::MemoryEventStore log;
  MemoryViewStore store;
  Views v;
  ProjectionEngine engine{log, store, v.all()};
  int64_t t = int64_t{1795321800} * 1000000;  // 2026-11-22T10:00+05:30
  Scene() { EXPECT_TRUE(engine.open().ok()); }
  void add(const std::string& type, const std::string& id, const std::string& event_type,
           const json& payload, int64_t at_offset_min = 0) {
    events::AppendRequest r{{type, id}, events::kAnySeq, {}, {}};
    r.events.push_back({event_type, 1, t + at_offset_min * 60000000, "", payload.dump()});
    ASSERT_TRUE(log.append(r).status.ok());
  }
  void fold() { ASSERT_TRUE(engine.catch_up().ok()); }
};

}  // namespace parley::projections
