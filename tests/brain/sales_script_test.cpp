// The shop's sales scripts in the offline brain: its phrasings greet, answer
// a hesitation and close, in the shopper's language only, taken in turn.
#include <gtest/gtest.h>

#include <map>

#include "brain/replies.hpp"
#include "brain/shop_policy.hpp"
#include "tests/brain/turn_fixture.hpp"

namespace parley::brain {
namespace {

namespace conv = domain::conversation;

// A shop with Spanish and Russian scripts and no other knowledge.
class ScriptedShop : public Knowledge {
 public:
  std::optional<KnowledgeQuote> answer(const std::string&, const std::string&) const override {
    return std::nullopt;
  }
  std::vector<KnowledgeQuote> passages(const std::string&, const std::string&,
                                       size_t) const override {
    return {};
  }
  std::vector<std::string> script_lines(const std::string& stage,
                                        const std::string& language) const override {
    auto it = lines.find(stage + "/" + language);
    return it == lines.end() ? std::vector<std::string>{} : it->second;
  }
  std::map<std::string, std::vector<std::string>> lines = {
      {"greeting/es", {"¡Hola! Bienvenido a Ferretería Sol.", "¡Buenas! ¿Qué buscas hoy?"}},
      {"objection/es", {"Entiendo. Todo lleva 2 años de garantía y el envío es gratis."}},
      {"closing/es", {"¡Gracias por confiar en Ferretería Sol!"}},
      {"greeting/ru", {"Здравствуйте! Магазин «Солнце» на связи."}}};
};

// The shop's one product.
struct OneScrew : testing::Shelf {
  OneScrew() { put("HW-SCR-014", "Tornillo para madera", "Hardware > Screws", 1490, 50); }
};

conv::State shopper(const std::string& language, uint64_t received) {
  return testing::shopper("api:s", language, received);
}

Understanding understood(const std::string& intent, const std::string& language) {
  return testing::said(intent, language, 0.95);
}

TEST(SalesScripts, GivenAGreetingScriptInTheShoppersLanguageThenTheShopGreetsInItsOwnWordsInTurn) {
  ScriptedShop shop;
  OneScrew catalog;
  auto first = plan_turn(shopper("es", 1), "hola", understood("greet", "es"), catalog, 0, "ORD-1",
                         nullptr, nullptr, &shop);
  auto later = plan_turn(shopper("es", 2), "hola", understood("greet", "es"), catalog, 0, "ORD-1",
                         nullptr, nullptr, &shop);
  ASSERT_EQ(first.replies.size(), 1u);
  ASSERT_EQ(later.replies.size(), 1u);
  EXPECT_EQ(first.replies[0].text, "¡Buenas! ¿Qué buscas hoy?");
  EXPECT_EQ(later.replies[0].text, "¡Hola! Bienvenido a Ferretería Sol.")
      << "the next message takes the next phrasing";
}

TEST(SalesScripts,
     GivenScriptsOnlyInOtherLanguagesThenTheBuiltInGreetingInTheShoppersLanguageStays) {
  ScriptedShop shop;
  OneScrew catalog;
  auto plan = plan_turn(shopper("id", 1), "halo", understood("greet", "id"), catalog, 0, "ORD-1",
                        nullptr, nullptr, &shop);
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_EQ(plan.replies[0].text, say("id", Say::greet)) << "a script is never translated";
}

TEST(SalesScripts, GivenAShopperWhoHesitatesOverWhatTheySawThenTheObjectionScriptAnswers) {
  ScriptedShop shop;
  OneScrew catalog;
  conv::State s = shopper("es", 3);
  s.last_shown = {"HW-SCR-014"};
  s.last_query = "tornillos";
  auto plan = plan_turn(s, "uf, es muy caro", understood("out_of_scope", "es"), catalog, 0, "ORD-1",
                        nullptr, nullptr, &shop);
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_EQ(plan.replies[0].text, "Entiendo. Todo lleva 2 años de garantía y el envío es gratis.");
  EXPECT_EQ(plan.replies[0].cited, "") << "a phrasing of the shop is not a quote";
}

TEST(SalesScripts, GivenAHesitationBeforeSeeingAnythingOrWithoutAScriptThenNoScriptAnswers) {
  ScriptedShop shop;
  OneScrew catalog;
  auto nothing_seen = plan_turn(shopper("es", 1), "es muy caro", understood("out_of_scope", "es"),
                                catalog, 0, "ORD-1", nullptr, nullptr, &shop);
  ASSERT_FALSE(nothing_seen.replies.empty());
  EXPECT_NE(nothing_seen.replies[0].text,
            "Entiendo. Todo lleva 2 años de garantía y el envío es gratis.");
  conv::State ru = shopper("ru", 3);
  ru.last_shown = {"HW-SCR-014"};
  auto no_script = plan_turn(ru, "дороговато", understood("out_of_scope", "ru"), catalog, 0,
                             "ORD-1", nullptr, nullptr, &shop);
  ASSERT_FALSE(no_script.replies.empty());
  EXPECT_EQ(no_script.replies[0].text.find("Entiendo"), std::string::npos);
}

TEST(SalesScripts, GivenAnOrderPlacedThenTheClosingScriptFollowsTheConfirmation) {
  ScriptedShop shop;
  OneScrew catalog;
  conv::State s = shopper("es", 6);
  s.cart = {cart_line_for(*catalog.find("HW-SCR-014"), 2)};
  s.customer = {"Lucía Pérez", "+34612345678", "lucia@example.com", "Calle Mayor 1", "Madrid"};
  s.checkout_open = true;
  s.awaiting_confirmation = true;
  s.stage = domain::Stage::checkout;
  auto plan =
      plan_turn(s, "sí", understood("affirm", "es"), catalog, 0, "ORD-1", nullptr, nullptr, &shop);
  ASSERT_TRUE(plan.order.has_value());
  ASSERT_EQ(plan.replies.size(), 2u);
  EXPECT_NE(plan.replies[0].text.find("ORD-1"), std::string::npos) << plan.replies[0].text;
  EXPECT_EQ(plan.replies[1].text, "¡Gracias por confiar en Ferretería Sol!");
}

}  // namespace
}  // namespace parley::brain
