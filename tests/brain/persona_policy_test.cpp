// The shop's persona in the offline brain: the greeting names it, the formal
// tone greets, thanks and says goodbye formally, and its sign-off closes a
// goodbye or a thanks; a language without a persona keeps the built-in voice.
#include <gtest/gtest.h>

#include <map>

#include "brain/replies.hpp"
#include "brain/shop_policy.hpp"
#include "tests/brain/turn_fixture.hpp"

namespace parley::brain {
namespace {

namespace persona = domain::persona;

class ShopVoice : public Personas {
 public:
  const persona::Persona* in(const std::string& language) const override {
    auto it = by_language.find(language);
    return it == by_language.end() ? nullptr : &it->second;
  }
  std::map<std::string, persona::Persona> by_language = {
      {"es", {"Maya", persona::Tone::friendly, "Un abrazo,\nMaya de Ferretería Sol"}},
      {"id", {"", persona::Tone::formal, ""}},
      {"ru", {"Ольга", persona::Tone::formal, "С уважением, Ольга"}}};
};

struct OneScrew : testing::Shelf {
  OneScrew() { put("HW-SCR-014", "Tornillo para madera", "Hardware > Screws", 1490, 50); }
};

TurnPlan say_to(const ShopVoice& voice, const std::string& language, const std::string& intent,
                const std::string& text) {
  OneScrew catalog;
  TurnSources sources;
  sources.personas = &voice;
  return plan_turn(testing::shopper("api:s", language, 1), text,
                   testing::said(intent, language, 0.95), catalog, 0, "ORD-1", sources);
}

TEST(Persona, GivenANameTheGreetingIntroducesIt) {
  ShopVoice voice;
  auto plan = say_to(voice, "es", "greet", "hola");
  ASSERT_EQ(plan.replies.size(), 1u);
  EXPECT_EQ(plan.replies[0].text.rfind("¡Hola! Soy Maya.", 0), 0u) << plan.replies[0].text;
}

TEST(Persona, GivenTheFormalToneGreetingsThanksAndGoodbyesAreFormal) {
  ShopVoice voice;
  auto greet = say_to(voice, "id", "greet", "halo");
  ASSERT_EQ(greet.replies.size(), 1u);
  EXPECT_EQ(greet.replies[0].text, say("id", Say::greet_formal));
  EXPECT_NE(greet.replies[0].text.find("Bapak/Ibu"), std::string::npos);
  EXPECT_EQ(say_to(voice, "id", "thanks", "terima kasih").replies.at(0).text,
            say("id", Say::thanks_formal));
  auto named = say_to(voice, "ru", "greet", "здравствуйте");
  EXPECT_EQ(named.replies.at(0).text, say("ru", Say::greet_named_formal, {"Ольга"}));
}

TEST(Persona, GivenASignOffItClosesAGoodbyeAndAThanksButNotASearch) {
  ShopVoice voice;
  auto bye = say_to(voice, "ru", "goodbye", "до свидания");
  ASSERT_EQ(bye.replies.size(), 1u);
  EXPECT_EQ(bye.replies[0].text, say("ru", Say::goodbye_formal) + "\n\nС уважением, Ольга");
  auto thanks = say_to(voice, "es", "thanks", "gracias");
  EXPECT_EQ(thanks.replies.at(0).text,
            say("es", Say::thanks) + "\n\nUn abrazo,\nMaya de Ferretería Sol");
  auto search = say_to(voice, "es", "product_search", "tornillo para madera");
  for (const auto& r : search.replies)
    EXPECT_EQ(r.text.find("Maya de Ferretería Sol"), std::string::npos) << r.text;
}

TEST(Persona, ALanguageWithoutAPersonaKeepsTheBuiltInVoice) {
  ShopVoice voice;
  EXPECT_EQ(say_to(voice, "en", "greet", "hello").replies.at(0).text, say("en", Say::greet));
  EXPECT_EQ(say_to(voice, "en", "goodbye", "bye").replies.at(0).text, say("en", Say::goodbye));
}

}  // namespace
}  // namespace parley::brain
