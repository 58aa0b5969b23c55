// The projection engine and its views: live folding equals a rebuild from
// zero byte for byte; a restart resumes from the stored checkpoint; a
// changed fold is rebuilt; and the views answer what analysts ask.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "events/memory_event_store.hpp"
#include "projections/activity_view.hpp"
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
namespace {

using nlohmann::json;

// +05:30, fixed.
Calendar kolkata() {
  return Calendar("+05:30", [](int64_t) { return int64_t{330} * 60000000; });
}

struct Views {
  CartsView carts;
  ConversationsView conversations;
  OrdersView orders;
  BillingView billing{kolkata()};
  FunnelView funnel{kolkata()};
  ActivityView activity{kolkata()};
  TimersView timers;
  std::vector<Projection*> all() {
    return {&carts, &conversations, &orders, &billing, &funnel, &activity, &timers};
  }
};

std::map<std::string, std::string> dump(ViewStore& store) {
  std::map<std::string, std::string> out;
  store.scan("", [&](std::string_view k, std::string_view v) {
    out.emplace(std::string(k), std::string(v));
    return true;
  });
  return out;
}

TEST(Projections, LiveViewsEqualViewsRebuiltFromZero) {
  events::MemoryEventStore log;
  testing::Workload work;
  MemoryViewStore live_store;
  Views live;
  // Small batches: many commits, chunks of activity split across them.
  ProjectionEngine live_engine(log, live_store, live.all(), FoldOptions{7});  // commits of 7
  ASSERT_TRUE(live_engine.open().ok());
  for (int round = 0; round < 30; ++round) {
    for (int i = 0; i < 11; ++i) log.append_batch(work.next());
    ASSERT_TRUE(live_engine.catch_up().ok());
  }
  // A long conversation: its activity spans several chunks.
  std::vector<events::AppendRequest> chatty;
  for (int i = 0; i < 150; ++i) {
    events::AppendRequest r{{"conversation", "telegram:777"}, events::kAnySeq, {}, {}};
    r.events.push_back({"conversation.message_received", 1, int64_t{1795321800000000} + i, "",
                        "{\"text\":\"message " + std::to_string(i) + "\"}"});
    log.append(r);
    if (i % 40 == 0) {
      ASSERT_TRUE(live_engine.catch_up().ok());
    }
  }
  ASSERT_TRUE(live_engine.catch_up().ok());
  ASSERT_GT(log.last_position(), 3000u);
  for (auto* p : live.all()) EXPECT_EQ(p->checkpoint(), log.last_position()) << p->name();

  MemoryViewStore rebuilt_store;
  Views rebuilt;
  // Rebuilt as `parley projections rebuild all` does it: nothing loaded
  // first, the views spread over lanes (3 threads here), several commits.
  ProjectionEngine rebuilt_engine(log, rebuilt_store, rebuilt.all(),
                                  FoldOptions{500, 3, 1});  // commits of 500, 3 lanes, always
  RebuildProgress last;
  ASSERT_TRUE(rebuilt_engine.rebuild({"all"}, [&](const RebuildProgress& p) { last = p; }).ok());
  EXPECT_EQ(last.position, log.last_position());

  const auto a = dump(live_store), b = dump(rebuilt_store);
  ASSERT_EQ(a.size(), b.size());
  std::map<std::string, size_t> rows_per_view;
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    ASSERT_NE(it, b.end()) << k;
    EXPECT_EQ(v, it->second) << k;
    if (k.rfind("v/", 0) == 0) ++rows_per_view[k.substr(2, k.find('/', 2) - 2)];
  }
  for (auto* p : live.all()) EXPECT_GT(rows_per_view[p->name()], 0u) << p->name() << " is empty";
  auto chat = ActivityView::entries(live_store, "conversation", "telegram:777");
  ASSERT_TRUE(chat.ok());
  ASSERT_EQ(chat->size(), 150u);
  EXPECT_EQ((*chat)[149]["text"], "Wrote: message 149");
}

