// The purchases view (projections/purchases_view.hpp): whose past orders a
// conversation sees, what sells together, and what forgetting takes away.
#include "projections/purchases_view.hpp"

#include <gtest/gtest.h>

#include "events/conversation_codec.hpp"
#include "events/memory_event_store.hpp"
#include "events/order_codec.hpp"

namespace parley::projections {
namespace {

namespace order = domain::order;
namespace conv = domain::conversation;

domain::CartLine line(const std::string& sku, int64_t quantity) {
  domain::CartLine l;
  l.sku = sku;
  l.name = sku;
  l.quantity = quantity;
  l.unit_price_cents = 100;
  return l;
}

struct Purchases : ::testing::Test {
  events::MemoryEventStore log;
  PurchasesView view{log};

  void place(const std::string& id, const std::string& conversation, const std::string& phone,
             std::vector<domain::CartLine> lines, int64_t at_us) {
    order::Order o;
    o.order_id = id;
    o.conversation_id = conversation;
    o.customer.phone = phone;
    o.lines = std::move(lines);
    o.placed_at_us = at_us;
    events::AppendRequest r{{order::kEntityType, id}, 0, {}, {}};
    r.events.push_back(events::order_codec::encode(order::OrderPlaced{o}, "test"));
    ASSERT_TRUE(log.append(r).status.ok());
  }
  void append(const std::string& type, const std::string& id, events::NewEvent e) {
    events::AppendRequest r{{type, id}, events::kAnySeq, {}, {}};
    r.events.push_back(std::move(e));
    ASSERT_TRUE(log.append(r).status.ok());
  }
  std::vector<std::string> ids_seen_by(const std::string& conversation) {
    conv::State s;
    s.id = conversation;
    std::vector<std::string> out;
    for (const auto& o : view.snapshot()->orders_of(s, 10)) out.push_back(o.order_id);
    return out;
  }
};

TEST_F(Purchases,
       GivenAnOrderWithAPhoneThenThatWhatsAppNumberSeesItButATypedPhoneElsewhereDoesNot) {
  place("ORD-A", "telegram:777", "+34 600 111 222", {line("SCREW", 3)}, 1'000);
  place("ORD-B", "whatsapp:34600111222", "+34 600 111 222", {line("TAPE", 1)}, 2'000);
  place("ORD-C", "telegram:888", "+34 600 111 222", {line("GLUE", 1)}, 3'000);
  ASSERT_TRUE(view.catch_up().ok());
  EXPECT_EQ(ids_seen_by("whatsapp:34600111222"),
            (std::vector<std::string>{"ORD-C", "ORD-B", "ORD-A"}))
      << "the number's own chat sees every order placed with it, newest first";
  EXPECT_EQ(ids_seen_by("telegram:777"), (std::vector<std::string>{"ORD-A"}))
      << "a phone typed on Telegram opens no one else's orders";
  EXPECT_TRUE(ids_seen_by("api:other").empty());
}

TEST_F(Purchases, GivenOrdersThenBoughtTogetherCountsOrdersAndLeavesCancelledOnesOut) {
  place("ORD-1", "api:a", "", {line("DRILL", 1), line("BITS", 1)}, 1);
  place("ORD-2", "api:b", "", {line("DRILL", 1), line("BITS", 2), line("GLOVES", 1)}, 2);
  place("ORD-3", "api:c", "", {line("DRILL", 1), line("GLOVES", 1)}, 3);
  place("ORD-4", "api:d", "", {line("DRILL", 1), line("GOGGLES", 1)}, 4);
  append(order::kEntityType, "ORD-4",
         events::order_codec::encode(order::Cancelled{"changed mind", "api:d", 5}, "test"));
  ASSERT_TRUE(view.catch_up().ok());
  EXPECT_EQ(view.snapshot()->bought_with("DRILL", 5), (std::vector<std::string>{"BITS", "GLOVES"}))
      << "two orders each, ties by SKU; the cancelled order's goggles do not count";
  conv::State d;
  d.id = "api:d";
  ASSERT_EQ(view.snapshot()->orders_of(d, 5).size(), 1u);
  EXPECT_TRUE(view.snapshot()->orders_of(d, 5)[0].cancelled) << "still the shopper's history";
}

TEST_F(Purchases, GivenAForgottenCustomerThenTheirOrdersAreNoOnesHistoryAnyMore) {
  place("ORD-1", "whatsapp:34600111222", "+34600111222", {line("DRILL", 1), line("BITS", 1)}, 1);
  ASSERT_TRUE(view.catch_up().ok());
  ASSERT_EQ(ids_seen_by("whatsapp:34600111222").size(), 1u);
  append(conv::kEntityType, "whatsapp:34600111222",
         events::conversation_codec::encode(conv::CustomerForgotten{"admin", 9}));
  ASSERT_TRUE(view.catch_up().ok());
  EXPECT_TRUE(ids_seen_by("whatsapp:34600111222").empty());
  EXPECT_TRUE(view.snapshot()->bought_with("DRILL", 5).empty());
}

}  // namespace
}  // namespace parley::projections
