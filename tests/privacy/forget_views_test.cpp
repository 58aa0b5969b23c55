// Forgetting a customer through the views (issue 17, item 16): the live
// orders view, told conversation.customer_forgotten, holds what a rebuild
// from the log makes once the key is gone; neither holds the details. The
// activity history, read from the log, shows them erased at once.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "events/memory_event_store.hpp"
#include "privacy/sealed_event_store.hpp"
#include "projections/activity.hpp"
#include "projections/orders_view.hpp"
#include "projections/projection_engine.hpp"
#include "projections/view_store.hpp"

namespace parley::privacy {
namespace {

using nlohmann::json;

const KeyBytes kMaster = {{9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
                           9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1}};

events::NewEvent event(const std::string& type, const json& payload, int64_t at) {
  return {type, 1, at, "", payload.dump()};
}

// The conversation places an order; order.placed is linked to its append.
events::AppendRequest places(const std::string& conversation, const std::string& order,
                             int64_t at) {
  events::AppendRequest r{{"conversation", conversation}, events::kAnySeq, {}, {}};
  r.events.push_back(event("conversation.order_placed",
                           {{"order_id", order}, {"total_cents", 1000}, {"currency", "EUR"}}, at));
  r.linked.push_back(
      {{"order", order},
       0,
       {event("order.placed",
              {{"order_id", order},
               {"conversation_id", conversation},
               {"customer", {{"name", "Ana Ruiz"}, {"phone", "+34 600 111 222"}, {"city", "Vigo"}}},
               {"lines", json::array()},
               {"total_cents", 1000},
               {"currency", "EUR"},
               {"placed_at_us", at}},
              at)}});
  return r;
}

// The orders view's rows ("v/orders/<key>"), without its checkpoint.
std::map<std::string, std::string> rows(projections::ViewStore& store) {
  std::map<std::string, std::string> out;
  store.scan("v/orders/", [&](std::string_view k, std::string_view v) {
    k.remove_prefix(9);
    out.emplace(std::string(k), std::string(v));
    return true;
  });
  return out;
}

TEST(ForgetInViews, TheLiveOrdersViewEqualsARebuildAfterTheKeyIsGone) {
  events::MemoryEventStore inner;
  auto keys = std::move(CustomerKeys::open(inner, kMaster)).value();
  SealedEventStore log(inner, *keys);
  ASSERT_TRUE(log.append(places("telegram:2", "O-1", 1000)).status.ok());
  ASSERT_TRUE(log.append(places("whatsapp:3", "O-2", 2000)).status.ok());

  projections::MemoryViewStore live_store;
  projections::OrdersView live;
  projections::ProjectionEngine live_engine(log, live_store, {&live});
  ASSERT_TRUE(live_engine.open().ok());
  ASSERT_TRUE(live_engine.catch_up().ok());
  {
    std::shared_lock lock(live.mutex());
    ASSERT_NE(live.find("customer/phone:34600111222"), nullptr);
    EXPECT_EQ((*live.find("customer/phone:34600111222"))["orders"], 2);
  }

  // What the forget route does: the event, then the key.
  events::AppendRequest forgotten{{"conversation", "telegram:2"}, events::kAnySeq, {}, {}};
  forgotten.events.push_back(
      event("conversation.customer_forgotten", {{"by", "admin:root"}}, 3000));
  ASSERT_TRUE(log.append(forgotten).status.ok());
  ASSERT_TRUE(live_engine.catch_up().ok());
  ASSERT_TRUE(log.forget({"conversation", "telegram:2"}).ok());

  projections::MemoryViewStore rebuilt_store;
  projections::OrdersView rebuilt;
  projections::ProjectionEngine rebuilt_engine(log, rebuilt_store, {&rebuilt});
  ASSERT_TRUE(rebuilt_engine.open().ok());
  ASSERT_TRUE(rebuilt_engine.catch_up().ok());

  const auto live_rows = rows(live_store), rebuilt_rows = rows(rebuilt_store);
  EXPECT_EQ(live_rows, rebuilt_rows);
  const auto o1 = json::parse(rebuilt_rows.at("order/O-1"));
  EXPECT_EQ(o1["customer"]["name"], "[erased]");
  EXPECT_EQ(o1["customer"]["city"], "[erased]");
  EXPECT_EQ(o1["total_cents"], 1000);
  EXPECT_EQ(json::parse(rebuilt_rows.at("customer/phone:34600111222"))["orders"], 1);
  EXPECT_EQ(json::parse(rebuilt_rows.at("customer/conversation:telegram:2"))["name"], "[erased]");
  EXPECT_EQ(json::parse(rebuilt_rows.at("order/O-2"))["customer"]["name"], "Ana Ruiz");
}

TEST(ForgetInViews, TheActivityHistoryShowsTheShoppersWordsErasedAtOnce) {
  events::MemoryEventStore inner;
  auto keys = std::move(CustomerKeys::open(inner, kMaster)).value();
  SealedEventStore log(inner, *keys);
  events::AppendRequest wrote{{"conversation", "telegram:2"}, events::kAnySeq, {}, {}};
  wrote.events.push_back(
      event("conversation.message_received", {{"text", "I am Ana, call 600 111 222"}}, 1000));
  ASSERT_TRUE(log.append(wrote).status.ok());
  const projections::Calendar utc("UTC", [](int64_t) { return int64_t{0}; });
  auto before = projections::activity_history(log, "conversation", "telegram:2", utc);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ((*before)[0]["text"], "Wrote: I am Ana, call 600 111 222");

  ASSERT_TRUE(log.forget({"conversation", "telegram:2"}).ok());
  auto after = projections::activity_history(log, "conversation", "telegram:2", utc);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ((*after)[0]["text"], "Wrote: [erased]");
  EXPECT_EQ((*after)[0]["by"], "shopper");
}

}  // namespace
}  // namespace parley::privacy
