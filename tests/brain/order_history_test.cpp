// A shopper's past orders in the offline brain (brain/shop_history.cpp):
// "same as before" in five languages, what cannot be had today, the list of
// past orders, the welcome back and what sells together.
#include <gtest/gtest.h>

#include "brain/replies.hpp"
#include "brain/shop_policy.hpp"
#include "tests/brain/turn_fixture.hpp"

namespace parley::brain {
namespace {

namespace conv = domain::conversation;

struct Shelf : testing::Shelf {
  Shelf() {
    put("HW-SCR-014", "Wood screw", "Hardware", 1490, 50);
    put("HW-TAP-006", "Thread tape", "Hardware", 390, 0);  // sold out today
    put("WF-SHO-001", "Stiletto pump", "Women's Shoes > Heels", 12900, 5, {"black", "red"},
        {"37", "38"});
    put("HW-BIT-002", "Drill bits", "Hardware", 990, 10);
  }
};

domain::CartLine bought(const std::string& sku, const std::string& name, int64_t quantity,
                        int64_t price, const std::string& color = "",
                        const std::string& size = "") {
  domain::CartLine l;
  l.sku = sku;
  l.name = name;
  l.quantity = quantity;
  l.unit_price_cents = price;
  l.color = color;
  l.size = size;
  return l;
}

class TwoPastOrders : public OrderHistory {
 public:
  std::vector<PastOrder> orders_of(const conv::State&, size_t limit) const override {
    std::vector<PastOrder> out = orders;
    if (out.size() > limit) out.resize(limit);
    return out;
  }
  std::vector<std::string> bought_with(const std::string& sku, size_t) const override {
    if (sku == "HW-SCR-014") return {"HW-TAP-006", "HW-BIT-002"};
    return {};
  }
  std::vector<PastOrder> orders = {{"ORD-NEW",
                                    {bought("HW-SCR-014", "Wood screw", 3, 1290),
                                     bought("WF-SHO-001", "Stiletto pump", 1, 11900, "red", "38")},
                                    15770,
                                    "EUR",
                                    1'764'892'800'000'000,
                                    false},
                                   {"ORD-OLD",
                                    {bought("HW-TAP-006", "Thread tape", 2, 390)},
                                    780,
                                    "EUR",
                                    1'762'000'000'000'000,
                                    false}};
};

conv::State shopper(const std::string& language) {
  return testing::shopper("whatsapp:34600111222", language);
}
using testing::said;

TurnPlan turn(const conv::State& s, const std::string& text, const Understanding& u,
              const OrderHistory& history) {
  static const Shelf shelf;
  return plan_turn(s, text, u, shelf, 0, "ORD-1", TurnSources{nullptr, nullptr, nullptr, &history});
}

TEST(OrderHistoryPolicy,
     GivenALastOrderWhenTheShopperAsksForItAgainInFiveLanguagesThenTheCartHoldsItsLines) {
  TwoPastOrders history;
  const std::vector<std::pair<std::string, std::string>> asks = {
      {"en", "same as before please"},
      {"es", "quiero lo mismo que la última vez"},
      {"ru", "повторите заказ"},
      {"id", "pesan lagi yang kemarin kak"},
      {"hi", "wahi order bhej do"}};
  for (const auto& [language, text] : asks) {
    auto plan = turn(shopper(language), text, said("out_of_scope", language), history);
    const conv::State after = testing::after(shopper(language), plan);
    ASSERT_EQ(after.cart.size(), 2u) << text;
    EXPECT_EQ(after.cart[0].sku, "HW-SCR-014");
    EXPECT_EQ(after.cart[0].quantity, 3);
    EXPECT_EQ(after.cart[0].unit_price_cents, 1490) << "today's price, not the old one";
    EXPECT_EQ(after.cart[1].color, "red") << "the colour and size chosen then";
    EXPECT_EQ(after.cart[1].size, "38");
    ASSERT_FALSE(plan.replies.empty());
    EXPECT_NE(plan.replies[0].text.find("ORD-NEW"), std::string::npos) << plan.replies[0].text;
  }
}

TEST(OrderHistoryPolicy, GivenALineSoldOutTodayThenItIsNamedAndTheRestReordered) {
  TwoPastOrders history;
  history.orders.erase(history.orders.begin());  // the tape order is the last one
  history.orders[0].lines.push_back(bought("HW-SCR-014", "Wood screw", 1, 1290));
  auto plan = turn(shopper("en"), "reorder", said("add_to_cart", "en"), history);
  const conv::State after = testing::after(shopper("en"), plan);
  ASSERT_EQ(after.cart.size(), 1u);
  EXPECT_EQ(after.cart[0].sku, "HW-SCR-014");
  ASSERT_EQ(plan.replies.size(), 2u);
  EXPECT_EQ(plan.replies[1].text, say("en", Say::reorder_missing, {"Thread tape"}));
}

TEST(OrderHistoryPolicy, GivenPastOrdersWhenAskedWhatWasOrderedThenTheyAreListedNewestFirst) {
  TwoPastOrders history;
  auto plan =
      turn(shopper("ru"), "что я заказывал в прошлый раз?", said("order_status", "ru"), history);
  ASSERT_EQ(plan.replies.size(), 1u);
  const std::string& text = plan.replies[0].text;
  EXPECT_LT(text.find("ORD-NEW (2025-12-05)"), text.find("ORD-OLD")) << text;
  EXPECT_NE(text.find("1 × Stiletto pump (red, 38)"), std::string::npos) << text;
  EXPECT_TRUE(plan.events.empty()) << "listing changes nothing";
}

TEST(OrderHistoryPolicy, GivenNoPastOrdersOrNoHistoryThenNothingIsMadeUp) {
  TwoPastOrders none;
  none.orders.clear();
  auto plan = turn(shopper("es"), "lo mismo que la última vez", said("out_of_scope", "es"), none);
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_EQ(plan.replies[0].text, say("es", Say::no_orders));
  const Shelf shelf;
  auto without =
      plan_turn(shopper("en"), "same as before", said("out_of_scope", "en"), shelf, 0, "ORD-1");
  ASSERT_FALSE(without.replies.empty());
  EXPECT_EQ(without.replies[0].text.find("back in your cart"), std::string::npos);
}

TEST(OrderHistoryPolicy, GivenAReturningShopperWhoSaysHelloThenTheirLastOrderIsRecalled) {
  TwoPastOrders history;
  auto plan = turn(shopper("id"), "halo", said("greet", "id"), history);
  ASSERT_EQ(plan.replies.size(), 2u);
  EXPECT_EQ(plan.replies[0].text, say("id", Say::greet));
  EXPECT_NE(plan.replies[1].text.find("3 × Wood screw"), std::string::npos) << plan.replies[1].text;
}

TEST(OrderHistoryPolicy, GivenAProductAddedThenOneOthersBoughtWithItAndInStockIsSuggested) {
  TwoPastOrders history;
  conv::State s = shopper("en");
  s.last_shown = {"HW-SCR-014"};
  Understanding add = said("add_to_cart", "en");
  add.number_slots["ordinal"] = 1;
  auto plan = turn(s, "add the first one", add, history);
  ASSERT_EQ(plan.replies.size(), 2u);
  EXPECT_EQ(plan.replies[1].text, say("en", Say::bought_together, {"Drill bits", "€9.90"}))
      << "the tape, bought with it more often, is sold out today";
}

}  // namespace
}  // namespace parley::brain
