// The analysts' views: carts, orders and customers, billing and its prices,
// the costliest conversations, the funnel, and the timers.
#include <gtest/gtest.h>

#include <shared_mutex>

#include "tests/projections/views_fixture.hpp"

namespace parley::projections {
namespace {

TEST(Projections, CartsOrdersAndCustomers) {
  Scene s;
  const json line = {{"sku", "A"},
                     {"name", "Hammer"},
                     {"quantity", 2},
                     {"unit_price_cents", 1250},
                     {"currency", "EUR"}};
  s.add("conversation", "whatsapp:1", "cart.item_added", {{"line", line}});
  s.add("conversation", "whatsapp:1", "cart.quantity_changed", {{"sku", "A"}, {"quantity", 3}});
  s.add("conversation", "telegram:2", "cart.item_added", {{"line", line}});
  s.add("conversation", "telegram:2", "conversation.order_placed",
        {{"order_id", "O1"}, {"total_cents", 2500}, {"currency", "EUR"}});
  for (const char* conv : {"telegram:2", "whatsapp:3"})
    s.add("order", std::string("O-") + conv, "order.placed",
          {{"order_id", std::string("O-") + conv},
           {"conversation_id", conv},
           {"customer", {{"name", "Ana"}, {"phone", "+34 600 111 222"}}},
           {"total_cents", 1000},
           {"currency", "EUR"},
           {"placed_at_us", s.t}});
  // The lifecycle moves the status; the work around it does not.
  const std::string o2 = "O-telegram:2";
  s.add("order", o2, "order.stock_reserved", {{"lines", json::array()}});
  s.add("order", o2, "order.payment_requested", {{"provider", "manual"}});
  s.add("order", o2, "order.shopper_notified", {{"status", "awaiting_payment"}});
  s.add("order", o2, "order.paid", {{"provider", "manual"}, {"amount_cents", 1000}});
  s.add("order", o2, "order.invoice_issued", {{"number", 1}, {"invoice_id", "INV-000001"}});
  s.add("order", o2, "order.invoice_mailed", {{"to", "a@b"}});
  s.fold();
  {
    std::shared_lock olock(s.v.orders.mutex());
    const json* o = s.v.orders.find("order/" + o2);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ((*o)["status"], "paid");
    EXPECT_EQ((*o)["invoice_id"], "INV-000001");
    EXPECT_EQ((*s.v.orders.find("order/O-whatsapp:3"))["status"], "placed");
  }
  std::shared_lock lock(s.v.carts.mutex());
  const auto open = s.v.carts.cart("whatsapp:1");
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ((*open)["status"], "open");
  EXPECT_EQ((*open)["value_cents"], 3750);
  EXPECT_EQ((*open)["channel"], "whatsapp");
  EXPECT_EQ((*s.v.carts.cart("telegram:2"))["status"], "ordered");
  EXPECT_FALSE(s.v.carts.cart("whatsapp:3").has_value());
  std::shared_lock olock(s.v.orders.mutex());
  const json* c = s.v.orders.find("customer/phone:34600111222");
  ASSERT_NE(c, nullptr) << "one customer across two channels";
  EXPECT_EQ((*c)["orders"], 2);
  EXPECT_EQ((*c)["spent_cents"]["EUR"], 2000);
  EXPECT_EQ((*c)["channels"].size(), 2u);
}

// The analyst queries are the views' own methods: http/ only renders them.
TEST(Projections, GivenCartsAndOrdersWhenQueriedByChannelAndStateThenTheViewsAnswer) {
  Scene s;
  const json line = {{"sku", "A"},
                     {"name", "Hammer"},
                     {"quantity", 1},
                     {"unit_price_cents", 1250},
                     {"currency", "EUR"}};
  s.add("conversation", "whatsapp:1", "cart.item_added", {{"line", line}});
  s.add("conversation", "telegram:2", "cart.item_added", {{"line", line}}, 120);
  s.add("order", "O-1", "order.placed",
        {{"order_id", "O-1"},
         {"conversation_id", "telegram:2"},
         {"customer", {{"name", "Ana"}, {"phone", "+34 600 111 222"}}},
         {"total_cents", 1250},
         {"currency", "EUR"},
         {"placed_at_us", s.t}});
  s.fold();
  const Calendar cal = kolkata();
  RowFilter all;
  // Open carts untouched for an hour before the second one was: the first is abandoned.
  auto carts = s.v.carts.carts(all, "abandoned", s.t + 60 * 60000000LL, cal);
  ASSERT_EQ(carts.rows.size(), 1u);
  EXPECT_EQ(carts.rows[0]["conversation_id"], "whatsapp:1");
  EXPECT_EQ(carts.abandoned_value_cents, 1250);
  RowFilter telegram;
  telegram.channel = "telegram";
  EXPECT_EQ(s.v.carts.carts(telegram, "", 0, cal).rows.size(), 1u);
  EXPECT_EQ(s.v.orders.orders(telegram, cal).size(), 1u);
  EXPECT_EQ(s.v.orders.customers(telegram, cal).size(), 1u);
  RowFilter whatsapp;
  whatsapp.channel = "whatsapp";
  EXPECT_EQ(s.v.orders.orders(whatsapp, cal).size(), 0u);
  RowFilter later;
  later.from = "2026-11-23";
  EXPECT_EQ(s.v.orders.orders(later, cal).size(), 0u);
}

TEST(Projections, AnOrdersRowShowsItsPromotionsDiscountAndCode) {
  Scene s;
  s.add("order", "O-2", "order.placed",
        {{"order_id", "O-2"},
         {"conversation_id", "api:u"},
         {"customer", {{"name", "Ana"}}},
         {"lines", json::array()},
         {"total_cents", 2700},
         {"discount_cents", 300},
         {"promo_code", "VERANO10"},
         {"currency", "EUR"},
         {"placed_at_us", s.t}});
  s.fold();
  const auto rows = s.v.orders.orders(RowFilter{}, kolkata());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["total_cents"], 2700);
  EXPECT_EQ(rows[0]["discount_cents"], 300);
  EXPECT_EQ(rows[0]["promo_code"], "VERANO10");
}

TEST(Projections, BillingPricesByExactPrefixAndProviderDefault) {
  EXPECT_EQ(price_of("openai", "gpt-4o-mini").source, "exact");
  EXPECT_EQ(price_of("openai", "gpt-4o-mini-2024-07-18").source, "prefix");
  EXPECT_EQ(price_of("openai", "gpt-4o-mini-2024-07-18").input_per_mtok, 0.15);
  EXPECT_EQ(price_of("anthropic", "claude-9-mystery").source, "provider_default");
  EXPECT_EQ(cost_micros(price_of("openai", "gpt-4o-mini"), 1000000, 1000000), 750000);

  Scene s;
  s.add("usage", "u1", "llm.usage",
        {{"provider", "openai"},
         {"model", "gpt-4o-mini"},
         {"agent", "shop"},
         {"input_tokens", 1000},
         {"output_tokens", 500}});
  s.add("usage", "u2", "llm.usage",
        {{"provider", "openai"},
         {"model", "gpt-4o-mini"},
         {"agent", "shop"},
         {"input_tokens", 3000},
         {"output_tokens", 0}},
        14 * 60);  // 00:00 the next local day
  s.add("conversation", "telegram:9", "conversation.message_received", {{"text", "hi"}});
  s.add("conversation", "telegram:9", "conversation.message_sent", {{"text", "hello"}});
  s.fold();
  std::shared_lock lock(s.v.billing.mutex());
  const json* day1 = s.v.billing.find("usage/2026-11-22/openai/gpt-4o-mini/shop/");
  const json* day2 = s.v.billing.find("usage/2026-11-23/openai/gpt-4o-mini/shop/");
  ASSERT_NE(day1, nullptr);
  ASSERT_NE(day2, nullptr) << "days are local (+05:30)";
  EXPECT_EQ((*day1)["cost_micros"], 450);  // 1000 × 0.15 + 500 × 0.60
  EXPECT_EQ((*day1)["pricing_source"], "exact");
  const json* msgs = s.v.billing.find("messages/2026-11-22/telegram");
  ASSERT_NE(msgs, nullptr);
  EXPECT_EQ((*msgs)["received"], 1);
  EXPECT_EQ((*msgs)["sent"], 1);
}

TEST(Projections, GivenAChannelTheCostliestConversationsAreOnlyThatChannels) {
  Scene s;
  auto use = [&](const char* id, const char* conversation, int tokens) {
    s.add("usage", id, "llm.usage",
          {{"provider", "openai"},
           {"model", "gpt-4o-mini"},
           {"agent", "shop"},
           {"conversation_id", conversation},
           {"input_tokens", tokens},
           {"output_tokens", 0}});
  };
  use("u1", "telegram:1", 9000);
  use("u2", "whatsapp:2", 5000);
  use("u3", "telegram:3", 1000);
  s.fold();
  auto ids = [&](const std::string& channel, size_t limit) {
    RowFilter f;
    f.channel = channel;
    std::vector<std::string> out;
    for (const auto& r : s.v.billing.conversations(f, "", limit))
      out.push_back(r["conversation_id"]);
    return out;
  };
  EXPECT_EQ(ids("", 10), (std::vector<std::string>{"telegram:1", "whatsapp:2", "telegram:3"}));
  EXPECT_EQ(ids("telegram", 2), (std::vector<std::string>{"telegram:1", "telegram:3"}))
      << "the limit counts the channel's conversations only";
  EXPECT_EQ(ids("whatsapp", 10), std::vector<std::string>{"whatsapp:2"});
}

TEST(Projections, GivenAChannelTheLlmUseIsOnlyThatChannelsConversations) {
  Scene s;
  auto use = [&](const char* id, const char* conversation, int tokens) {
    json p = {{"provider", "openai"},
              {"model", "gpt-4o-mini"},
              {"agent", "shop"},
              {"input_tokens", tokens},
              {"output_tokens", 0}};
    if (*conversation) p["conversation_id"] = conversation;
    s.add("usage", id, "llm.usage", p);
  };
  use("u1", "telegram:1", 9000);
  use("u2", "whatsapp:2", 5000);
  use("u3", "telegram:3", 1000);
  use("u4", "", 700);  // a call outside any conversation
  s.fold();
  auto tokens = [&](const std::string& channel) {
    RowFilter f;
    f.channel = channel;
    const auto u = s.v.billing.usage(f, "");
    int64_t by_rows = 0;
    for (const auto& r : u.usage) by_rows += r["input_tokens"].get<int64_t>();
    EXPECT_EQ(by_rows, u.totals["input_tokens"].get<int64_t>()) << channel;
    EXPECT_EQ(u.by_day.size(), 1u) << channel;
    return u.totals["input_tokens"].get<int64_t>();
  };
  EXPECT_EQ(tokens(""), 15700);
  EXPECT_EQ(tokens("telegram"), 10000);
  EXPECT_EQ(tokens("whatsapp"), 5000);
}

TEST(Projections, FunnelCountsStagesAndListsZeroResultSearches) {
  Scene s;
  const json line = {{"sku", "A"},
                     {"name", "Hammer"},
                     {"quantity", 1},
                     {"unit_price_cents", 100},
                     {"currency", "EUR"}};
  for (int c = 1; c <= 3; ++c) {
    const std::string id = "api:" + std::to_string(c);
    s.add("conversation", id, "conversation.message_received", {{"text", "hi"}});
    s.add("conversation", id, "conversation.message_received", {{"text", "again"}});
    s.add("conversation", id, "conversation.search_performed",
          {{"query", c == 3 ? "unicorn" : "hammer"}, {"results", c == 3 ? 0 : 4}});
    if (c == 3) continue;
    s.add("conversation", id, "cart.item_added", {{"line", line}});
    s.add("conversation", id, "cart.item_added", {{"line", line}});  // the same cart
    s.add("conversation", id, "checkout.started", json::object());
    if (c == 1)
      s.add("conversation", id, "conversation.order_placed",
            {{"order_id", "O"}, {"total_cents", 100}, {"currency", "EUR"}});
  }
  s.fold();
  std::shared_lock lock(s.v.funnel.mutex());
  const json* day = s.v.funnel.find("day/2026-11-22/api");
  ASSERT_NE(day, nullptr);
  EXPECT_EQ((*day)["conversations"], 3);
  EXPECT_EQ((*day)["searches"], 3);
  EXPECT_EQ((*day)["zero_result_searches"], 1);
  EXPECT_EQ((*day)["carts"], 2);
  EXPECT_EQ((*day)["checkouts"], 2);
  EXPECT_EQ((*day)["orders"], 1);
  const json* zero = s.v.funnel.find("zero/2026-11-22/api/unicorn");
  ASSERT_NE(zero, nullptr);
  EXPECT_EQ((*zero)["count"], 1);
}

TEST(Projections, TimersViewHandsScheduledAndSettledTimersOn) {
  Scene s;
  std::map<std::string, int64_t> scheduler;
  s.v.timers.on_change([&](const std::string& k, std::optional<int64_t> due) {
    if (due)
      scheduler[k] = *due;
    else
      scheduler.erase(k);
  });
  s.add("conversation", "whatsapp:1", "conversation.nudge_scheduled",
        {{"nudge_id", "whatsapp:1/n1"}, {"number", 1}, {"due_us", 111}});
  s.add("conversation", "whatsapp:2", "conversation.nudge_scheduled",
        {{"nudge_id", "whatsapp:2/n1"}, {"number", 1}, {"due_us", 222}});
  s.add("lead", "acme", "lead.created", {{"company", "Acme"}, {"assignee", "ravi"}});
  s.add("lead", "acme", "lead.follow_up_scheduled",
        {{"step", {{"step_id", "s1"}, {"index", 0}, {"due_us", 333}}}});
  s.fold();
  EXPECT_EQ(scheduler.size(), 3u);
  s.add("conversation", "whatsapp:2", "conversation.nudge_cancelled",
        {{"nudge_id", "whatsapp:2/n1"}, {"number", 1}, {"reason", "handoff"}});
  s.add("lead", "acme", "lead.assigned", {{"from", "ravi"}, {"to", "neha"}});
  s.fold();
  EXPECT_EQ(scheduler.count("nudge/whatsapp:2/n1"), 0u);
  EXPECT_EQ(scheduler.at("follow_up/acme/s1"), 333);
  std::shared_lock lock(s.v.timers.mutex());
  EXPECT_EQ((*s.v.timers.find("nudge/whatsapp:2/n1"))["state"], "cancelled");
  EXPECT_EQ((*s.v.timers.find("nudge/whatsapp:2/n1"))["reason"], "handoff");
  EXPECT_EQ((*s.v.timers.find("follow_up/acme/s1"))["assignee"], "neha")
      << "a pending step follows the lead";
}

}  // namespace
}  // namespace parley::projections
