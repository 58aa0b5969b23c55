// "Forget me" in the chat (brain/shop_privacy.cpp): asked back in the
// shopper's language, erased only on a yes that comes next, never read into
// a cart change.
#include <gtest/gtest.h>

#include "brain/nlu.hpp"
#include "tests/brain/turn_fixture.hpp"

namespace parley::brain {
namespace {

using namespace testing;
const nlu::LocalNow kNow{2026, 12, 5, 10, 0, 60};

std::optional<TurnPlan> turn(const conv::State& s, const std::string& text) {
  return plan_erasure(s, text, understand(text, kNow), 1000);
}

// The shopper asked with `request`; the state as the next message finds it.
conv::State asked(const std::string& language, const std::string& request) {
  auto s = shopper("telegram:7", language, 3);
  auto plan = turn(s, request);
  EXPECT_TRUE(plan) << request;
  s = after(s, plan ? *plan : TurnPlan{});
  ++s.received;
  return s;
}

TEST(ErasurePolicy, TheRequestIsAskedBackInEachLanguage) {
  const std::vector<std::pair<std::string, std::string>> requests = {
      {"en", "please delete my data"},     {"en", "forget me"},
      {"es", "borra mis datos por favor"}, {"es", "olvídame"},
      {"ru", "удалите мои данные"},        {"ru", "забудьте меня"},
      {"id", "tolong hapus data saya"},    {"id", "lupakan saya"},
      {"hi", "mera data delete kar do"},   {"hi", "मेरा डेटा मिटा दो"}};
  for (const auto& [language, text] : requests) {
    const auto s = shopper("telegram:7", language, 3);
    const auto plan = turn(s, text);
    ASSERT_TRUE(plan) << text;
    ASSERT_EQ(plan->events.size(), 1u) << text;
    EXPECT_TRUE(std::holds_alternative<conv::ErasureRequested>(plan->events[0])) << text;
    ASSERT_EQ(plan->replies.size(), 1u);
    EXPECT_EQ(plan->replies[0].text, say(language, Say::erasure_confirm)) << text;
  }
  EXPECT_NE(say("ru", Say::erasure_confirm), say("en", Say::erasure_confirm));
}

TEST(ErasurePolicy, AYesAsTheNextMessageForgetsTheShopper) {
  for (const auto& [language, request, yes] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"en", "delete my data", "yes"},
           {"es", "borra mis datos", "sí"},
           {"ru", "удалите мои данные", "да"},
           {"id", "hapus data saya", "ya"},
           {"hi", "mera data delete karo", "haan"}}) {
    const auto plan = turn(asked(language, request), yes);
    ASSERT_TRUE(plan) << yes;
    ASSERT_EQ(plan->events.size(), 1u) << yes;
    const auto* forgotten = std::get_if<conv::CustomerForgotten>(&plan->events[0]);
    ASSERT_NE(forgotten, nullptr) << yes;
    EXPECT_EQ(forgotten->by, "shopper");
    EXPECT_EQ(plan->replies.at(0).text, say(language, Say::erased));
  }
}

TEST(ErasurePolicy, ANoKeepsEverything) {
  const auto plan = turn(asked("es", "borra mis datos"), "no");
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->events.empty());
  EXPECT_EQ(plan->replies.at(0).text, say("es", Say::erasure_kept));
}

TEST(ErasurePolicy, AYesLaterThanTheNextMessageIsAnOrdinaryYes) {
  auto s = asked("en", "delete my data");
  ++s.received;  // another message came between
  EXPECT_FALSE(turn(s, "yes"));
  EXPECT_FALSE(turn(shopper("telegram:7", "en", 3), "yes")) << "nothing was asked";
}

TEST(ErasurePolicy, CartChangesAndQuestionsAboutDataAreNotRequests) {
  const auto s = shopper("telegram:7", "en", 3);
  for (const std::string text :
       {"remove the red one", "delete the second one from my cart", "forget it, the blue one",
        "do you have a data cable?", "quita las botas del carrito", "удали второй товар",
        "hapus yang kedua", "my data plan is slow"})
    EXPECT_FALSE(turn(s, text)) << text;
}

TEST(ErasurePolicy, TheOfflineBrainAsksBackBeforeAnythingElse) {
  Shelf shelf;
  shelf.put("SKU-1", "Data cable", "Cables", 500, 10);
  const auto s = shopper("telegram:7", "en", 3);
  const auto plan =
      plan_turn(s, "delete my data", understand("delete my data", kNow), shelf, 1000, "o-1");
  ASSERT_EQ(plan.events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<conv::ErasureRequested>(plan.events[0]));
}

}  // namespace
}  // namespace parley::brain
