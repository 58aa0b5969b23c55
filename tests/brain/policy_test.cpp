// The sales policy's own decisions, given an understanding: when it asks
// instead of acting, and what the conversation's state settles.
#include <gtest/gtest.h>

#include "brain/browse.hpp"
#include "brain/linear_model.hpp"
#include "brain/shop_policy.hpp"
#include "brain/shop_turn.hpp"
#include "brain/turn_context.hpp"

namespace parley::brain {
namespace {

namespace conv = domain::conversation;
using domain::product::Product;

class TwoProducts : public Catalog {
 public:
  TwoProducts() {
    a_.sku = "HW-SCR-014";
    a_.name = "Stainless Wood Screw";
    a_.category = "Hardware > Screws";
    a_.price_cents = 1490;
    a_.currency = "EUR";
    a_.stock = 50;
    b_ = a_;
    b_.sku = "HW-TAP-006";
    b_.name = "Thread Seal Tape";
    b_.category = "Hardware > Tapes";
  }
  const Product* find(const std::string& sku) const override {
    return sku == a_.sku ? &a_ : sku == b_.sku ? &b_ : nullptr;
  }
  std::vector<const Product*> find_products(const std::string&, size_t) const override {
    return {&a_, &b_};
  }

 private:
  Product a_, b_;
};

conv::State started(const std::string& id) {
  conv::State s = conv::initial_state(id);
  s.channel = "api";
  s.received = 1;  // the inbound message of the turn
  return s;
}

conv::State listed_state() {
  conv::State s = started("api:x");
  s.last_shown = {"HW-SCR-014", "HW-TAP-006"};
  s.last_query = "screws";
  return s;
}

Understanding guess(const std::string& intent, double confidence, const std::string& runner_up,
                    const std::string& language) {
  Understanding u;
  u.intent = intent;
  u.confidence = confidence;
  u.runner_up = runner_up;
  u.language = language;
  return u;
}

// plan_turn dispatches on a table: every shop intent the trained model can
// answer has its own handler (a CRM intent reaching a shopper's turn, or an
// unknown one, is out of scope).
TEST(Policy, EveryShopIntentOfTheModelHasAHandler) {
  const auto out_of_scope = shop::handler_for("out_of_scope");
  size_t shop_intents = 0;
  for (const auto& intent : builtin_intent_model().labels()) {
    const bool crm = intent.rfind("lead_", 0) == 0 || intent.rfind("meeting_", 0) == 0 ||
                     intent.rfind("demo_", 0) == 0 || intent == "activity_add" ||
                     intent == "tasks_list" || intent == "leads_list";
    if (crm || intent == "out_of_scope") continue;
    ++shop_intents;
    EXPECT_NE(shop::handler_for(intent), out_of_scope) << intent;
  }
  EXPECT_EQ(shop_intents, 17u);
  EXPECT_EQ(shop::handler_for("no_such_intent"), out_of_scope);
}

TEST(Browse, GivenAListWhenAColourAndASizeAreAskedThenTheyRefineItAsSearchReadsThem) {
  const auto state = listed_state();
  auto b = browse_request(guess("product_search", 0.9, "", "es"), "¿las tienes en negro, talla 38?",
                          state);
  EXPECT_EQ(b.kind, BrowseKind::refine);
  EXPECT_EQ(b.refinement, " negro size 38");
  b = browse_request(guess("product_search", 0.9, "", "hi"), "40 नंबर में है?", state);
  EXPECT_EQ(b.kind, BrowseKind::refine);
  EXPECT_EQ(b.refinement, " size 40");
  // No size word, no refinement: "no" is not one.
  EXPECT_EQ(browse_request(guess("product_search", 0.9, "", "es"), "no, gracias", state).kind,
            BrowseKind::none);
}

TEST(Policy, GivenAnUnsureGuessThatWouldChangeTheCartWhenPlannedThenItAsksInTheShoppersLanguage) {
  TwoProducts catalog;
  conv::State s = listed_state();
  s.language = "es";
  auto u = guess("remove_from_cart", 0.2, "product_info", "es");
  const auto plan = plan_turn(s, "eso fuera", u, catalog, 1, "ORD-1");
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_NE(plan.replies[0].text.find("quitar algo del carrito"), std::string::npos)
      << plan.replies[0].text;
  EXPECT_NE(plan.replies[0].text.find("saber más de un producto"), std::string::npos);
  EXPECT_TRUE(plan.events.empty()) << "nothing changes on a guess";
}

TEST(Policy, GivenASureGuessWhenPlannedThenItActs) {
  TwoProducts catalog;
  auto u = guess("add_to_cart", 0.8, "product_info", "en");
  u.number_slots["ordinal"] = 1;
  const auto plan = plan_turn(listed_state(), "the first one", u, catalog, 1, "ORD-1");
  ASSERT_FALSE(plan.events.empty()) << (plan.replies.empty() ? "" : plan.replies[0].text);
  EXPECT_TRUE(std::holds_alternative<conv::ItemAdded>(plan.events.front()));
}

TEST(Policy, GivenAnUnsureSearchWhenPlannedThenItSearchesWithoutAsking) {
  TwoProducts catalog;
  const auto plan =
      plan_turn(listed_state(), "tape", guess("product_search", 0.15, "product_info", "en"),
                catalog, 1, "ORD-1");
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_NE(plan.replies[0].text.find("Thread Seal Tape"), std::string::npos);
}

// Finds the tape by its own words only.
class OnlyTapeWords : public TwoProducts {
 public:
  std::vector<const Product*> find_products(const std::string& text, size_t) const override {
    if (text != "thread seal tape") return {};
    return {find("HW-TAP-006")};
  }
};

TEST(Policy, GivenAModelsRewriteWhenTheShoppersWordsFindNothingThenTheRewriteIsListed) {
  OnlyTapeWords catalog;
  const SearchRewrite rewrite{"stuff for leaky pipe threads", "thread seal tape", {}};
  const auto plan =
      plan_turn(started("api:r"), "stuff for leaky pipe threads",
                guess("product_search", 0.9, "", "en"), catalog, 1, "ORD-1", nullptr, &rewrite);
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_NE(plan.replies[0].text.find("Thread Seal Tape"), std::string::npos)
      << plan.replies[0].text;
  std::vector<std::pair<std::string, uint32_t>> searches;
  for (const auto& e : plan.events)
    if (const auto* r = std::get_if<conv::SearchPerformed>(&e))
      searches.push_back({r->query, r->results});
  // Both searches are on record: the shopper's (nothing) and the rewrite's.
  EXPECT_EQ(searches, (std::vector<std::pair<std::string, uint32_t>>{
                          {"stuff for leaky pipe threads", 0}, {"thread seal tape", 1}}));
}

TEST(Policy, GivenARewriteOfAnotherMessageWhenPlannedThenItIsNotUsed) {
  OnlyTapeWords catalog;
  const SearchRewrite rewrite{"an earlier message", "thread seal tape", {}};
  const auto plan =
      plan_turn(started("api:r"), "stuff for leaky pipe threads",
                guess("product_search", 0.9, "", "en"), catalog, 1, "ORD-1", nullptr, &rewrite);
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_EQ(plan.replies[0].text.find("Thread Seal Tape"), std::string::npos);
}

TEST(Policy, GivenTwoOrdersWhenTheShopperAsksAboutTheFirstThenTheAnswerIsAboutIt) {
  TwoProducts catalog;
  conv::State s = started("api:o");
  s.orders = {"ORD-AAAA1111BBBB2222", "ORD-CCCC3333DDDD4444"};
  s.order_notes["ORD-AAAA1111BBBB2222"] = conv::OrderNote{"shipped"};
  s.order_notes["ORD-CCCC3333DDDD4444"] = conv::OrderNote{"awaiting_payment"};
  auto u = guess("order_status", 0.9, "", "en");
  u.text_slots["order_id"] = "ord-aaaa1111bbbb2222";
  auto plan = plan_turn(s, "status of order ORD-AAAA1111BBBB2222", u, catalog, 1, "ORD-1");
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_NE(plan.replies[0].text.find("ORD-AAAA1111BBBB2222"), std::string::npos)
      << plan.replies[0].text;
  // In Spanish, the tail of the id is enough.
  auto es = guess("order_status", 0.9, "", "es");
  es.text_slots["order_id"] = "CCCC3333DDDD4444";
  plan = plan_turn(s, "¿cómo va el pedido CCCC3333DDDD4444?", es, catalog, 1, "ORD-1");
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_NE(plan.replies[0].text.find("ORD-CCCC3333DDDD4444"), std::string::npos)
      << plan.replies[0].text;
  u.text_slots["order_id"] = "ZZZZ9999";
  plan = plan_turn(s, "status of order ZZZZ9999", u, catalog, 1, "ORD-1");
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_NE(plan.replies[0].text.find("can't find an order ZZZZ9999"), std::string::npos)
      << plan.replies[0].text;
}

TEST(Policy, GivenAnUnpaidOrderWhenTheShopperCancelsItThenTheCancellationIsRecorded) {
  TwoProducts catalog;
  conv::State s = started("api:c");
  s.orders = {"ORD-AAAA1111BBBB2222"};
  s.order_notes["ORD-AAAA1111BBBB2222"] = conv::OrderNote{"awaiting_payment"};
  auto plan = plan_turn(s, "отмените мой заказ", guess("deny", 0.6, "", "ru"), catalog, 1, "ORD-1");
  ASSERT_EQ(plan.events.size(), 1u);
  EXPECT_EQ(std::get<conv::OrderCancelRequested>(plan.events[0]).order_id, "ORD-AAAA1111BBBB2222");
  EXPECT_FALSE(plan.team_request);

  s.order_notes["ORD-AAAA1111BBBB2222"] = conv::OrderNote{"paid"};
  plan = plan_turn(s, "batalkan pesanan saya", guess("deny", 0.6, "", "id"), catalog, 1, "ORD-1");
  EXPECT_TRUE(plan.events.empty()) << "a paid order is the team's to cancel";
  ASSERT_TRUE(plan.team_request);
  EXPECT_NE(plan.team_request->in("en").find("ORD-AAAA1111BBBB2222"), std::string::npos);
}

TEST(TurnContext, GivenAnEmptyCartWhenAListItemsQuantityIsChangedThenItIsAdded) {
  auto u = guess("update_quantity", 0.4, "add_to_cart", "id");
  u.number_slots["ordinal"] = 1;
  u.number_slots["quantity"] = 2;
  const auto in = in_context(u, listed_state(), "2 yang pertama");
  EXPECT_EQ(in.intent, "add_to_cart");
  EXPECT_GE(in.confidence, kAskBelowConfidence);
}

TEST(TurnContext, GivenNothingShownWhenAskedAboutOneThenItIsASearch) {
  EXPECT_EQ(in_context(guess("product_info", 0.3, "", "id"), started("api:y"),
                       "pelembab untuk kulit berminyak")
                .intent,
            "product_search");
}

TEST(TurnContext, GivenASkuAndAnAmountWhenReadAsASearchThenItIsAdded) {
  const auto in = in_context(guess("product_search", 0.5, "", "en"), started("api:z"),
                             "I need 10 pcs of hw-scr-014");
  EXPECT_EQ(in.intent, "add_to_cart");
  EXPECT_EQ(in.number_slots.at("quantity"), 10);
}

TEST(TurnContext, GivenAGreetingAroundProductWordsThenItIsASearch) {
  EXPECT_EQ(in_context(guess("greet", 0.7, "", "en"), started("api:w"),
                       "hello, I need work gloves and safety goggles")
                .intent,
            "product_search");
  EXPECT_EQ(in_context(guess("greet", 0.9, "", "en"), started("api:w"), "hello there").intent,
            "greet");
}

}  // namespace
}  // namespace parley::brain

