// The rule-read slots (colours, ordinals, prices, sizes, quantities) on
// words the first tables lacked: Hindi inflections and loanwords in
// Devanagari, positions past the fifth, sizes said the Indian way, pairs,
// and a number taken back. Sentences written for this test.
#include <gtest/gtest.h>

#include "brain/nlu.hpp"

namespace parley::brain {
namespace {

const nlu::LocalNow kSunday{2026, 11, 22, 10, 0, 330};

std::string text_slot(const std::string& text, const std::string& slot) {
  const auto u = understand(text, kSunday);
  auto it = u.text_slots.find(slot);
  return it == u.text_slots.end() ? "" : it->second;
}
double number_slot(const std::string& text, const std::string& slot) {
  const auto u = understand(text, kSunday);
  auto it = u.number_slots.find(slot);
  return it == u.number_slots.end() ? -1 : it->second;
}

TEST(NluTypedSlots, GivenHindiColourWordsInEitherScriptWhenSearchedThenTheColourIsKept) {
  EXPECT_EQ(text_slot("नीले स्नीकर्स दिखाओ", "color"), "नीले");
  EXPECT_EQ(text_slot("ब्राउन बेल्ट चाहिए", "color"), "ब्राउन");
  EXPECT_EQ(text_slot("bhure boots dikhao", "color"), "bhure");
  EXPECT_EQ(text_slot("zapatillas moradas talla 38", "color"), "moradas");
  EXPECT_EQ(text_slot("сумка фиолетовая есть?", "color"), "фиолетовая");
}

TEST(NluTypedSlots, GivenAPositionPastTheFifthWhenAskedThenTheOrdinalIsRead) {
  EXPECT_EQ(number_slot("tell me about the sixth one", "ordinal"), 6);
  EXPECT_EQ(number_slot("el séptimo cuánto cuesta", "ordinal"), 7);
  EXPECT_EQ(number_slot("покажи восьмой", "ordinal"), 8);
  EXPECT_EQ(number_slot("yang keenam ada warna lain?", "ordinal"), 6);
  EXPECT_EQ(number_slot("छठे वाले की कीमत बताओ", "ordinal"), 6);
  EXPECT_EQ(number_slot("paanchva wala cart me daalo", "ordinal"), 5);
}

TEST(NluTypedSlots, GivenDevanagariPriceWordsWhenSearchedThenTheBoundIsRead) {
  EXPECT_EQ(number_slot("हेडफोन 50 यूरो तक", "price_max"), 50);
  EXPECT_EQ(number_slot("बैग 3000 रुपये के अंदर दिखाओ", "price_max"), 3000);
  EXPECT_EQ(number_slot("25 यूरो से सस्ता शैम्पू", "price_max"), 25);
  EXPECT_EQ(number_slot("100 यूरो से ऊपर की घड़ियाँ", "price_min"), 100);
}

TEST(NluTypedSlots, GivenAShoeSizeSaidTheIndianWayWhenSearchedThenItIsTheSizeNotAQuantity) {
  EXPECT_EQ(text_slot("काले जूते 42 नंबर", "size"), "42");
  EXPECT_EQ(text_slot("sandals 37 number me hai?", "size"), "37");
  EXPECT_EQ(number_slot("sandal 39 नंबर कार्ट में डालो", "quantity"), -1);
}

TEST(NluTypedSlots, GivenASizeWithoutASizeWordWhenSearchedOrAddedThenItIsTheSize) {
  EXPECT_EQ(text_slot("need coach bolts M12", "size"), "M12");
  EXPECT_EQ(text_slot("гайки м6 есть?", "size"), "м6");
  EXPECT_EQ(text_slot("rain jacket XL in navy", "size"), "XL");
  EXPECT_EQ(text_slot("taladro con broca de 10mm", "size"), "10mm");
  EXPECT_EQ(text_slot("sandalias doradas del 36", "size"), "36");
  EXPECT_EQ(text_slot("add the suede loafers 42", "size"), "42");
  EXPECT_EQ(number_slot("add the suede loafers 42", "quantity"), -1);
  EXPECT_EQ(text_slot("sepatu lari no 40 ada?", "size"), "40");
}

TEST(NluTypedSlots, GivenASizeWordWithoutAValueWhenAskedThenThereIsNoSize) {
  EXPECT_EQ(text_slot("which size is the third one", "size"), "");
  EXPECT_EQ(text_slot("iska size kya hai", "size"), "");
}

TEST(NluTypedSlots, GivenPairsOfShoesWhenAddedThenEachPairIsOneItem) {
  EXPECT_EQ(number_slot("add 3 pairs of the canvas sneakers", "quantity"), 3);
  EXPECT_EQ(number_slot("तीन जोड़ी मोज़े कार्ट में डालो", "quantity"), 3);
  EXPECT_EQ(number_slot("ek jodi chappal add karo", "quantity"), 1);
  EXPECT_EQ(number_slot("ponme un par de guantes", "quantity"), 2);  // a couple
}

TEST(NluTypedSlots, GivenANumberTakenBackWhenTheQuantityChangesThenTheNewOneCounts) {
  EXPECT_EQ(number_slot("not 4, make the mugs 2", "quantity"), 2);
  EXPECT_EQ(number_slot("chaar nahi, teen kar do socks", "quantity"), 3);
  EXPECT_EQ(number_slot("пять не надо, сделай три", "quantity"), 3);
}

}  // namespace
}  // namespace parley::brain
