// Money in the cart (issue 17, item 14): bounded prices, quantities, lines and
// totals, one currency per cart. Given these events, when this command, then.
#include <gtest/gtest.h>

#include "domain/conversation.hpp"
#include "domain/product.hpp"

namespace parley::domain::conversation {
namespace {

State with_cart(const std::vector<CartLine>& lines) {
  State s = initial_state("api:u1");
  s = evolve(std::move(s), MessageReceived{text_message("api", "u1", "hi", ""), "api:u1#1", "", 1});
  for (const auto& l : lines) s = evolve(std::move(s), ItemAdded{l});
  return s;
}

CartLine line(std::string sku, int64_t quantity, int64_t cents, std::string currency = "EUR") {
  CartLine l;
  l.sku = std::move(sku);
  l.name = l.sku;
  l.quantity = quantity;
  l.unit_price_cents = cents;
  l.currency = std::move(currency);
  return l;
}

TEST(CartMoney, ALineInAnotherCurrencyIsRefused) {
  auto then = decide(with_cart({line("A", 1, 500)}), AddItem{line("B", 1, 700, "USD")});
  ASSERT_FALSE(then);
  EXPECT_EQ(then.error(), Error::mixed_currency);
  EXPECT_TRUE(decide(with_cart({}), AddItem{line("B", 1, 700, "USD")})) << "any first currency";
}

// 4.6e18 cents once made a negative order total.
TEST(CartMoney, APriceBeyondTheLimitIsRefusedAndNoTotalWrapsRound) {
  auto then = decide(with_cart({}), AddItem{line("A", 2, 4'600'000'000'000'000'000)});
  ASSERT_FALSE(then);
  EXPECT_EQ(then.error(), Error::invalid_price);
  EXPECT_FALSE(decide(with_cart({}), AddItem{line("A", 1, -1)}));
  // A cart from an older log that already holds such lines: never negative.
  auto s = with_cart({line("A", 3, 4'600'000'000'000'000'000), line("B", 1, 1)});
  EXPECT_FALSE(checked_cart_total(s.cart));
  EXPECT_EQ(cart_total_cents(s.cart), INT64_MAX);
  s = evolve(std::move(s), ConfirmationRequested{});
  auto placed = decide(s, PlaceOrder{"ORD-X"});
  ASSERT_FALSE(placed);
  EXPECT_EQ(placed.error(), Error::cart_full);
}

TEST(CartMoney, ACartStopsAtItsLineAndTotalLimits) {
  std::vector<CartLine> lines;
  for (size_t i = 0; i < kMaxCartLines; ++i) lines.push_back(line("S" + std::to_string(i), 1, 1));
  auto then = decide(with_cart(lines), AddItem{line("ONE-MORE", 1, 1)});
  ASSERT_FALSE(then);
  EXPECT_EQ(then.error(), Error::cart_full);
  // 999 of the dearest product fit; a second such line would pass the order limit.
  auto dear = with_cart({line("D1", kMaxQuantity, kMaxPriceCents)});
  EXPECT_EQ(decide(dear, AddItem{line("D2", kMaxQuantity, kMaxPriceCents)}).error(),
            Error::cart_full);
  EXPECT_EQ(decide(with_cart({line("D1", 1, kMaxPriceCents)}), SetQuantity{"D1", 1000}).error(),
            Error::invalid_quantity);
}

TEST(CartMoney, ProductsArePricedAndStockedWithinTheLimits) {
  product::Product p;
  p.sku = "HW-1";
  p.name = "Hammer";
  p.currency = "EUR";
  p.price_cents = kMaxPriceCents + 1;
  EXPECT_EQ(product::decide({}, product::Upsert{p}).error(), product::Error::invalid_price);
  p.price_cents = kMaxPriceCents;
  p.stock = kMaxStock + 1;
  EXPECT_EQ(product::decide({}, product::Upsert{p}).error(), product::Error::invalid_stock);
  p.stock = 3;
  EXPECT_TRUE(product::decide({}, product::Upsert{p}));
  // Probe F10: a 200 KB description took ~10 s to save and ~20 s at every start.
  p.description = std::string(200 * 1024, 'd');
  EXPECT_EQ(product::decide({}, product::Upsert{p}).error(), product::Error::too_long);
  p.description = std::string(kMaxProductDescriptionBytes, 'd');
  EXPECT_TRUE(product::decide({}, product::Upsert{p}));
  p.tags.clear();
  for (size_t i = 0; i <= kMaxProductListValues; ++i) p.tags.push_back("tag" + std::to_string(i));
  EXPECT_EQ(product::decide({}, product::Upsert{p}).error(), product::Error::too_long);
}

}  // namespace
}  // namespace parley::domain::conversation
