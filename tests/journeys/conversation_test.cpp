// The conversation around the words (issue 18, point 6): what a new user
// tried that failed, each scripted in at least two languages through POST
// /api/v1/chat and asserted on the cart, the customer and the list shown,
// not only on the reply. None of these sentences is in brain/data/nlu.
#include <gtest/gtest.h>

#include "tests/journeys/journey_fixture.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Journey;

std::vector<std::pair<std::string, int64_t>> lines(const json& view) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& l : view["cart"]["lines"])
    out.emplace_back(l["sku"].get<std::string>(), l["quantity"].get<int64_t>());
  return out;
}

using Lines = std::vector<std::pair<std::string, int64_t>>;

TEST_F(Journey, CartEditsFindTheLineByNameColourOrPositionAndAskWhenTwoFit) {
  say("e1", "/add HW-SCR-014 2");  // stainless wood screws
  say("e1", "/add HW-SCR-021 1");  // yellow zinc wood screws
  say("e1", "/add HW-TAP-006 1");  // thread seal tape
  say("e1", "remove the yellow zinc wood screws");
  EXPECT_EQ(lines(view("e1")), (Lines{{"HW-SCR-014", 2}, {"HW-TAP-006", 1}}));
  say("e1", "/add HW-SCR-021 1");
  // Both wood screws fit: the bot asks and changes nothing.
  const std::string asked = say("e1", "set the quantity of the wood screws to 10");
  EXPECT_NE(asked.find("Which one"), std::string::npos) << asked;
  EXPECT_NE(asked.find("Yellow Zinc"), std::string::npos) << asked;
  EXPECT_EQ(lines(view("e1")), (Lines{{"HW-SCR-014", 2}, {"HW-TAP-006", 1}, {"HW-SCR-021", 1}}));
  say("e1", "change quantity of item 3 to 6");
  EXPECT_EQ(lines(view("e1")), (Lines{{"HW-SCR-014", 2}, {"HW-TAP-006", 1}, {"HW-SCR-021", 6}}));
  say("e1", "make the tape 3");
  EXPECT_EQ(lines(view("e1")), (Lines{{"HW-SCR-014", 2}, {"HW-TAP-006", 3}, {"HW-SCR-021", 6}}));
}

TEST_F(Journey, CartEditsInSpanishFindTheLineByColourAndPosition) {
  say("s1", "/add HW-SCR-014 2");
  say("s1", "/add HW-SCR-021 1");
  say("s1", "quita los tornillos amarillos");
  EXPECT_EQ(lines(view("s1")), (Lines{{"HW-SCR-014", 2}}));
  say("s1", "/add HW-TAP-006 1");
  say("s1", "cambia la cantidad del artículo 2 a 5");
  EXPECT_EQ(lines(view("s1")), (Lines{{"HW-SCR-014", 2}, {"HW-TAP-006", 5}}));
}

TEST_F(Journey, ASkuAnywhereInAMessageIsThatProduct) {
  say("e2", "add 3 x HW-SCR-023");
  say("e2", "I need 10 pcs of HW-SCR-024");
  EXPECT_EQ(lines(view("e2")), (Lines{{"HW-SCR-023", 3}, {"HW-SCR-024", 10}}));
  say("s2", "agrega 2 x hw-scr-026 porfa");
  say("s2", "necesito una docena de HW-SCR-014");
  EXPECT_EQ(lines(view("s2")), (Lines{{"HW-SCR-026", 2}, {"HW-SCR-014", 12}}));
}

TEST_F(Journey, ANameIsTakenOnlyWhenGivenAndARequestBesideItIsServed) {
  say("e3", "I am looking for a sunscreen for oily skin");
  auto v = view("e3");
  EXPECT_EQ(v["customer"].value("name", ""), "") << "a request is not a name";
  EXPECT_FALSE(v["last_shown"].empty()) << "the search ran";

  say("e4", "Hi, I am Maria and I need running shoes size 39");
  v = view("e4");
  EXPECT_EQ(v["customer"].value("name", ""), "Maria");
  EXPECT_FALSE(v["last_shown"].empty()) << "the request beside the name was served";

  say("s4", "hola, soy Lucía y busco botas negras talla 38");
  v = view("s4");
  EXPECT_EQ(v["customer"].value("name", ""), "Lucía");
  EXPECT_FALSE(v["last_shown"].empty());
}

TEST_F(Journey, QuestionsAboutAShownItemAnswerFromItAndKeepTheList) {
  say("e5", "waterproof boots");
  const auto shown_before = view("e5")["last_shown"];
  ASSERT_GE(shown_before.size(), 2u);
  const std::string second = shown_before[1];
  const std::string r = say("e5", "tell me about the 2nd one");
  EXPECT_NE(r.find(catalog_.snapshot()->index.find(second)->name), std::string::npos) << r;
  auto v = view("e5");
  EXPECT_TRUE(v["cart"]["lines"].empty()) << "a question adds nothing";
  EXPECT_EQ(v["last_shown"], shown_before) << "and does not replace the list";

  say("i5", "pelembab untuk kulit kering");
  const auto list = view("i5")["last_shown"];
  ASSERT_GE(list.size(), 2u);
  const std::string r2 = say("i5", "yang kedua cara pakainya gimana?");
  EXPECT_NE(r2.find(catalog_.snapshot()->index.find(list[1])->name), std::string::npos) << r2;
  EXPECT_EQ(view("i5")["last_shown"], list);
  EXPECT_TRUE(view("i5")["cart"]["lines"].empty());
}

