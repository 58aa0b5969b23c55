// The extractor model's details in the offline brain's checkout: the rules'
// reading wins, the model's fills what they missed, and a field the
// conversation's decider refuses drops the model's reading, not the rules'.
#include <gtest/gtest.h>

#include "brain/shop_policy.hpp"
#include "domain/limits.hpp"
#include "tests/brain/turn_fixture.hpp"

namespace parley::brain {
namespace {

namespace conv = domain::conversation;

struct OneScrew : testing::Shelf {
  OneScrew() { put("HW-SCR-014", "Tornillo para madera", "Hardware > Screws", 1490, 50); }
};

conv::State at_checkout(const Catalog& catalog) {
  conv::State s = testing::shopper("api:s", "es", 4);
  s.cart = {cart_line_for(*catalog.find("HW-SCR-014"), 2)};
  s.checkout_open = true;
  s.stage = domain::Stage::checkout;
  return s;
}

TurnPlan give(const conv::State& s, const Catalog& catalog, const std::string& text,
              const DetailsExtraction* extracted) {
  TurnSources sources;
  sources.extracted = extracted;
  return plan_turn(s, text, understand(text, {}), catalog, 0, "ORD-1", sources);
}

TEST(DetailsFill, TheModelFillsWhatTheRulesMissedAndTheRulesWin) {
  OneScrew catalog;
  const auto s = at_checkout(catalog);
  DetailsExtraction model;
  model.details.name = "Marta López";
  model.details.phone = "+34 999 999 999";  // the rules read another: theirs wins
  model.details.address = "Calle Mayor 5";
  model.details.city = "Sevilla";
  const std::string text = "para mi hermana Marta López, +34 600 111 222, Calle Mayor 5, Sevilla";
  auto without = testing::after(s, give(s, catalog, text, nullptr));
  auto with = testing::after(s, give(s, catalog, text, &model));
  EXPECT_EQ(with.customer.phone, without.customer.phone);
  EXPECT_FALSE(with.customer.phone.empty());
  EXPECT_EQ(with.customer.city, "Sevilla");
  EXPECT_EQ(with.customer.address, "Calle Mayor 5");
  EXPECT_EQ(with.customer.name,
            without.customer.name.empty() ? "Marta López" : without.customer.name);
}

TEST(DetailsFill, AFieldTheDeciderRefusesDropsTheModelsReadingOnly) {
  OneScrew catalog;
  const auto s = at_checkout(catalog);
  DetailsExtraction model;
  model.details.city = std::string(domain::kMaxTextBytes + 1, 'S');  // the decider refuses it
  const std::string text = "Ana Pérez, +34 600 111 222";
  auto with = testing::after(s, give(s, catalog, text, &model));
  auto without = testing::after(s, give(s, catalog, text, nullptr));
  EXPECT_EQ(with.customer, without.customer);
  EXPECT_FALSE(with.customer.phone.empty());
}

TEST(DetailsFill, WithoutAnExtractionTheRulesAloneDecide) {
  OneScrew catalog;
  const auto s = at_checkout(catalog);
  DetailsExtraction nothing;
  const std::string text = "Ana Pérez, +34 600 111 222";
  EXPECT_EQ(testing::after(s, give(s, catalog, text, &nothing)).customer,
            testing::after(s, give(s, catalog, text, nullptr)).customer);
}

}  // namespace
}  // namespace parley::brain
