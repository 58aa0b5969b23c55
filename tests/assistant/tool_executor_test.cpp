// The shop tools as conversation commands: given a conversation, when the
// model calls a tool, then these commands (decided by the pure decider) and
// this result; a refused call changes nothing.
#include "assistant/tool_executor.hpp"

#include <gtest/gtest.h>

#include "tests/assistant/shop_fixture.hpp"

namespace parley::assistant {
namespace {

namespace conv = domain::conversation;
using nlohmann::json;
using testing::shop_catalog;
using testing::ShopFaq;
using testing::started;

llm::ToolCall call(const std::string& name, json args) {
  return {"c1", name, std::move(args), ""};
}

json parsed(const ToolResult& r) {
  return json::parse(r.content);
}

TEST(ToolExecutor, SearchRecordsTheSearchAndTheListLikeTheOfflineBrain) {
  ToolExecutor ex(started(), shop_catalog(), 100, "ORD-TESTORDER0001");
  auto r = ex.run(call("search_products", {{"query", "screws"}, {"limit", 5}}));
  ASSERT_FALSE(r.error) << r.content;
  const json j = parsed(r);
  ASSERT_EQ(j["count"], 2);
  EXPECT_EQ(j["results"][0]["position"], 1);
  EXPECT_TRUE(j["results"][0].contains("price"));
  ASSERT_EQ(ex.commands().size(), 3u);
  const auto* search = std::get_if<conv::RecordSearch>(&ex.commands()[0]);
  ASSERT_NE(search, nullptr);
  EXPECT_EQ(search->query, "screws");
  EXPECT_EQ(search->results, 2u);
  const auto* shown = std::get_if<conv::ShowProducts>(&ex.commands()[1]);
  ASSERT_NE(shown, nullptr);
  EXPECT_EQ(shown->skus.size(), 2u);
  EXPECT_EQ(ex.state().last_shown, shown->skus);
  EXPECT_EQ(ex.state().stage, domain::Stage::discovery);
  EXPECT_EQ(ex.media().size(), 2u);
}

TEST(ToolExecutor, ASearchWithNoResultsIsRecordedAsSuchAndShowsNothing) {
  ToolExecutor ex(started(), shop_catalog(), 100, "ORD-TESTORDER0001");
  auto r = ex.run(call("search_products", {{"query", "submarine"}}));
  ASSERT_FALSE(r.error);
  EXPECT_EQ(parsed(r)["count"], 0);
  ASSERT_EQ(ex.commands().size(), 1u);
  EXPECT_EQ(std::get<conv::RecordSearch>(ex.commands()[0]).results, 0u);
  EXPECT_TRUE(ex.state().last_shown.empty());
}

TEST(ToolExecutor, AddToCartAddsALineWithTheProductsOwnPrice) {
  ToolExecutor ex(started(), shop_catalog(), 100, "ORD-TESTORDER0001");
  auto r = ex.run(call("add_to_cart", {{"sku", "DRL-1"}, {"quantity", 2}}));
  ASSERT_FALSE(r.error) << r.content;
  ASSERT_EQ(ex.state().cart.size(), 1u);
  const auto& line = ex.state().cart[0];
  EXPECT_EQ(line.unit_price_cents, 8900);
  EXPECT_EQ(line.quantity, 2);
  EXPECT_EQ(line.color, "blue");  // the only colour
  EXPECT_EQ(parsed(r)["cart"]["total"], 178.0);
  EXPECT_TRUE(std::holds_alternative<conv::AddItem>(ex.commands()[0]));
  EXPECT_EQ(ex.state().stage, domain::Stage::cart);
}

TEST(ToolExecutor, RefusedCallsChangeNothingAndSayWhatToDo) {
  ToolExecutor ex(started(), shop_catalog(), 100, "ORD-TESTORDER0001");
  struct Case {
    json args;
    std::string says;
  } cases[] = {
      {{{"sku", "NOPE-1"}}, "search_products"},
      {{{"sku", "GLU-1"}}, "sold out"},
      {{{"sku", "SCR-2"}, {"quantity", 4}}, "only 3"},
      {{{"sku", "SNK-1"}, {"color", "white"}}, "size"},
      {{{"sku", "SNK-1"}, {"size", "45"}, {"color", "white"}}, "38, 39, 40"},
      {{{"sku", "SNK-1"}, {"size", "39"}, {"color", "pink"}}, "white, black"},
      {{{"sku", "SCR-1"}, {"quantity", 0}}, "quantity must be at least 1"},
      {{{"sku", "SCR-1"}, {"qty", 2}}, "qty"},
  };
  for (const auto& c : cases) {
    auto r = ex.run(call("add_to_cart", c.args));
    EXPECT_TRUE(r.error) << c.args;
    EXPECT_NE(parsed(r)["error"].get<std::string>().find(c.says), std::string::npos)
        << c.args << " -> " << r.content;
  }
  EXPECT_TRUE(ex.commands().empty());
  EXPECT_TRUE(ex.state().cart.empty());
}

TEST(ToolExecutor, ArgumentsThatAreNotJsonAreAnErrorNeverRun) {
  ToolExecutor ex(started(), shop_catalog(), 100, "ORD-TESTORDER0001");
  llm::ToolCall bad{"c9", "add_to_cart", json::object(), "{\"sku\": \"DRL-1\""};
  auto r = ex.run(bad);
  EXPECT_TRUE(r.error);
  EXPECT_NE(r.content.find("not a JSON object"), std::string::npos);
  EXPECT_TRUE(ex.commands().empty());
  EXPECT_TRUE(ex.run(call("launch_rocket", json::object())).error);
}

TEST(ToolExecutor, SizeAndColourAreMatchedToTheProductsOptions) {
  ToolExecutor ex(started(), shop_catalog(), 100, "ORD-TESTORDER0001");
  auto r = ex.run(call("add_to_cart", {{"sku", "SNK-1"}, {"size", "39"}, {"color", "Black"}}));
  ASSERT_FALSE(r.error) << r.content;
  EXPECT_EQ(ex.state().cart[0].size, "39");
  EXPECT_EQ(ex.state().cart[0].color, "black");
}

TEST(ToolExecutor, RemoveFromCartNeedsALine) {
  ToolExecutor ex(started(), shop_catalog(), 100, "ORD-TESTORDER0001");
  EXPECT_TRUE(ex.run(call("remove_from_cart", {{"sku", "SCR-1"}})).error);
  ASSERT_FALSE(ex.run(call("add_to_cart", {{"sku", "SCR-1"}})).error);
  auto r = ex.run(call("remove_from_cart", {{"sku", "SCR-1"}}));
  ASSERT_FALSE(r.error) << r.content;
  EXPECT_TRUE(ex.state().cart.empty());
  EXPECT_TRUE(std::holds_alternative<conv::RemoveItem>(ex.commands().back()));
}

const json kDetails = {{"name", "Rahul Sharma"},
                       {"phone", "+91 98765 43210"},
                       {"email", "rahul@example.com"},
                       {"address", "14 Park Street"},
                       {"city", "Kolkata"}};

TEST(ToolExecutor, CreateOrderRunsTheCheckoutCommandsAndPlacesTheOrder) {
  ToolExecutor ex(started(), shop_catalog(), 777, "ORD-TESTORDER0001");
  ASSERT_FALSE(ex.run(call("add_to_cart", {{"sku", "SCR-1"}, {"quantity", 3}})).error);
  auto r = ex.run(call("create_order", kDetails));
  ASSERT_FALSE(r.error) << r.content;
  const json j = parsed(r);
  const std::string id = j["order_id"];
  EXPECT_EQ(id, "ORD-TESTORDER0001") << "the id the turn brought";
  EXPECT_EQ(j["total"], 14.7);
  ASSERT_TRUE(ex.order().has_value());
  EXPECT_EQ(ex.order()->total_cents, 1470);
  EXPECT_EQ(ex.order()->customer.city, "Kolkata");
  EXPECT_EQ(ex.order()->placed_at_us, 777);
  EXPECT_EQ(ex.state().orders, std::vector<std::string>{id});
  // The same commands as the offline checkout: start, details, confirmation, order.
  std::vector<size_t> kinds;
  for (const auto& c : ex.commands()) kinds.push_back(c.index());
  auto at = [&](const conv::Command& c) {
    return std::find(kinds.begin(), kinds.end(), c.index()) != kinds.end();
  };
  EXPECT_TRUE(at(conv::StartCheckout{}));
  EXPECT_TRUE(at(conv::ProvideDetails{}));
  EXPECT_TRUE(at(conv::RequestConfirmation{}));
  EXPECT_TRUE(at(conv::PlaceOrder{}));
  EXPECT_EQ(ex.state().stage, domain::Stage::closing);

  auto status = parsed(ex.run(call("check_order_status", json::object())));
  EXPECT_EQ(status["order_id"], id);
  auto pay = ex.run(call("get_payment_link", {{"order_id", id}}));
  ASSERT_FALSE(pay.error);
  EXPECT_EQ(parsed(pay)["amount"], 14.7);
  EXPECT_TRUE(ex.run(call("get_payment_link", {{"order_id", "ORD-X"}})).error);
}

TEST(ToolExecutor, CreateOrderRefusesAnEmptyCartOrMissingDetailsAndKeepsNothing) {
  ToolExecutor ex(started(), shop_catalog(), 1, "ORD-TESTORDER0001");
  EXPECT_TRUE(ex.run(call("create_order", kDetails)).error);
  ASSERT_FALSE(ex.run(call("add_to_cart", {{"sku", "SCR-1"}})).error);
  const size_t before = ex.commands().size();
  json partial = kDetails;
  partial.erase("email");
  auto r = ex.run(call("create_order", partial));
  EXPECT_TRUE(r.error);
  EXPECT_NE(r.content.find("email is required"), std::string::npos) << r.content;
  EXPECT_EQ(ex.commands().size(), before);
  EXPECT_FALSE(ex.state().checkout_open);
  EXPECT_FALSE(ex.order().has_value());
}

TEST(ToolExecutor, EveryCommandItKeepsIsAcceptedByTheDeciderInOrder) {
  ToolExecutor ex(started(), shop_catalog(), 1, "ORD-TESTORDER0001");
  ex.run(call("search_products", {{"query", "screws"}}));
  ex.run(call("add_to_cart", {{"sku", "SCR-1"}, {"quantity", 2}}));
  ex.run(call("add_to_cart", {{"sku", "NOPE"}}));
  ex.run(call("create_order", kDetails));
  auto s = started();
  for (const auto& c : ex.commands()) {
    auto r = conv::decide(s, c);
    ASSERT_TRUE(r) << c.index();
    for (const auto& e : r.value()) s = conv::evolve(std::move(s), e);
  }
  EXPECT_EQ(s, ex.state());
}

TEST(ToolExecutor,
     GivenTheShopsDocumentsWhenTheModelSearchesThemThenPassagesComeWithCiteIdsAndNothingChanges) {
  // Given a shop with a FAQ and a shopper writing in Spanish
  ShopFaq faq;
  auto state = started();
  state.language = "es";
  ToolExecutor ex(state, shop_catalog(), 100, "ORD-TESTORDER0001", &faq);
  // When the model searches the shop's documents
  auto r = ex.run(call("search_knowledge", {{"query", "delivery cost"}}));
  // Then the passages come best first, each with the id a reply cites
  ASSERT_FALSE(r.error) << r.content;
  const json j = parsed(r);
  EXPECT_EQ(j["query"], "delivery cost");
  ASSERT_EQ(j["count"], 2);
  EXPECT_EQ(j["results"][0]["cite"], "faq:2");
  EXPECT_EQ(j["results"][0]["title"], "Shop FAQ");
  EXPECT_EQ(j["results"][0]["text"], "Delivery costs 5 EUR, free from 50 EUR.");
  EXPECT_EQ(j["results"][0]["language"], "en");
  EXPECT_EQ(j["results"][0]["question"], "How much is delivery?");
  EXPECT_EQ(j["results"][1]["cite"], "faq:3");
  EXPECT_FALSE(j["results"][1].contains("question")) << "prose has no question";
  EXPECT_FALSE(j.contains("note"));
  EXPECT_EQ(ex.knowledge_cites(), (std::vector<std::string>{"faq:2", "faq:3"}));
  EXPECT_EQ(faq.languages, std::vector<std::string>{"es"}) << "asked in the conversation's";
  // And the conversation is left alone: reading the documents is no catalog search
  EXPECT_TRUE(ex.commands().empty());
  EXPECT_EQ(ex.state(), state);
}

TEST(ToolExecutor,
     GivenALimitWhenTheModelSearchesTheKnowledgeThenOnlyThatManyAreReturnedOrCitable) {
  ShopFaq faq;
  ToolExecutor ex(started(), shop_catalog(), 100, "ORD-TESTORDER0001", &faq);
  auto r = ex.run(call("search_knowledge", {{"query", "delivery"}, {"limit", 1}}));
  ASSERT_FALSE(r.error) << r.content;
  EXPECT_EQ(parsed(r)["count"], 1);
  EXPECT_EQ(ex.knowledge_cites(), std::vector<std::string>{"faq:2"});
  // A second search adds what it returned; an id already returned is kept once.
  ex.run(call("search_knowledge", {{"query", "delivery and returns"}}));
  EXPECT_EQ(ex.knowledge_cites(), (std::vector<std::string>{"faq:2", "faq:3"}));
}

TEST(ToolExecutor, GivenNoKnowledgeWhenTheModelSearchesItThenNothingIsFoundAndItIsToldSo) {
  // Given a shop that wrote nothing, and one whose documents do not cover the question
  ShopFaq faq;
  ToolExecutor none(started(), shop_catalog(), 100, "ORD-TESTORDER0001");
  ToolExecutor other(started(), shop_catalog(), 100, "ORD-TESTORDER0001", &faq);
  for (ToolExecutor* ex : {&none, &other}) {
    // When the model searches
    auto r = ex->run(call("search_knowledge", {{"query", "do you gift wrap"}}));
    // Then no error (nothing to retry or invent around), no passage, and a note
    ASSERT_FALSE(r.error) << r.content;
    const json j = parsed(r);
    EXPECT_EQ(j["count"], 0);
    EXPECT_TRUE(j["results"].empty());
    EXPECT_NE(j.value("note", "").find("written nothing"), std::string::npos) << r.content;
    EXPECT_NE(j.value("note", "").find("person"), std::string::npos) << r.content;
    EXPECT_TRUE(ex->knowledge_cites().empty());
    EXPECT_TRUE(ex->commands().empty());
  }
}

}  // namespace
}  // namespace parley::assistant
