// The promotion decider: saves, idempotent saves, ends, the rules a promotion
// must keep, when it is valid, what it covers and what a cart saves with it,
// given/when/then.
#include "domain/promotion.hpp"

#include <gtest/gtest.h>

#include "domain/limits.hpp"

namespace parley::domain::promotion {
namespace {

constexpr int64_t kDay = int64_t{86'400} * 1'000'000;

Promotion ten_percent() {
  Promotion p;
  p.code = "SCREWS10";
  p.description = "10% off every screw";
  p.kind = Kind::percent;
  p.percent = 10;
  p.categories = {"Hardware > Screws"};
  return p;
}

Promotion five_euros() {
  Promotion p;
  p.code = "FIVE";
  p.kind = Kind::amount;
  p.amount_cents = 500;
  p.currency = "EUR";
  return p;
}

CartLine line(const std::string& sku, const std::string& category, int64_t quantity,
              int64_t unit_price_cents, const std::string& currency = "EUR") {
  CartLine l;
  l.sku = sku;
  l.name = sku;
  l.category = category;
  l.quantity = quantity;
  l.unit_price_cents = unit_price_cents;
  l.currency = currency;
  return l;
}

State given(const std::vector<Event>& history) {
  State s;
  for (const auto& e : history) s = evolve(std::move(s), e);
  return s;
}

Error refusal(const State& s, const Command& c) {
  auto r = decide(s, c);
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error::not_found : r.error();
}

TEST(Promotion, GivenNoPromotionWhenSavedThenItIsSavedNormalisedByWhomAndWhen) {
  Promotion raw = ten_percent();
  raw.code = "  screws10 ";
  raw.skus = {" hw-scr-001", "HW-SCR-001", ""};
  raw.categories = {" Hardware > Screws ", ""};
  auto then = decide(given({}), Save{raw, "admin", 42});
  ASSERT_TRUE(then.ok()) << to_string(then.error());
  ASSERT_EQ(then.value().size(), 1u);
  const auto& saved = std::get<PromotionSaved>(then.value()[0]);
  EXPECT_EQ(saved.promotion.code, "SCREWS10");
  EXPECT_EQ(saved.promotion.skus, std::vector<std::string>{"HW-SCR-001"});
  EXPECT_EQ(saved.promotion.categories, std::vector<std::string>{"Hardware > Screws"});
  EXPECT_EQ(saved.by, "admin");
  EXPECT_EQ(saved.at_us, 42);
  const State s = given(then.value());
  EXPECT_TRUE(s.exists);
  EXPECT_TRUE(s.running);
  EXPECT_EQ(s.promotion, saved.promotion);
  EXPECT_EQ(s.updated_by, "admin");
  EXPECT_EQ(s.updated_us, 42);
}

TEST(Promotion, GivenARunningPromotionWhenTheSameIsSavedAgainThenNothingIsDecided) {
  const State s = given({PromotionSaved{normalize(ten_percent()), "admin", 1}});
  Promotion again = ten_percent();
  again.code = "screws10";  // the same once normalised
  auto then = decide(s, Save{again, "ravi", 2});
  ASSERT_TRUE(then.ok());
  EXPECT_TRUE(then.value().empty()) << "an admin's retry is safe";
}

TEST(Promotion, GivenARunningPromotionWhenAnotherIsSavedUnderItsCodeThenItReplacesIt) {
  const State s = given({PromotionSaved{normalize(ten_percent()), "admin", 1}});
  Promotion changed = ten_percent();
  changed.percent = 15;
  auto then = decide(s, Save{changed, "admin", 2});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  EXPECT_EQ(std::get<PromotionSaved>(then.value()[0]).promotion.percent, 15);
}

TEST(Promotion, GivenARunningPromotionWhenEndedThenItStopsAndEndingAgainDecidesNothing) {
  const State s = given({PromotionSaved{normalize(ten_percent()), "admin", 1}});
  auto then = decide(s, End{"ravi", 2});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  EXPECT_EQ(std::get<PromotionEnded>(then.value()[0]).by, "ravi");
  const State ended =
      given({PromotionSaved{normalize(ten_percent()), "admin", 1}, then.value()[0]});
  EXPECT_TRUE(ended.exists);
  EXPECT_FALSE(ended.running);
  EXPECT_EQ(ended.updated_by, "ravi");
  EXPECT_EQ(ended.updated_us, 2);
  auto again = decide(ended, End{"ravi", 3});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.value().empty());
}

TEST(Promotion, GivenAnEndedPromotionWhenTheSameIsSavedAgainThenItRunsAgain) {
  const State ended =
      given({PromotionSaved{normalize(ten_percent()), "admin", 1}, PromotionEnded{"admin", 2}});
  auto then = decide(ended, Save{ten_percent(), "admin", 3});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u) << "ended is for good until it is saved again";
  EXPECT_TRUE(given({PromotionSaved{normalize(ten_percent()), "admin", 1},
                     PromotionEnded{"admin", 2}, then.value()[0]})
                  .running);
}

TEST(Promotion, GivenNoPromotionWhenEndedThenItIsNotFound) {
  EXPECT_EQ(refusal(given({}), End{"admin", 1}), Error::not_found);
}

TEST(Promotion, GivenABrokenRuleThenTheSaveIsRefusedWithIt) {
  auto with = [](Promotion p, auto change) {
    change(p);
    return refusal(given({}), Save{p, "admin", 1});
  };
  const Promotion pct = ten_percent();
  const Promotion amt = five_euros();
  EXPECT_EQ(with(pct, [](Promotion& p) { p.code = "AB"; }), Error::invalid_code);
  EXPECT_EQ(with(pct, [](Promotion& p) { p.code = std::string(33, 'A'); }), Error::invalid_code);
  EXPECT_EQ(with(pct, [](Promotion& p) { p.code = "SUMMER 10"; }), Error::invalid_code);
  EXPECT_EQ(with(pct, [](Promotion& p) { p.code = "SUMMER.10"; }), Error::invalid_code);
  EXPECT_EQ(with(pct, [](Promotion& p) { p.code = "VERÃO"; }), Error::invalid_code);
  EXPECT_EQ(with(pct, [](Promotion& p) { p.description = std::string(201, 'd'); }),
            Error::invalid_description);
  EXPECT_EQ(with(pct, [](Promotion& p) { p.percent = 0; }), Error::invalid_discount);
  EXPECT_EQ(with(pct, [](Promotion& p) { p.percent = 91; }), Error::invalid_discount);
  EXPECT_EQ(with(pct, [](Promotion& p) { p.amount_cents = 100; }), Error::invalid_discount);
  EXPECT_EQ(with(pct, [](Promotion& p) { p.currency = "EUR"; }), Error::invalid_discount);
  EXPECT_EQ(with(amt, [](Promotion& p) { p.amount_cents = 0; }), Error::invalid_discount);
  EXPECT_EQ(with(amt, [](Promotion& p) { p.amount_cents = kMaxPriceCents + 1; }),
            Error::invalid_discount);
  EXPECT_EQ(with(amt, [](Promotion& p) { p.currency = ""; }), Error::invalid_discount);
  EXPECT_EQ(with(amt, [](Promotion& p) { p.currency = "EURO"; }), Error::invalid_discount);
  EXPECT_EQ(with(amt, [](Promotion& p) { p.currency = "E1R"; }), Error::invalid_discount);
  EXPECT_EQ(with(amt, [](Promotion& p) { p.percent = 10; }), Error::invalid_discount);
  EXPECT_EQ(with(pct,
                 [](Promotion& p) {
                   p.starts_us = 10 * kDay;
                   p.ends_us = 10 * kDay;
                 }),
            Error::invalid_window);
  EXPECT_EQ(with(pct,
                 [](Promotion& p) {
                   p.starts_us = 10 * kDay;
                   p.ends_us = 9 * kDay;
                 }),
            Error::invalid_window);
  EXPECT_EQ(with(pct,
                 [](Promotion& p) {
                   for (size_t i = 0; i < kMaxTargets; ++i)
                     p.skus.push_back("SKU-" + std::to_string(i));
                   p.categories = {"Hardware"};
                 }),
            Error::too_many_targets);
}

TEST(Promotion, GivenTheLimitsThenTheyAreAccepted) {
  Promotion p = ten_percent();
  p.code = "A_1";
  p.percent = 90;
  p.description = std::string(200, 'd');
  EXPECT_FALSE(validate(normalize(p)).has_value());
  p.code = std::string(32, 'Z');
  p.percent = 1;
  p.starts_us = kDay;
  p.ends_us = kDay + 1;
  EXPECT_FALSE(validate(normalize(p)).has_value());
  Promotion a = five_euros();
  a.amount_cents = kMaxPriceCents;
  a.currency = " eur ";  // normalised to EUR
  EXPECT_FALSE(validate(normalize(a)).has_value());
}

TEST(Promotion, GivenAWindowThenItIsValidFromItsStartUntilJustBeforeItsEnd) {
  Promotion p = ten_percent();
  EXPECT_TRUE(valid_at(p, 0)) << "no start: from when it is saved; no end: until ended";
  EXPECT_TRUE(valid_at(p, 1'000 * kDay));
  p.starts_us = 10 * kDay;
  p.ends_us = 20 * kDay;
  EXPECT_FALSE(valid_at(p, 10 * kDay - 1)) << "not started yet";
  EXPECT_TRUE(valid_at(p, 10 * kDay));
  EXPECT_TRUE(valid_at(p, 20 * kDay - 1));
  EXPECT_FALSE(valid_at(p, 20 * kDay)) << "past its end";
  p.ends_us = 0;
  EXPECT_TRUE(valid_at(p, 1'000 * kDay));
}

TEST(Promotion, GivenTargetsThenALineIsCoveredBySkuOrByItsCategoryOrOneBelow) {
  Promotion p = ten_percent();
  p.skus = {"PAINT-1"};
  p.categories = {"Hardware"};
  EXPECT_TRUE(covers(p, line("PAINT-1", "Paint", 1, 100)));
  EXPECT_TRUE(covers(p, line("X", "Hardware", 1, 100)));
  EXPECT_TRUE(covers(p, line("X", "Hardware > Screws", 1, 100)));
  EXPECT_FALSE(covers(p, line("X", "Hardwarex", 1, 100))) << "a prefix is not a parent";
  EXPECT_FALSE(covers(p, line("X", "Hardware >", 1, 100)));
  EXPECT_FALSE(covers(p, line("X", "Garden > Hardware", 1, 100)));
  EXPECT_FALSE(covers(p, line("X", "", 1, 100))) << "a line from before categories";
  p.categories = {"Hardware > Screws"};
  EXPECT_FALSE(covers(p, line("X", "Hardware", 1, 100))) << "a child does not cover its parent";
  p.skus.clear();
  p.categories.clear();
  EXPECT_TRUE(covers(p, line("ANY", "", 1, 100))) << "no targets: the whole catalog";
}

TEST(Promotion, GivenAPercentThenTheCoveredLinesAreDiscountedRoundedDownToTheCent) {
  const std::vector<CartLine> cart = {line("S1", "Hardware > Screws", 3, 333),
                                      line("P1", "Paint", 1, 10'000)};
  // 10% of 999 is 99.9: 99 cents; the paint is not covered.
  EXPECT_EQ(discount_cents(ten_percent(), cart), 99);
  Promotion p = ten_percent();
  p.percent = 90;
  EXPECT_EQ(discount_cents(p, {line("S1", "Hardware > Screws", 1, 1)}), 0) << "0.9 cents: none";
}

TEST(Promotion, GivenTheLargestCartThenThePercentDoesNotOverflow) {
  Promotion p = ten_percent();
  p.percent = 90;
  p.categories.clear();
  std::vector<CartLine> cart(kMaxCartLines, line("S", "", kMaxQuantity, kMaxPriceCents));
  const int64_t total = static_cast<int64_t>(kMaxCartLines) * kMaxQuantity * kMaxPriceCents;
  EXPECT_EQ(discount_cents(p, cart), total / 10 * 9);
}

TEST(Promotion, GivenAnAmountThenItIsCappedAtTheCoveredTotal) {
  Promotion p = five_euros();
  EXPECT_EQ(discount_cents(p, {line("A", "", 2, 1'000)}), 500);
  EXPECT_EQ(discount_cents(p, {line("A", "", 1, 300)}), 300) << "never more than the lines";
  p.skus = {"A"};
  EXPECT_EQ(discount_cents(p, {line("A", "", 1, 300), line("B", "", 1, 10'000)}), 300)
      << "capped at what it covers, not the whole cart";
}

TEST(Promotion, GivenAnotherCurrencyThenNothingIsDiscounted) {
  EXPECT_EQ(discount_cents(five_euros(), {line("A", "", 1, 10'000, "USD")}), 0);
  Promotion p = ten_percent();
  p.categories.clear();
  // The cart is in the first line's currency; a line in another is not counted.
  EXPECT_EQ(discount_cents(p, {line("A", "", 1, 1'000), line("B", "", 1, 5'000, "USD")}), 100);
}

TEST(Promotion, GivenAnEmptyCartOrNothingCoveredThenNothingIsDiscounted) {
  EXPECT_EQ(discount_cents(ten_percent(), {}), 0);
  EXPECT_EQ(discount_cents(five_euros(), {}), 0);
  EXPECT_EQ(discount_cents(ten_percent(), {line("P1", "Paint", 1, 10'000)}), 0);
}

TEST(Promotion, GivenKindAndErrorNamesThenTheyReadBack) {
  Kind k = Kind::percent;
  EXPECT_TRUE(kind_from(to_string(Kind::amount), &k));
  EXPECT_EQ(k, Kind::amount);
  EXPECT_TRUE(kind_from("percent", &k));
  EXPECT_EQ(k, Kind::percent);
  EXPECT_FALSE(kind_from("bogo", &k));
  EXPECT_STREQ(to_string(Error::invalid_window), "invalid_window");
  EXPECT_STREQ(to_string(Error::not_found), "not_found");
}

}  // namespace
}  // namespace parley::domain::promotion
