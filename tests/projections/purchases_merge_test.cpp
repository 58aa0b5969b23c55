// The purchases view after the team merges two customers
// (projections/purchases_view.hpp, customer.merged): every conversation the
// merge names sees the orders of the others' identities, so "reorder my last
// order" on Telegram finds what the same shopper bought on WhatsApp. Without
// a merge it does not; a phone typed in a chat is still no key; merges chain.
#include <gtest/gtest.h>

#include "events/customer_merge_codec.hpp"
#include "events/memory_event_store.hpp"
#include "events/order_codec.hpp"
#include "projections/purchases_view.hpp"

namespace parley::projections {
namespace {

namespace order = domain::order;
namespace conv = domain::conversation;
namespace customer_merge = domain::customer_merge;

struct PurchasesMerge : ::testing::Test {
  events::MemoryEventStore log;
  PurchasesView view{log};

  void place(const std::string& id, const std::string& conversation, const std::string& phone,
             int64_t at_us) {
    order::Order o;
    o.order_id = id;
    o.conversation_id = conversation;
    o.customer.phone = phone;
    domain::CartLine l;
    l.sku = "SKU-" + id;
    l.name = l.sku;
    l.quantity = 1;
    l.unit_price_cents = 100;
    o.lines = {l};
    o.placed_at_us = at_us;
    events::AppendRequest r{{order::kEntityType, id}, 0, {}, {}};
    r.events.push_back(events::order_codec::encode(order::OrderPlaced{o}, "test"));
    ASSERT_TRUE(log.append(r).status.ok());
  }
  void merge(const std::string& from, const std::string& into,
             std::vector<std::string> conversations) {
    events::AppendRequest r{{customer_merge::kEntityType, into}, events::kAnySeq, {}, {}};
    r.events.push_back(events::customer_merge_codec::encode(
        customer_merge::CustomerMerged{from, std::move(conversations), "operator:ravi", 9'000}));
    ASSERT_TRUE(log.append(r).status.ok());
  }
  std::vector<std::string> ids_seen_by(const std::string& conversation) {
    EXPECT_TRUE(view.catch_up().ok());
    conv::State s;
    s.id = conversation;
    std::vector<std::string> out;
    for (const auto& o : view.snapshot()->orders_of(s, 10)) out.push_back(o.order_id);
    return out;
  }
};

TEST_F(PurchasesMerge, GivenNoMergeThenATelegramChatSeesOnlyItsOwnOrders) {
  place("ORD-WA", "whatsapp:34600111222", "+34 600 111 222", 1'000);
  place("ORD-TG", "telegram:777", "", 2'000);
  EXPECT_EQ(ids_seen_by("telegram:777"), (std::vector<std::string>{"ORD-TG"}));
  EXPECT_EQ(ids_seen_by("whatsapp:34600111222"), (std::vector<std::string>{"ORD-WA"}));
}

TEST_F(PurchasesMerge, GivenAMergeThenTelegramSeesTheWhatsAppIdentitysOrdersAndTheOtherWayRound) {
  place("ORD-WA", "whatsapp:34600111222", "+34 600 111 222", 1'000);
  place("ORD-WEB", "api:web-1", "+34 600 111 222", 1'500);  // the number typed on the web
  place("ORD-TG", "telegram:777", "", 2'000);
  merge("conversation:telegram:777", "phone:hash-of-600", {"whatsapp:34600111222", "telegram:777"});
  EXPECT_EQ(ids_seen_by("telegram:777"), (std::vector<std::string>{"ORD-TG", "ORD-WEB", "ORD-WA"}))
      << "the merged number's orders, newest first, as its WhatsApp chat sees them";
  EXPECT_EQ(ids_seen_by("whatsapp:34600111222"),
            (std::vector<std::string>{"ORD-TG", "ORD-WEB", "ORD-WA"}));
  EXPECT_EQ(ids_seen_by("api:web-1"), (std::vector<std::string>{"ORD-WEB"}))
      << "a conversation the merge did not name gains nothing";
}

TEST_F(PurchasesMerge, GivenAPhoneTypedInAMergedChatThenItOpensNoOneElsesOrders) {
  place("ORD-OTHER", "whatsapp:34699999999", "+34 699 999 999", 1'000);
  place("ORD-TG", "telegram:777", "+34 699 999 999", 2'000);  // typed, not vouched for
  place("ORD-WEB", "api:web-1", "", 3'000);
  merge("conversation:api:web-1", "conversation:telegram:777", {"telegram:777", "api:web-1"});
  EXPECT_EQ(ids_seen_by("api:web-1"), (std::vector<std::string>{"ORD-WEB", "ORD-TG"}));
  EXPECT_EQ(ids_seen_by("telegram:777"), (std::vector<std::string>{"ORD-WEB", "ORD-TG"}))
      << "the phone typed on Telegram is still no key to the WhatsApp number's orders";
}

TEST_F(PurchasesMerge, GivenMergesThatShareAConversationThenTheyChain) {
  place("ORD-A", "telegram:1", "", 1'000);
  place("ORD-B", "api:b", "", 2'000);
  place("ORD-C", "instagram:c", "", 3'000);
  merge("conversation:api:b", "conversation:telegram:1", {"telegram:1", "api:b"});
  merge("conversation:instagram:c", "conversation:telegram:1", {"api:b", "instagram:c"});
  EXPECT_EQ(ids_seen_by("telegram:1"), (std::vector<std::string>{"ORD-C", "ORD-B", "ORD-A"}));
  EXPECT_EQ(ids_seen_by("instagram:c"), (std::vector<std::string>{"ORD-C", "ORD-B", "ORD-A"}));
}

}  // namespace
}  // namespace parley::projections
