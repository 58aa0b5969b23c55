// Promotions and testimonials in the offline brain (brain/shop_promotions.cpp):
// a code applied and carried into the order, a promotion that ended before the
// yes, "any discount?" in several languages, reviews with their photos, and a
// testimonial for a shopper who hesitates over a cart.
#include <gtest/gtest.h>

#include "brain/replies.hpp"
#include "brain/shop_policy.hpp"
#include "tests/brain/turn_fixture.hpp"

namespace parley::brain {
namespace {

namespace conv = domain::conversation;
namespace promotion = domain::promotion;

struct Screws : testing::Shelf {
  Screws() { put("HW-SCR-014", "Wood screw", "Hardware > Screws", 1000, 50); }
};

promotion::Promotion verano() {
  promotion::Promotion p;
  p.code = "VERANO10";
  p.description = "10% en tornillería";
  p.kind = promotion::Kind::percent;
  p.percent = 10;
  p.categories = {"Hardware > Screws"};
  p.ends_us = 2'000;
  return p;
}

// One promotion, VERANO10, valid until t = 2000 µs.
class Summer : public Promotions {
 public:
  std::vector<promotion::Promotion> running(int64_t now_us) const override {
    return now_us < 2'000 ? std::vector<promotion::Promotion>{verano()}
                          : std::vector<promotion::Promotion>{};
  }
  std::optional<promotion::Promotion> find(const std::string& code, int64_t now_us) const override {
    if (code != "VERANO10" || now_us >= 2'000) return std::nullopt;
    return verano();
  }
};

class TwoReviews : public Testimonials {
 public:
  std::vector<domain::testimonial::Testimonial> pick(const std::vector<std::string>& skus,
                                                     const std::string&,
                                                     size_t limit) const override {
    std::vector<domain::testimonial::Testimonial> out;
    domain::testimonial::Testimonial a;
    a.id = "rina";
    a.text = "Sekrupnya kuat, pengiriman cepat!";
    a.author = "Rina, Bandung";
    a.language = "id";
    a.sku = "HW-SCR-014";
    a.photo_url = "https://cdn.example.com/rina.jpg";
    domain::testimonial::Testimonial b = a;
    b.id = "tom";
    b.text = "Great shop.";
    b.author = "Tom";
    b.language = "en";
    b.sku = "";
    b.photo_url = "";
    const bool about_screws = !skus.empty() && skus.front() == "HW-SCR-014";
    out = about_screws ? std::vector{a, b} : std::vector{b, a};
    if (out.size() > limit) out.resize(limit);
    return out;
  }
};

conv::State shopper(const std::string& language) {
  return testing::shopper("api:p", language);
}
using testing::after;
using testing::said;

TurnPlan turn(const conv::State& s, const std::string& text, const Understanding& u,
              int64_t now_us = 1'000) {
  static const Screws catalog;
  static const Summer summer;
  static const TwoReviews reviews;
  TurnSources sources;
  sources.promotions = &summer;
  sources.testimonials = &reviews;
  return plan_turn(s, text, u, catalog, now_us, "ORD-1", sources);
}

conv::State with_cart(const std::string& language) {
  conv::State s = shopper(language);
  s.cart = {cart_line_for(*Screws().find("HW-SCR-014"), 3)};
  return s;
}

TEST(PromotionsPolicy, GivenARunningCodeInTheMessageThenItIsAppliedAndTheTotalShowsTheDiscount) {
  auto plan = turn(with_cart("es"), "tengo el código verano10", said("out_of_scope", "es"));
  const conv::State s = after(with_cart("es"), plan);
  ASSERT_TRUE(s.promo.has_value());
  EXPECT_EQ(s.promo->code, "VERANO10");
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_NE(plan.replies[0].text.find("€27.00 (€30.00 − €3.00, VERANO10)"), std::string::npos)
      << plan.replies[0].text;
}

TEST(PromotionsPolicy,
     GivenTheAppliedPromotionWhenTheShopperConfirmsThenTheOrderCarriesTheDiscount) {
  conv::State s = with_cart("en");
  s.promo = verano();
  s.customer = {"Sam Lee", "+447700900123", "sam@example.com", "1 High St", "London"};
  s.checkout_open = s.awaiting_confirmation = true;
  auto plan = turn(s, "yes", said("affirm", "en"));
  ASSERT_TRUE(plan.order.has_value());
  EXPECT_EQ(plan.order->total_cents, 2700);
  EXPECT_EQ(plan.order->discount_cents, 300);
  EXPECT_EQ(plan.order->promo_code, "VERANO10");
  EXPECT_FALSE(after(s, plan).promo.has_value()) << "the promotion leaves with the order";
}

TEST(PromotionsPolicy, GivenThePromotionEndedBeforeTheYesThenItIsTakenOffAndTheShopperAskedAgain) {
  conv::State s = with_cart("ru");
  s.promo = verano();
  s.customer = {"Иван", "+79001234567", "ivan@example.com", "ул. Ленина 1", "Москва"};
  s.checkout_open = s.awaiting_confirmation = true;
  auto plan = turn(s, "да", said("affirm", "ru"), 3'000);
  EXPECT_FALSE(plan.order.has_value());
  EXPECT_FALSE(after(s, plan).promo.has_value());
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_EQ(plan.replies[0].text, say("ru", Say::promo_expired, {"VERANO10", "€30.00"}));
}

TEST(PromotionsPolicy, GivenAQuestionAboutDiscountsInFourLanguagesThenTheRunningOnesAreListed) {
  for (const auto& [language, text] :
       std::vector<std::pair<std::string, std::string>>{{"en", "any discount?"},
                                                        {"id", "ada promo?"},
                                                        {"ru", "есть скидки?"},
                                                        {"hi", "koi discount hai?"}}) {
    auto plan = turn(shopper(language), text, said("out_of_scope", language));
    ASSERT_EQ(plan.replies.size(), 1u) << text;
    EXPECT_NE(plan.replies[0].text.find("VERANO10 (−10%: 10% en tornillería)"), std::string::npos)
        << text << ": " << plan.replies[0].text;
    EXPECT_TRUE(plan.events.empty()) << "asking applies nothing";
  }
  auto later = turn(shopper("en"), "any discount?", said("out_of_scope", "en"), 5'000);
  ASSERT_FALSE(later.replies.empty());
  EXPECT_EQ(later.replies[0].text.find("VERANO10"), std::string::npos)
      << "an ended promotion is never offered";
}

TEST(PromotionsPolicy, GivenAskingForReviewsThenTestimonialsAboutWhatWasSeenComeFirstWithPhotos) {
  conv::State s = shopper("id");
  s.last_shown = {"HW-SCR-014"};
  auto plan = turn(s, "Boleh testimoni real user?", said("out_of_scope", "id"));
  ASSERT_EQ(plan.replies.size(), 2u);
  EXPECT_EQ(plan.replies[0].text, "“Sekrupnya kuat, pengiriman cepat!” — Rina, Bandung");
  ASSERT_EQ(plan.replies[0].media.size(), 1u);
  EXPECT_EQ(plan.replies[0].media[0].url, "https://cdn.example.com/rina.jpg");
  for (const char* text : {"¿tienen reseñas?", "есть отзывы?"})
    EXPECT_FALSE(turn(shopper("es"), text, said("out_of_scope", "es")).replies.empty()) << text;
}

TEST(PromotionsPolicy, GivenAShopperWhoHesitatesOverACartWithoutAScriptThenOneTestimonialAnswers) {
  auto plan = turn(with_cart("en"), "hmm, it's too expensive", said("out_of_scope", "en"));
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_NE(plan.replies[0].text.find("Rina, Bandung"), std::string::npos) << plan.replies[0].text;
}

}  // namespace
}  // namespace parley::brain
