// The persona decider: saving a language's persona, saving the same again,
// going back to the built-in voice, and the rules a persona must keep,
// given/when/then.
#include "domain/persona.hpp"

#include <gtest/gtest.h>

namespace parley::domain::persona {
namespace {

Persona maya() {
  return Persona{"Maya", Tone::formal, "Warm regards,\nMaya from the shop"};
}

State given(const std::string& language, const std::vector<Event>& history) {
  State s = initial_state(language);
  for (const auto& e : history) s = evolve(std::move(s), e);
  return s;
}

Error refusal(const std::string& language, const Persona& p) {
  auto r = decide(given(language, {}), Save{language, p, "admin", 1});
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error::invalid_language : r.error();
}

Error saving(void (*change)(Persona&)) {
  Persona p = maya();
  change(p);
  return refusal("en", p);
}

TEST(Persona, GivenTheBuiltInVoiceThenItIsEmptyFriendlyAndNeverSaved) {
  const State s = initial_state("es");
  EXPECT_EQ(s.language, "es");
  EXPECT_TRUE(s.persona.empty());
  EXPECT_EQ(s.persona.tone, Tone::friendly);
  EXPECT_EQ(s.saved_us, 0);
}

TEST(Persona, GivenNoneWhenSavedThenItIsSavedByWhomAndWhen) {
  auto then = decide(given("en", {}), Save{"en", maya(), "admin", 42});
  ASSERT_TRUE(then.ok()) << to_string(then.error());
  ASSERT_EQ(then.value().size(), 1u);
  const auto& saved = std::get<PersonaSaved>(then.value()[0]);
  EXPECT_EQ(saved.language, "en");
  EXPECT_EQ(saved.persona, maya());
  EXPECT_EQ(saved.by, "admin");
  EXPECT_EQ(saved.at_us, 42);
  const State s = given("en", then.value());
  EXPECT_EQ(s.language, "en");
  EXPECT_EQ(s.persona, maya());
  EXPECT_EQ(s.saved_us, 42) << "evolve stamps when it was saved";
}

TEST(Persona, GivenTheSamePersonaWhenSavedAgainThenNothingIsDecided) {
  const State s = given("en", {PersonaSaved{"en", maya(), "admin", 1}});
  auto then = decide(s, Save{"en", maya(), "ravi", 2});
  ASSERT_TRUE(then.ok());
  EXPECT_TRUE(then.value().empty()) << "saving is idempotent";
  auto built_in = decide(given("en", {}), Save{"en", Persona{}, "admin", 2});
  ASSERT_TRUE(built_in.ok());
  EXPECT_TRUE(built_in.value().empty()) << "the built-in voice, never saved, is no change";
}

TEST(Persona, GivenAPersonaWhenAnotherToneIsSavedThenItIsReplaced) {
  const State s = given("en", {PersonaSaved{"en", maya(), "admin", 1}});
  Persona friendly = maya();
  friendly.tone = Tone::friendly;
  auto then = decide(s, Save{"en", friendly, "admin", 2});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u) << "the tone alone is a change";
  const State after = given("en", {PersonaSaved{"en", maya(), "admin", 1}, then.value()[0]});
  EXPECT_EQ(after.persona, friendly);
  EXPECT_EQ(after.saved_us, 2);
}

TEST(Persona, GivenAPersonaWhenAnEmptyOneIsSavedThenItIsTheBuiltInVoiceAgain) {
  const State s = given("ru", {PersonaSaved{"ru", maya(), "admin", 1}});
  auto then = decide(s, Save{"ru", Persona{}, "admin", 2});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  const State after = given("ru", {PersonaSaved{"ru", maya(), "admin", 1}, then.value()[0]});
  EXPECT_TRUE(after.persona.empty());
  EXPECT_EQ(after.persona, initial_state("ru").persona);
  EXPECT_EQ(after.saved_us, 2) << "when it was reset is still known";
}

TEST(Persona, GivenANameTooLongNotUtf8OrWithAControlCharacterThenTheSaveIsRefused) {
  EXPECT_EQ(saving([](Persona& p) { p.name = std::string(41, 'x'); }), Error::invalid_name);
  EXPECT_EQ(saving([](Persona& p) { p.name = std::string("Ma\xff") + "ya"; }), Error::invalid_name);
  EXPECT_EQ(saving([](Persona& p) { p.name = "\xc0\xaf"; }), Error::invalid_name)
      << "an overlong form is no UTF-8";
  EXPECT_EQ(saving([](Persona& p) { p.name = "Ma\xe0\xa4"; }), Error::invalid_name)
      << "a truncated character";
  EXPECT_EQ(saving([](Persona& p) { p.name = "Maya\n"; }), Error::invalid_name)
      << "a newline is a control character in a name";
  EXPECT_EQ(saving([](Persona& p) { p.name = "Ma\tya"; }), Error::invalid_name);
  EXPECT_EQ(saving([](Persona& p) { p.name = std::string("Ma\0ya", 5); }), Error::invalid_name);
  EXPECT_EQ(saving([](Persona& p) { p.name = "Maya\x7f"; }), Error::invalid_name);
  Persona p = maya();
  p.name = std::string(40, 'x');
  EXPECT_FALSE(validate("en", p)) << "40 bytes is the most";
  p.name = "\xe0\xa4\xae\xe0\xa4\xbe\xe0\xa4\xaf\xe0\xa4\xbe";  // "माया"
  EXPECT_FALSE(validate("hi", p));
  p.name = "";
  EXPECT_FALSE(validate("en", p)) << "a name is optional";
}

TEST(Persona, GivenASignOffTooLongNotUtf8OrWithAControlCharacterThenTheSaveIsRefused) {
  EXPECT_EQ(saving([](Persona& p) { p.sign_off = std::string(201, 'x'); }),
            Error::invalid_sign_off);
  EXPECT_EQ(saving([](Persona& p) { p.sign_off = "Bye \xed\xa0\x80"; }), Error::invalid_sign_off)
      << "a surrogate is no UTF-8";
  EXPECT_EQ(saving([](Persona& p) { p.sign_off = "Bye\r\nMaya"; }), Error::invalid_sign_off);
  EXPECT_EQ(saving([](Persona& p) { p.sign_off = "Bye\tMaya"; }), Error::invalid_sign_off);
  EXPECT_EQ(saving([](Persona& p) { p.sign_off = "Bye\x1b[31m"; }), Error::invalid_sign_off);
  Persona p = maya();
  p.sign_off = std::string(200, 'x');
  EXPECT_FALSE(validate("en", p)) << "200 bytes is the most";
  p.sign_off = "Saludos,\nMaya\n";
  EXPECT_FALSE(validate("es", p)) << "a sign-off may span lines";
  p.sign_off = "";
  EXPECT_FALSE(validate("en", p)) << "a sign-off is optional";
}

TEST(Persona, GivenALanguageOutsideTheFiveThenTheSaveIsRefused) {
  EXPECT_EQ(refusal("fr", maya()), Error::invalid_language);
  EXPECT_EQ(refusal("", maya()), Error::invalid_language);
  EXPECT_EQ(refusal("EN", maya()), Error::invalid_language);
  EXPECT_EQ(refusal("fr", Persona{}), Error::invalid_language) << "the language comes first";
  for (const char* l : {"en", "es", "ru", "id", "hi"}) {
    EXPECT_TRUE(persona_language(l)) << l;
    EXPECT_FALSE(validate(l, maya())) << l;
  }
  EXPECT_FALSE(persona_language("pt"));
}

TEST(Persona, GivenAToneByNameThenItReadsBackAndAnyOtherIsNotOne) {
  Tone t = Tone::friendly;
  EXPECT_TRUE(parse_tone("formal", &t));
  EXPECT_EQ(t, Tone::formal);
  EXPECT_TRUE(parse_tone("friendly", &t));
  EXPECT_EQ(t, Tone::friendly);
  t = Tone::formal;
  for (const char* other : {"", "Formal", "casual", "friendly "}) {
    EXPECT_FALSE(parse_tone(other, &t)) << other;
    EXPECT_EQ(t, Tone::formal) << "left as it was";
  }
  EXPECT_STREQ(to_string(Tone::friendly), "friendly");
  EXPECT_STREQ(to_string(Tone::formal), "formal");
}

TEST(Persona, GivenAnErrorThenItHasItsOwnNameAndIsAPersonasRefusal) {
  EXPECT_STREQ(to_string(Error::invalid_language), "invalid_language");
  EXPECT_STREQ(to_string(Error::invalid_name), "invalid_name");
  EXPECT_STREQ(to_string(Error::invalid_sign_off), "invalid_sign_off");
  EXPECT_STREQ(refuser_of(Error::invalid_name), kEntityType);
}

}  // namespace
}  // namespace parley::domain::persona
