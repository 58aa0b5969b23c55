#include "brain/text.hpp"
#include "brain/romanize.hpp"
#include "brain/stemmer.hpp"

#include <gtest/gtest.h>

#include "brain/lexicon.hpp"

namespace parley::brain {
namespace {

TEST(Text, FoldsCaseAndAccentsAcrossScripts) {
  EXPECT_EQ(fold("Tacón ROJO Ñandú"), "tacon rojo nandu");
  EXPECT_EQ(fold("Привет Ёлка"), "привет елка");
  EXPECT_EQ(fold("नमस्ते"), "नमस्ते");
  EXPECT_EQ(fold("Straße Über"), "strase uber");
  EXPECT_EQ(fold("bad\xff byte"), "bad byte");
  // ICU folds what the old tables did not reach: Latin Extended Additional,
  // Greek, Cyrillic beyond Russian; й keeps its breve.
  EXPECT_EQ(fold("Tiếng Việt ĐẸP"), "tieng viet dep");
  EXPECT_EQ(fold("ΣΟΦΊΑ"), "σοφία");
  EXPECT_EQ(fold("ЇЖАК Йогурт"), "їжак йогурт");
}

TEST(Text, TokenizesNumbersUnitsAndScripts) {
  EXPECT_EQ(
      tokenize("m8 bolts, 8mm bits; spf50 3.5 x 25"),
      (std::vector<std::string>{"m8", "bolts", "8", "mm", "bits", "spf", "50", "3.5", "x", "25"}));
  EXPECT_EQ(tokenize("крем для лица"), (std::vector<std::string>{"крем", "для", "лица"}));
  EXPECT_EQ(tokenize("टॉर्क्स बिट"), (std::vector<std::string>{"टॉर्क्स", "बिट"}));
  EXPECT_EQ(tokenize("hw-scr-002"), (std::vector<std::string>{"hw", "scr", "002"}));
}

TEST(Text, GivenADevanagariSentenceEndThenItIsNotPartOfTheLastWord) {
  // "।" (danda) and "॥" end a sentence as "." does: "है।" was one token, so
  // the last word of every Hindi sentence matched nothing.
  EXPECT_EQ(tokenize("डिलीवरी कब होगी।"), (std::vector<std::string>{"डिलीवरी", "कब", "होगी"}));
  EXPECT_EQ(tokenize("धन्यवाद॥ठीक"), (std::vector<std::string>{"धन्यवाद", "ठीक"}));
}

TEST(Stemmer, SnowballInEveryLanguageAndByScript) {
  EXPECT_EQ(stem("en", "screws"), "screw");
  EXPECT_EQ(stem("en", "fixing"), "fix");
  EXPECT_EQ(stem("es", "tornillos"), "tornill");
  EXPECT_EQ(stem("ru", "шурупов"), "шуруп");
  EXPECT_EQ(stem("id", "sekrupnya"), "sekrup");
  EXPECT_EQ(stem("xx", "words"), "words");
  EXPECT_EQ(stems_by_script("дерева"), (std::vector<std::string>{"дерева", "дерев"}));
  // Latin script: English, Spanish and Indonesian stems, the word itself first.
  EXPECT_EQ(stems_by_script("maderas")[0], "maderas");
  EXPECT_NE(
      std::find(stems_by_script("maderas").begin(), stems_by_script("maderas").end(), "mader"),
      stems_by_script("maderas").end());
}

TEST(Romanize, NamesInCyrillicOrDevanagariReachTheirLatinSpelling) {
  EXPECT_EQ(to_latin("лунель"), "lunel");
  EXPECT_EQ(to_latin("кларо"), "klaro");
  EXPECT_EQ(to_latin("लुनेल"), "lunel");
  EXPECT_EQ(to_latin("plain"), "plain");
}

TEST(Romanize, DevanagariReachesTheLatinSpellingsOfChat) {
  EXPECT_EQ(romanize_devanagari("मुझे लाल हील्स चाहिए"), "mujhe lal hils chahie");
  EXPECT_EQ(romanize_devanagari("कार्ट खाली करो"), "kart khali karo");
  EXPECT_EQ(romanize_devanagari("ऑर्डर कहाँ है"), "ordar kahan hai");
  EXPECT_EQ(romanize_devanagari("शुक्रिया"), "shukriya");
  // Latin words beside Devanagari keep their spelling.
  EXPECT_EQ(romanize_devanagari("abc नमस्ते xyz"), "abc namaste xyz");
  EXPECT_EQ(romanize_devanagari("no script"), "no script");
}

TEST(Text, EditDistanceCountsTranspositionsOnce) {
  EXPECT_EQ(edit_distance("scerw", "screw", 2), 1u);
  EXPECT_EQ(edit_distance("titanum", "titanium", 2), 1u);
  EXPECT_EQ(edit_distance("metl", "metal", 2), 1u);
  EXPECT_EQ(edit_distance("abc", "xyz", 1), 2u);  // gave up past the limit
}

TEST(Lexicon, TranslatesInflectedWordsByPrefix) {
  const auto& lx = Lexicon::builtin();
  ASSERT_NE(lx.translate("tornillos"), nullptr);
  EXPECT_EQ(lx.translate("tornillos")->front(), "screw");
  ASSERT_NE(lx.translate("прыщей"), nullptr);
  EXPECT_EQ(lx.translate("прыщей")->front(), "acne");
  EXPECT_EQ(lx.translate("tacones")->front(), "heel");  // longest prefix beats "taco"
  EXPECT_EQ(lx.translate("zzzz"), nullptr);
  EXPECT_TRUE(lx.is_stopword("para"));
  EXPECT_TRUE(lx.is_stopword("chahiye"));
  EXPECT_EQ(lx.color_of("красные"), "red");
  EXPECT_EQ(lx.color_of("kaale"), "black");
  EXPECT_EQ(lx.color_of("negro"), "black");
  EXPECT_EQ(lx.color_of("screw"), "");
}

}  // namespace
}  // namespace parley::brain
