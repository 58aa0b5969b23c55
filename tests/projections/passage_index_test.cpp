// Knowledge search (projections/passage_index.hpp): the passage that answers
// a question comes first, in the shopper's language when there is one, and a
// question in another language finds it through the service lexicon.
#include "projections/passage_index.hpp"

#include <gtest/gtest.h>

namespace parley::projections {
namespace {

namespace knowledge = domain::knowledge;

PassageIndex::Entry faq(const std::string& q, const std::string& a, const std::string& language,
                        uint32_t position) {
  knowledge::Passage p;
  p.question = q;
  p.text = a;
  p.language = language;
  p.position = position;
  p.line = position + 2;
  return {"faq", "Shop FAQ", p};
}

// A small lexicon in the service lexicon's format.
const brain::Lexicon& services() {
  static const brain::Lexicon lexicon(
      "доставк* = delivery shipping\n"
      "envio* = shipping delivery\n"
      "ongkir = shipping delivery cost\n"
      "devolu* = return refund\n"
      "devolver* = return refund\n"
      "ship* = shipping delivery\n");
  return lexicon;
}

std::vector<PassageIndex::Entry> shop() {
  return {faq("How much is delivery?", "Delivery costs 5 EUR, free from 50 EUR.", "en", 0),
          faq("What are your opening hours?", "Mon to Sat, 9:00 to 18:00.", "en", 1),
          faq("Can I return an item?", "Yes, within 30 days, unused.", "en", 2),
          faq("¿Puedo devolver un artículo?", "Sí, en 30 días, sin usar.", "es", 3)};
}

TEST(PassageIndex, GivenAQuestionThenThePassageThatAnswersItComesFirst) {
  PassageIndex index(shop(), &services());
  auto hits = index.search("what are the opening hours", "en", 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entry->passage.position, 1u);
}

TEST(PassageIndex, GivenTheShoppersLanguageHasTheAnswerThenItIsPreferred) {
  PassageIndex index(shop(), &services());
  auto es = index.search("¿puedo devolverlo?", "es", 2);
  ASSERT_FALSE(es.empty());
  EXPECT_EQ(es[0].entry->passage.language, "es");
  auto en = index.search("can I return it", "en", 2);
  ASSERT_FALSE(en.empty());
  EXPECT_EQ(en[0].entry->passage.position, 2u);
}

TEST(PassageIndex, GivenAQuestionInAnotherLanguageThenTheLexiconFindsTheEnglishPassage) {
  PassageIndex index(shop(), &services());
  for (const char* q : {"сколько стоит доставка?", "ongkir berapa?", "precio del envío"}) {
    auto hits = index.search(q, "ru", 1);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(hits[0].entry->passage.position, 0u) << q;
  }
  PassageIndex untranslated(shop(), nullptr);
  EXPECT_TRUE(untranslated.search("сколько стоит доставка?", "ru", 1).empty())
      << "without the lexicon a Russian question shares no word with these passages";
}

TEST(PassageIndex, GivenNothingSharedOrAnEmptyIndexThenThereAreNoHits) {
  PassageIndex index(shop(), &services());
  EXPECT_TRUE(index.search("quantum chromodynamics", "en", 5).empty());
  EXPECT_TRUE(index.search("", "en", 5).empty());
  PassageIndex empty({}, &services());
  EXPECT_TRUE(empty.search("delivery", "en", 5).empty());
}

TEST(PassageIndex, GivenALimitThenAtMostThatManyHitsBestFirst) {
  PassageIndex index(shop(), &services());
  auto hits = index.search("return delivery hours", "en", 2);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_GE(hits[0].score, hits[1].score);
}

TEST(PassageIndex, GivenAQuestionWithoutAServiceWordThenItIsNotAnsweredFromTheKnowledge) {
  PassageIndex index(shop(), &services());
  EXPECT_FALSE(index.answer("what are the opening hours", "en"))
      << "'hours' is no word of this test's lexicon: no answer, though search finds it";
  auto a = index.answer("сколько стоит доставка?", "ru");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->text, "Delivery costs 5 EUR, free from 50 EUR.");
  EXPECT_EQ(a->title, "Shop FAQ");
  EXPECT_FALSE(PassageIndex(shop(), nullptr).answer("сколько стоит доставка?", "ru"));
}

TEST(PassageIndex, GivenABestPassageWithoutTheQuestionsServiceTermThenThereIsNoAnswer) {
  // Only the hours passage shares a word ("opening") with the question; the
  // question's service word (shipping) is in no passage.
  std::vector<PassageIndex::Entry> hours = {
      faq("What are your opening hours?", "Mon to Sat, 9:00 to 18:00.", "en", 0)};
  PassageIndex index(hours, &services());
  EXPECT_FALSE(index.search("shipping on opening day", "en", 1).empty());
  EXPECT_FALSE(index.answer("shipping on opening day", "en"));
}

}  // namespace
}  // namespace parley::projections
