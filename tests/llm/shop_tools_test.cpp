// The shop's tool definitions and the check of a model's arguments.
#include <gtest/gtest.h>

#include "llm/shop_tools.hpp"

namespace parley::llm {
namespace {

using nlohmann::json;

std::string check(const std::string& name, const json& args) {
  return check_arguments(shop_tools(), ToolCall{"c1", name, args, ""});
}

TEST(ShopTools, TheNineToolsWithObjectSchemas) {
  std::vector<std::string> names;
  for (const auto& t : shop_tools()) {
    names.push_back(t.name);
    EXPECT_EQ(t.parameters["type"], "object") << t.name;
    EXPECT_FALSE(t.description.empty()) << t.name;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"search_products", "get_product_details",
                                             "add_to_cart", "view_cart", "remove_from_cart",
                                             "create_order", "get_payment_link",
                                             "check_order_status", "search_knowledge"}));
}

TEST(ShopTools, GoodArgumentsPass) {
  EXPECT_EQ(check("search_products", {{"query", "wood screws"}}), "");
  EXPECT_EQ(check("search_products", {{"query", "drill"}, {"limit", 3}}), "");
  EXPECT_EQ(check("add_to_cart", {{"sku", "HW-SCR-025"}, {"quantity", 2}, {"color", "yellow"}}),
            "");
  EXPECT_EQ(check("view_cart", json::object()), "");
  EXPECT_EQ(check("check_order_status", json::object()), "");
  EXPECT_EQ(check("search_knowledge", {{"query", "how much is delivery"}, {"limit", 3}}), "");
  EXPECT_EQ(check("create_order", {{"name", "Rahul Sharma"},
                                   {"phone", "+91 98765 43210"},
                                   {"email", "rahul@example.com"},
                                   {"address", "14 Park Street"},
                                   {"city", "Kolkata"}}),
            "");
}

TEST(ShopTools, BadArgumentsSayWhatIsWrong) {
  EXPECT_EQ(check("search_products", json::object()), "query is required");
  EXPECT_EQ(check("search_products", {{"query", ""}}), "query must not be empty");
  EXPECT_EQ(check("search_products", {{"query", 42}}), "query must be a string");
  EXPECT_EQ(check("search_products", {{"query", "x"}, {"limit", 50}}), "limit must be at most 10");
  EXPECT_EQ(check("add_to_cart", {{"sku", "A"}, {"quantity", 0}}), "quantity must be at least 1");
  EXPECT_EQ(check("add_to_cart", {{"sku", "A"}, {"quantity", 1.5}}),
            "quantity must be a whole number");
  EXPECT_EQ(check("add_to_cart", {{"sku", "A"}, {"qty", 2}}), "qty is not a parameter");
  EXPECT_EQ(check("create_order", {{"name", "R"}, {"phone", "1"}, {"email", "e"}, {"city", "K"}}),
            "address is required");
  // The order needs an e-mail: the invoice goes there.
  EXPECT_EQ(check("create_order", {{"name", "R"}, {"phone", "1"}, {"address", "A"}, {"city", "K"}}),
            "email is required");
  EXPECT_EQ(check("get_product_details", {{"sku", std::string(65, 'x')}}), "sku is longer than 64");
  EXPECT_EQ(check("search_knowledge", json::object()), "query is required");
  EXPECT_EQ(check("search_knowledge", {{"query", std::string(201, 'x')}}),
            "query is longer than 200");
  EXPECT_EQ(check("search_knowledge", {{"query", "returns"}, {"limit", 6}}),
            "limit must be at most 5");
  EXPECT_EQ(check("refund_everything", json::object()).rfind("there is no tool named", 0), 0u);
  ToolCall broken{"c2", "search_products", json::object(), "{\"query\": \"scr"};
  EXPECT_EQ(check_arguments(shop_tools(), broken),
            "the arguments are not a JSON object: {\"query\": \"scr");
}

}  // namespace
}  // namespace parley::llm