TEST(Projections, RestartResumesFromTheCheckpointAndAChangedFoldIsRebuilt) {
  events::MemoryEventStore log;
  testing::Workload work;
  MemoryViewStore store;
  {
    Views v;
    ProjectionEngine engine(log, store, v.all());
    ASSERT_TRUE(engine.open().ok());
    for (int i = 0; i < 50; ++i) log.append_batch(work.next());
    ASSERT_TRUE(engine.catch_up().ok());
  }
  const uint64_t first = log.last_position();
  for (int i = 0; i < 50; ++i) log.append_batch(work.next());
  // A new process: the views load from the store and fold only what is new.
  Views v;
  ProjectionEngine engine(log, store, v.all());
  ASSERT_TRUE(engine.open().ok());
  for (auto* p : v.all()) EXPECT_EQ(p->checkpoint(), first) << p->name();
  const uint64_t applied_before = engine.events_applied();
  ASSERT_TRUE(engine.catch_up().ok());
  EXPECT_LT(engine.events_applied() - applied_before, log.last_position() - first + 1);
  const auto resumed = dump(store);

  MemoryViewStore fresh;
  Views w;
  ProjectionEngine again(log, fresh, w.all());
  ASSERT_TRUE(again.open().ok());
  ASSERT_TRUE(again.catch_up().ok());
  EXPECT_EQ(resumed, dump(fresh)) << "resuming equals folding from zero";

  // Another zone is another fold: billing and funnel start over, the rest stay.
  Calendar utc = Calendar::utc();
  BillingView billing_utc(utc);
  ProjectionEngine changed(log, store, {&billing_utc});
  ASSERT_TRUE(changed.open().ok());
  EXPECT_EQ(billing_utc.checkpoint(), 0u);
  ASSERT_TRUE(changed.catch_up().ok());
  EXPECT_EQ(billing_utc.checkpoint(), log.last_position());
}

TEST(Projections, RebuildOfAnUnknownProjectionIsNotFound) {
  events::MemoryEventStore log;
  MemoryViewStore store;
  Views v;
  ProjectionEngine engine(log, store, v.all());
  ASSERT_TRUE(engine.open().ok());
  EXPECT_TRUE(engine.rebuild({"nope"}).is_not_found());
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

TEST(Projections, TheInboxShowsTheLastMessageWhatIsUnansweredAndWhoHasIt) {
  Scene s;
  s.add("conversation", "whatsapp:34600111222", "conversation.message_received",
        {{"user_id", "34600111222"}, {"text", "hola, busco un taladro"}, {"language", "es"}});
  s.add("conversation", "whatsapp:34600111222", "conversation.message_sent",
        {{"text", "Tenemos estos taladros"}}, 1);
  s.add("conversation", "telegram:42", "conversation.message_received",
        {{"user_id", "42"}, {"text", "I want a person"}}, 2);
  s.add("conversation", "telegram:42", "conversation.handoff_requested", {{"by", "shopper"}}, 2);
  s.add("conversation", "telegram:42", "conversation.message_received",
        {{"user_id", "42"}, {"text", "hello?"}}, 3);
  s.add("conversation", "telegram:42", "conversation.stage_changed", {{"stage", "browsing"}}, 3);
  s.add("conversation", "telegram:42", "cart.item_added",
        {{"line",
          {{"sku", "A"},
           {"name", "Drill"},
           {"quantity", 2},
           {"unit_price_cents", 4999},
           {"currency", "EUR"}}}},
        3);
  s.fold();
  ConversationQuery q;
  auto page = s.v.conversations.page(q, s.v.carts.open_carts(), kolkata());
  ASSERT_EQ(page.rows.size(), 2u);
  const auto& first = page.rows[0];  // the newest message first
  EXPECT_EQ(first["conversation_id"], "telegram:42");
  EXPECT_EQ(first["last_message"], "hello?");
  EXPECT_EQ(first["last_from"], "shopper");
  EXPECT_EQ(first["unread"], 2) << "nobody answered in human mode";
  EXPECT_EQ(first["handoff"], true);
  EXPECT_EQ(first["stage"], "browsing");
  EXPECT_EQ(first["cart_value_cents"], 9998);
  EXPECT_EQ(first["last_at_local"], "2026-11-22T10:03");
  const auto& second = page.rows[1];
  EXPECT_EQ(second["unread"], 0) << "the bot answered";
  EXPECT_EQ(second["last_from"], "bot");
  EXPECT_EQ(second["language"], "es");
  EXPECT_EQ(second["cart_value_cents"], 0);

  q.handoff = true;
  EXPECT_EQ(s.v.conversations.page(q, s.v.carts.open_carts(), kolkata()).rows.size(), 1u);
  q.handoff.reset();
  q.has_cart = false;
  page = s.v.conversations.page(q, s.v.carts.open_carts(), kolkata());
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.rows[0]["channel"], "whatsapp");
  q.has_cart.reset();
  q.search = "600111";
  EXPECT_EQ(s.v.conversations.page(q, s.v.carts.open_carts(), kolkata()).rows.size(), 1u);

  // Forgetting keeps the counts and drops what the shopper wrote.
  s.add("conversation", "telegram:42", "conversation.customer_forgotten", {{"by", "admin"}}, 4);
  s.fold();
  page = s.v.conversations.page({}, s.v.carts.open_carts(), kolkata());
  EXPECT_EQ(page.rows[0]["last_message"], "");
  EXPECT_EQ(page.rows[0]["user_id"], "");
  EXPECT_EQ(page.rows[0]["messages"], 2);
}

