// The carts view folds into plain structs and writes each row by hand: the
// stored bytes must be what canonical() makes of the same row as JSON (keys
// sorted, escapes), through a cart's whole life.
#include <gtest/gtest.h>

#include "tests/projections/views_fixture.hpp"

namespace parley::projections {
namespace {

std::string stored(Scene& s, const std::string& id) {
  auto v = s.store.get("v/carts/" + id);
  return v.ok() ? *v : "(none)";
}

json line(const std::string& sku, const std::string& name, int qty, int price,
          const std::string& currency) {
  return {{"sku", sku},           {"name", name}, {"quantity", qty}, {"unit_price_cents", price},
          {"currency", currency}, {"color", ""},  {"size", ""}};
}

TEST(CartsView, EachRowIsStoredAsCanonicalJsonThroughACartsLife) {
  Scene s;
  const std::string id = "telegram:9";
  // A first line without a currency: the cart takes the first line's that has one.
  s.add("conversation", id, "cart.item_added",
        {{"line", line("B", "Tabla \"pino\"\n½ m", 1, 900, "")}}, 1);
  s.add("conversation", id, "cart.item_added", {{"line", line("A", "Martillo", 2, 1250, "EUR")}},
        2);
  s.add("conversation", id, "cart.variant_chosen", {{"sku", "A"}, {"color", "rojo"}}, 3);
  s.add("conversation", id, "cart.quantity_changed", {{"sku", "A"}, {"quantity", 3}}, 4);
  s.fold();
  json lb = line("B", "Tabla \"pino\"\n½ m", 1, 900, "");
  json la = line("A", "Martillo", 3, 1250, "EUR");
  la["color"] = "rojo";
  json want = {{"conversation_id", id}, {"channel", "telegram"},
               {"lines", {lb, la}},     {"status", "open"},
               {"currency", "EUR"},     {"items", 4},
               {"value_cents", 4650},   {"updated_us", s.t + 4 * 60000000LL}};
  EXPECT_EQ(stored(s, id), canonical(want));

  s.add("conversation", id, "cart.item_removed", {{"sku", "B"}}, 5);
  s.add("conversation", id, "conversation.order_placed", {{"order_id", "ORD-1"}}, 6);
  s.add("conversation", id, "cart.cleared", json::object(), 7);
  s.fold();
  // Cleared after the order: emptied, and still the order's.
  want["lines"] = json::array();
  want["status"] = "emptied";
  want["order_id"] = "ORD-1";
  want["items"] = 0;
  want["value_cents"] = 0;
  want["updated_us"] = s.t + 7 * 60000000LL;
  EXPECT_EQ(stored(s, id), canonical(want));

  s.add("conversation", id, "cart.item_added", {{"line", line("C", "Clavos", 10, 5, "EUR")}}, 8);
  s.fold();
  // Lines again after an emptied cart: open, the order id kept (as the fold always did).
  want["lines"] = {line("C", "Clavos", 10, 5, "EUR")};
  want["status"] = "open";
  want["items"] = 10;
  want["value_cents"] = 50;
  want["updated_us"] = s.t + 8 * 60000000LL;
  EXPECT_EQ(stored(s, id), canonical(want));

  // Loaded back by a new process, the row is the same and folds on alike.
  Views again;
  ProjectionEngine engine(s.log, s.store, again.all());
  ASSERT_TRUE(engine.open().ok());
  EXPECT_EQ(again.carts.cart(id)->dump(), json::parse(canonical(want)).dump());
  s.add("conversation", id, "cart.quantity_changed", {{"sku", "C"}, {"quantity", 4}}, 9);
  ASSERT_TRUE(engine.catch_up().ok());
  want["lines"][0]["quantity"] = 4;
  want["items"] = 4;
  want["value_cents"] = 20;
  want["updated_us"] = s.t + 9 * 60000000LL;
  EXPECT_EQ(stored(s, id), canonical(want));
}

TEST(CartsView, ALineAddedWhileOrderedStartsANewCartWithoutTheOrder) {
  Scene s;
  s.add("conversation", "telegram:11", "cart.item_added",
        {{"line", line("A", "Sierra", 1, 700, "EUR")}});
  s.add("conversation", "telegram:11", "conversation.order_placed", {{"order_id", "ORD-2"}});
  s.fold();
  EXPECT_EQ((*s.v.carts.cart("telegram:11"))["order_id"], "ORD-2");
  s.add("conversation", "telegram:11", "cart.item_added",
        {{"line", line("B", "Lija", 2, 100, "EUR")}});
  s.fold();
  const auto cart = s.v.carts.cart("telegram:11");
  EXPECT_FALSE(cart->contains("order_id"));
  EXPECT_EQ((*cart)["status"], "open");
  ASSERT_EQ((*cart)["lines"].size(), 1u);
  EXPECT_EQ((*cart)["value_cents"], 200);
}

TEST(CartsView, EventsBeforeTheFirstLineMakeNoCart) {
  Scene s;
  s.add("conversation", "telegram:10", "cart.cleared", json::object());
  s.add("conversation", "telegram:10", "conversation.order_placed", {{"order_id", "X"}});
  s.fold();
  EXPECT_FALSE(s.v.carts.cart("telegram:10").has_value());
  EXPECT_EQ(stored(s, "telegram:10"), "(none)");
}

}  // namespace
}  // namespace parley::projections