TEST_F(Journey, AnEmailOrAOneWordReplyDoesNotChangeTheLanguage) {
  say("e6", "hello, I need work gloves");
  say("e6", "ana.de.la.cruz@mail.com");
  EXPECT_EQ(view("e6")["language"], "en");
  say("e6", "si");
  EXPECT_EQ(view("e6")["language"], "en");
  say("h6", "mujhe safety goggles chahiye");
  say("h6", "raj.ke.pass@gmail.com");
  EXPECT_EQ(view("h6")["language"], "hi");
}

TEST_F(Journey, CheckoutDetailsGivenOneByOneKeepTheNameAsAName) {
  say("r7", "/add HW-SCR-014 1");
  say("r7", "оформить заказ");
  say("r7", "+7 912 345-67-89, aigerim@example.kz, ул. Абая 10, Алматы");
  say("r7", "Меня зовут Айгерим");
  auto c = view("r7")["customer"];
  EXPECT_EQ(c.value("name", ""), "Айгерим");
  EXPECT_EQ(c.value("city", ""), "Алматы");

  say("e7", "/add HW-SCR-014 1");
  say("e7", "checkout");
  say("e7", "+44 7700 900123, tom@example.co.uk, 5 Mill Lane, Leeds");
  say("e7", "my name is Tom Baker");
  c = view("e7")["customer"];
  EXPECT_EQ(c.value("name", ""), "Tom Baker");
  EXPECT_EQ(c.value("city", ""), "Leeds");
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

int64_t cheapest(Journey& j, const json& skus, const projections::CatalogView& catalog) {
  (void)j;
  int64_t low = INT64_MAX;
  for (const auto& s : skus)
    low = std::min(low, catalog.snapshot()->index.find(s.get<std::string>())->price_cents);
  return low;
}

TEST_F(Journey, BrowsingCategoriesPagingAndACheaperOne) {
  std::string r = say("e8", "what categories do you have?");
  EXPECT_NE(r.find("Hardware: "), std::string::npos) << r;
  EXPECT_NE(r.find("Sunscreen ("), std::string::npos) << r;
  EXPECT_TRUE(view("e8")["last_shown"].empty());

  say("e8", "wood screws");
  const auto first = view("e8")["last_shown"];
  ASSERT_EQ(first.size(), 5u);
  say("e8", "show me more");
  const auto second = view("e8")["last_shown"];
  ASSERT_FALSE(second.empty());
  for (const auto& s : second)
    EXPECT_EQ(std::find(first.begin(), first.end(), s), first.end()) << s << " was on page one";

  const int64_t before = cheapest(*this, second, catalog_);
  say("e8", "something cheaper");
  const auto cheaper = view("e8")["last_shown"];
  ASSERT_FALSE(cheaper.empty());
  for (const auto& s : cheaper)
    EXPECT_LT(catalog_.snapshot()->index.find(s.get<std::string>())->price_cents, before) << s;

  r = say("s8", "¿qué categorías tienen?");
  EXPECT_NE(r.find("Skincare: "), std::string::npos) << r;
}

TEST_F(Journey, AColourOrACheaperAskedOfTheListRefinesIt) {
  say("r8", "туфли на каблуке");
  ASSERT_FALSE(view("r8")["last_shown"].empty());
  say("r8", "есть в черном цвете?");
  const auto black = view("r8")["last_shown"];
  ASSERT_FALSE(black.empty());
  const auto* top = catalog_.snapshot()->index.find(black[0].get<std::string>());
  EXPECT_NE(std::find(top->colors.begin(), top->colors.end(), "black"), top->colors.end())
      << top->sku;
  EXPECT_NE(top->category.find("Shoes"), std::string::npos) << "still the heels: " << top->sku;
  const int64_t before = cheapest(*this, black, catalog_);
  say("r8", "а подешевле?");
  for (const auto& s : view("r8")["last_shown"])
    EXPECT_LT(catalog_.snapshot()->index.find(s.get<std::string>())->price_cents, before) << s;

  say("i8", "sepatu sneakers");
  ASSERT_FALSE(view("i8")["last_shown"].empty());
  say("i8", "ada yang warna putih?");
  const auto white = view("i8")["last_shown"];
  ASSERT_FALSE(white.empty());
  const auto* first = catalog_.snapshot()->index.find(white[0].get<std::string>());
  EXPECT_NE(std::find(first->colors.begin(), first->colors.end(), "white"), first->colors.end())
      << first->sku;
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST_F(Journey, ABrandWrittenInCyrillicOrDevanagariFindsTheLatinBrand) {
  say("r9", "туфли лунель");
  auto shown = view("r9")["last_shown"];
  ASSERT_FALSE(shown.empty());
  EXPECT_EQ(catalog_.snapshot()->index.find(shown[0].get<std::string>())->name.rfind("Lunelle", 0),
            0u)
      << shown[0];
  say("h9", "लुनेल के पंप दिखाओ");
  shown = view("h9")["last_shown"];
  ASSERT_FALSE(shown.empty());
  EXPECT_EQ(catalog_.snapshot()->index.find(shown[0].get<std::string>())->name.rfind("Lunelle", 0),
            0u)
      << shown[0];
}

}  // namespace
}  // namespace parley