namespace parley::brain {
namespace {

// A shop whose documents answer one question: about delivery.
class DeliveryFaq : public Knowledge {
 public:
  std::optional<KnowledgeQuote> answer(const std::string& question,
                                       const std::string&) const override {
    ++asked;
    if (question.find("deliver") == std::string::npos &&
        question.find("доставк") == std::string::npos)
      return std::nullopt;
    return KnowledgeQuote{"faq", "Shop FAQ", "Delivery costs 5 EUR, free from 50 EUR.", "en", 2};
  }
  // The offline policy never searches: it quotes only a clear answer.
  std::vector<KnowledgeQuote> passages(const std::string&, const std::string&,
                                       size_t) const override {
    return {};
  }
  mutable int asked = 0;
};

conv::State in_language(const std::string& language) {
  conv::State s = conv::initial_state("api:k");
  s.channel = "api";
  s.received = 1;
  s.language = language;
  return s;
}

TEST(PolicyKnowledge,
     GivenAQuestionNothingElseAnswersWhenTheDocumentsDoThenThePassageIsQuotedWithItsSource) {
  DeliveryFaq faq;
  TwoProducts catalog;
  auto plan = plan_turn(in_language("en"), "how much is delivery?",
                        guess("out_of_scope", 0.7, "product_search", "en"), catalog, 0, "ORD-1",
                        nullptr, nullptr, &faq);
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_EQ(plan.replies[0].text, "From “Shop FAQ”: Delivery costs 5 EUR, free from 50 EUR.");
  EXPECT_EQ(plan.replies[0].cited, "faq:2") << "the passage quoted, kept with the message";
  auto ru = plan_turn(in_language("ru"), "сколько стоит доставка?",
                      guess("out_of_scope", 0.5, "product_search", "ru"), catalog, 0, "ORD-1",
                      nullptr, nullptr, &faq);
  ASSERT_EQ(ru.replies.size(), 1u);
  EXPECT_EQ(ru.replies[0].text, "Из «Shop FAQ»: Delivery costs 5 EUR, free from 50 EUR.")
      << "the shopper's language frames the quote";
}

TEST(PolicyKnowledge, GivenAQuestionTheDocumentsDoNotAnswerThenItIsSaidHonestlyWithAPersonOnOffer) {
  DeliveryFaq faq;
  TwoProducts catalog;
  auto plan = plan_turn(in_language("es"), "¿cuál es tu color favorito?",
                        guess("out_of_scope", 0.8, "greet", "es"), catalog, 0, "ORD-1", nullptr,
                        nullptr, &faq);
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_NE(plan.replies[0].text.find("No puedo responder a eso"), std::string::npos)
      << plan.replies[0].text;
  EXPECT_NE(plan.replies[0].text.find("persona"), std::string::npos) << plan.replies[0].text;
  EXPECT_EQ(faq.asked, 1);
}

TEST(PolicyKnowledge, GivenAQuestionReadAsUnsureDetailsOutsideACheckoutThenTheDocumentsAnswerIt) {
  DeliveryFaq faq;
  TwoProducts catalog;
  Understanding details = guess("provide_details", 0.39, "out_of_scope", "en");
  details.text_slots["address"] = "Bali";
  auto plan = plan_turn(in_language("en"), "do you deliver to Bali?", details, catalog, 0, "ORD-1",
                        nullptr, nullptr, &faq);
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_EQ(plan.replies[0].cited, "faq:2") << plan.replies[0].text;
  conv::State checkout = in_language("en");
  checkout.checkout_open = true;
  plan_turn(checkout, "deliver to Jl. Bali 4, Denpasar", details, catalog, 0, "ORD-1", nullptr,
            nullptr, &faq);
  EXPECT_EQ(faq.asked, 1) << "in a checkout, an address is an address";
}

TEST(PolicyKnowledge, GivenASureRequestThatChangesTheCartThenTheDocumentsAreNotAsked) {
  DeliveryFaq faq;
  TwoProducts catalog;
  conv::State s = listed_state();
  Understanding add = guess("add_to_cart", 0.4, "product_search", "en");
  add.number_slots["ordinal"] = 1;
  plan_turn(s, "add the first one, with delivery", add, catalog, 0, "ORD-1", nullptr, nullptr,
            &faq);
  EXPECT_EQ(faq.asked, 0) << "a cart change is never answered from the documents";
  plan_turn(in_language("en"), "show me screws for delivery boxes",
            guess("product_search", 0.9, "product_info", "en"), catalog, 0, "ORD-1", nullptr,
            nullptr, &faq);
  EXPECT_EQ(faq.asked, 0) << "a confident search is a search";
  plan_turn(in_language("en"), "how much is delivery of the screws?",
            guess("product_search", 0.4, "out_of_scope", "en"), catalog, 0, "ORD-1", nullptr,
            nullptr, &faq);
  EXPECT_EQ(faq.asked, 0) << "an unsure search is still a search, never the FAQ";
  conv::State ordered = in_language("en");
  ordered.orders = {"ORD-7K3M9Q2XWPA4BD6F"};
  plan_turn(ordered, "where is my delivery?", guess("order_status", 0.5, "out_of_scope", "en"),
            catalog, 0, "ORD-1", nullptr, nullptr, &faq);
  EXPECT_EQ(faq.asked, 0) << "a shopper with an order hears of that order";
}

}  // namespace
}  // namespace parley::brain