TEST(Projections, TheInboxPagesNeverRepeatOrSkipARow) {
  Scene s;
  for (int i = 0; i < 25; ++i)  // pairs of conversations with the same last minute
    s.add("conversation", "api:u" + std::to_string(i), "conversation.message_received",
          {{"user_id", "u" + std::to_string(i)}, {"text", "hi"}}, i / 2);
  s.fold();
  ConversationQuery q;
  q.limit = 4;
  std::set<std::string> seen;
  size_t pages = 0;
  do {
    auto page = s.v.conversations.page(q, {}, kolkata());
    EXPECT_EQ(page.matched, 25u);
    for (const auto& r : page.rows)
      EXPECT_TRUE(seen.insert(r["conversation_id"].get<std::string>()).second) << r.dump();
    q.cursor = page.next;
    ++pages;
  } while (!q.cursor.empty() && pages < 20);
  EXPECT_EQ(seen.size(), 25u);
  EXPECT_EQ(pages, 7u);
}

TEST(Projections, AnInboxPreviewIsCutOnACharacterBoundary) {
  const std::string ru = "привет";  // 2 bytes a letter
  EXPECT_EQ(preview(ru, 5), "пр…");
  EXPECT_EQ(preview(ru, 12), ru);
}

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
  const json* open = s.v.carts.find("whatsapp:1");
  ASSERT_NE(open, nullptr);
  EXPECT_EQ((*open)["status"], "open");
  EXPECT_EQ((*open)["value_cents"], 3750);
  EXPECT_EQ((*open)["channel"], "whatsapp");
  EXPECT_EQ((*s.v.carts.find("telegram:2"))["status"], "ordered");
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

