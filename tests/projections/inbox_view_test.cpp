// The inbox's view (projections/conversations_view.hpp): rows, pages, the
// preview, search by name and phone, and the news its page hears.
#include <gtest/gtest.h>

#include <chrono>
#include <shared_mutex>

#include "tests/projections/views_fixture.hpp"

namespace parley::projections {
namespace {

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

TEST(Projections, GivenALabelAndTheArchiveTheInboxFindsTheLabelAndKeepsTheArchiveApart) {
  Scene s;
  s.add("conversation", "telegram:42", "conversation.message_received", {{"text", "hola"}});
  s.add("conversation", "telegram:42", "conversation.labelled",
        {{"label", "Boda de Ana"}, {"by", "operator:ines"}});
  s.add("conversation", "telegram:43", "conversation.message_received", {{"text", "hi"}}, 1);
  s.add("conversation", "telegram:43", "conversation.archived", {{"archived", true}}, 1);
  s.add("conversation", "telegram:43", "conversation.details_corrected",
        {{"name", "Lucía Gómez"}, {"by", "operator:ines"}}, 1);
  s.fold();
  auto ids = [&](const std::string& search, std::optional<bool> archived) {
    ConversationQuery q;
    q.search = search;
    q.archived = archived;
    std::vector<std::string> out;
    for (const auto& r : s.v.conversations.page(q, {}, kolkata()).rows) {
      EXPECT_FALSE(r.contains("search_label")) << r;
      out.push_back(r["conversation_id"]);
    }
    return out;
  };
  const std::vector<std::string> ana{"telegram:42"}, archived{"telegram:43"}, none{};
  EXPECT_EQ(ids("", false), ana) << "the inbox leaves the archive out by default";
  EXPECT_EQ(ids("boda de ANA", false), ana) << "the label, case folded";
  EXPECT_EQ(ids("", true), archived);
  EXPECT_EQ(ids("lucia gomez", true), archived) << "corrected details are searched as given ones";
  EXPECT_EQ(ids("", std::nullopt).size(), 2u);
  {
    ConversationQuery q;
    EXPECT_EQ(s.v.conversations.page(q, {}, kolkata()).rows[0]["label"], "Boda de Ana");
  }

  s.add("conversation", "telegram:43", "conversation.message_received", {{"text", "hello?"}}, 2);
  s.add("conversation", "telegram:42", "conversation.customer_forgotten", {{"by", "shopper"}}, 3);
  s.fold();
  EXPECT_EQ(ids("", false).size(), 2u) << "a shopper who writes again is back in the inbox";
  EXPECT_EQ(ids("boda", std::nullopt), none) << "the label goes with a forgotten customer";
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

}  // namespace
}  // namespace parley::projections