TEST(Projections, GivenCheckoutDetailsTheInboxFindsTheConversationByNameOrPhoneUntilForgotten) {
  Scene s;
  s.add("conversation", "telegram:42", "conversation.message_received", {{"text", "hola"}});
  s.add("conversation", "telegram:42", "checkout.details_provided",
        {{"name", "José Pérez"}, {"phone", "+34 612 345 678"}});
  s.add("conversation", "telegram:43", "conversation.message_received", {{"text", "hi"}});
  s.add("conversation", "telegram:43", "checkout.details_provided", {{"name", "Мария Иванова"}});
  s.add("conversation", "telegram:44", "conversation.message_received", {{"text", "hi"}});
  s.add("conversation", "telegram:44", "checkout.details_provided",
        {{"name", std::string(5000, 'x')}, {"phone", std::string(5000, '5')}});
  s.fold();
  auto found = [&](const std::string& search) {
    ConversationQuery q;
    q.search = search;
    std::vector<std::string> ids;
    for (const auto& r : s.v.conversations.page(q, {}, kolkata()).rows)
      ids.push_back(r["conversation_id"]);
    return ids;
  };
  const std::vector<std::string> jose{"telegram:42"}, maria{"telegram:43"}, none{};
  EXPECT_EQ(found("jose perez"), jose) << "case and accents folded";
  EXPECT_EQ(found("PÉREZ"), jose);
  EXPECT_EQ(found("мария"), maria) << "Cyrillic case folded";
  EXPECT_EQ(found("612 345"), jose) << "the phone by its digits";
  EXPECT_EQ(found("+34612345678"), jose);
  EXPECT_EQ(found("telegram:43"), maria) << "the id as before";
  EXPECT_EQ(found("carlos"), none);
  EXPECT_EQ(found("12"), none) << "two digits are too few to mean a phone";
  {
    ConversationQuery q;
    const auto rows = s.v.conversations.page(q, {}, kolkata()).rows;
    for (const auto& r : rows) {
      EXPECT_FALSE(r.contains("search_name")) << "search keys stay in the view: " << r;
      EXPECT_FALSE(r.contains("search_phone")) << r;
    }
  }
  {
    std::shared_lock lock(s.v.conversations.mutex());
    const json* row = s.v.conversations.find("telegram:42");
    ASSERT_NE(row, nullptr);
    EXPECT_EQ((*row)["customer_name"], "José Pérez");
    EXPECT_EQ((*row)["customer_phone"], "+34 612 345 678");
    const json* huge = s.v.conversations.find("telegram:44");
    ASSERT_NE(huge, nullptr);
    EXPECT_LE((*huge)["customer_name"].get<std::string>().size(), 200u + 3) << "capped (and …)";
    EXPECT_LE((*huge)["customer_phone"].get<std::string>().size(), 40u + 3);
  }
  s.add("conversation", "telegram:42", "conversation.customer_forgotten", {});
  s.fold();
  EXPECT_EQ(found("jose"), none) << "a forgotten customer's name is gone";
  EXPECT_EQ(found("612345"), none);
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

TEST(Projections, GivenADeliveryOfAKnownConversationsMessageThenItsPageHearsOfItAndNoRowChanges) {
  events::MemoryEventStore log;
  MemoryViewStore store;
  Views views;
  ProjectionEngine engine(log, store, views.all());
  ASSERT_TRUE(engine.open().ok());
  events::AppendRequest hello{{"conversation", "telegram:9"}, events::kAnySeq, {}, {}};
  hello.events.push_back({"conversation.message_received", 1, 1'000'000, "", R"({"text":"hi"})"});
  log.append(hello);
  ASSERT_TRUE(engine.catch_up().ok());
  const auto before = dump(store);
  const uint64_t head = views.conversations.changes().head();

  for (const char* message : {"telegram:9#2", "telegram:404#1"}) {
    events::AppendRequest sent{{"delivery", message}, events::kAnySeq, {}, {}};
    sent.events.push_back({"delivery.part_sent", 1, 2'000'000, "",
                           R"({"part":0,"parts":1,"platform_message_id":"77","attempts":1})"});
    log.append(sent);
  }
  ASSERT_TRUE(engine.catch_up().ok());

  // A platform's report on the conversation's own stream, whose id may hold '#'.
  events::AppendRequest report{{"conversation", "telegram:9"}, events::kAnySeq, {}, {}};
  report.events.push_back({"conversation.delivery_status", 1, 3'000'000, "",
                           R"({"platform_message_id":"77","status":"read"})"});
  log.append(report);
  ASSERT_TRUE(engine.catch_up().ok());

  const auto read = views.conversations.changes().since(head, std::chrono::milliseconds(0));
  std::vector<std::string> ids;
  for (const auto& c : read.changes) {
    ids.push_back(c.id);
    EXPECT_EQ(c.kind, ChangeFeed::Kind::detail) << "an inbox row did not change: " << c.id;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"telegram:9", "telegram:9"}))
      << "an unknown conversation is not news";
  auto rows = [](std::map<std::string, std::string> all) {  // checkpoints ("c/…") move
    for (auto it = all.begin(); it != all.end();)
      it = it->first.rfind("v/", 0) ? all.erase(it) : std::next(it);
    return all;
  };
  EXPECT_EQ(rows(dump(store)), rows(before));
}

// Issue 17, item 6, for the views: files without CURRENT are refused, untouched.
TEST(ViewStoreOpen, ADirectoryWithFilesButNoCurrentIsRefused) {
  testing::TempDir dir;
  const std::string path = dir.sub("views");
  {
    auto opened = RocksViewStore::open(path);
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    ASSERT_TRUE((*opened)->write({{"k", std::string("v")}}).ok());
  }
  std::filesystem::remove(path + "/CURRENT");
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(path)) files += e.is_regular_file();
  auto opened = RocksViewStore::open(path);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().to_string().find("no CURRENT"), std::string::npos);
  size_t after = 0;
  for (const auto& e : std::filesystem::directory_iterator(path)) after += e.is_regular_file();
  EXPECT_EQ(after, files);
  EXPECT_FALSE(std::filesystem::exists(path + "/CURRENT"));
}

}  // namespace
}  // namespace parley::projections
