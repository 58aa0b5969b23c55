// When the extractor model is asked for checkout details: only while the
// checkout waits for them, only for a gap the rules' reading leaves, never
// for a scripted turn or a slash command; and what it read is kept with its calls.
#include <gtest/gtest.h>

#include <atomic>

#include "actors/turn_preparation.hpp"

namespace parley::actors {
namespace {

namespace conv = domain::conversation;

class StubExtractor final : public brain::DetailsExtractor {
 public:
  bool active() const override { return true; }
  brain::DetailsExtraction extract(const std::string& text, const std::string&, brain::DetailsFor,
                                   const std::string& conversation_id, int64_t) const override {
    ++asked;
    brain::DetailsExtraction r;
    r.details.city = "Sevilla";
    domain::llm_usage::Call c;
    c.agent = "extractor";
    c.conversation_id = conversation_id;
    r.calls.push_back(c);
    last_text = text;
    return r;
  }
  mutable std::atomic<int> asked{0};
  mutable std::string last_text;
};

conv::State at_checkout(domain::Customer saved = {}) {
  conv::State s = conv::initial_state("api:u1");
  s.received = 3;
  s.checkout_open = true;
  s.customer = saved;
  return s;
}

ChatTurn turn(const std::string& text) {
  ChatTurn t;
  static_cast<conv::Inbound&>(t) = conv::text_message("api", "u1", text);
  return t;
}

TEST(DetailsExtraction, AGapAtCheckoutIsAskedOfTheModel) {
  StubExtractor model;
  auto t = turn("send it to my sister Marta, Calle Mayor 5 in the old town");
  auto r = extract_details(t, brain::understand(t.text, {}), at_checkout(), model, "api:u1");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->details.city, "Sevilla");
  EXPECT_EQ(r->calls.size(), 1u);
  EXPECT_EQ(model.last_text, t.text);
}

TEST(DetailsExtraction, NothingIsAskedOutsideCheckoutOrAtItsConfirmation) {
  StubExtractor model;
  auto t = turn("Marta, Calle Mayor 5");
  EXPECT_EQ(extract_details(t, brain::understand(t.text, {}), conv::initial_state("api:u1"), model,
                            "api:u1"),
            nullptr);
  auto confirming = at_checkout();
  confirming.awaiting_confirmation = true;
  EXPECT_EQ(extract_details(t, brain::understand(t.text, {}), confirming, model, "api:u1"),
            nullptr);
  auto human = at_checkout();
  human.handoff_requested = true;
  EXPECT_EQ(extract_details(t, brain::understand(t.text, {}), human, model, "api:u1"), nullptr);
  EXPECT_EQ(model.asked.load(), 0);
}

TEST(DetailsExtraction, NothingIsAskedWhenTheRulesLeaveNoGapOrForCommands) {
  StubExtractor model;
  domain::Customer almost;
  almost.name = "Ana López";
  almost.phone = "+34600111222";
  almost.email = "ana@example.com";
  almost.address = "Calle Mayor 5";
  auto city = turn("Sevilla");
  EXPECT_EQ(
      extract_details(city, brain::understand(city.text, {}), at_checkout(almost), model, "api:u1"),
      nullptr)
      << "the rules read the city";
  auto slash = turn("/cart");
  EXPECT_EQ(
      extract_details(slash, brain::understand(slash.text, {}), at_checkout(), model, "api:u1"),
      nullptr);
  auto scripted = turn("Marta, Calle Mayor 5");
  scripted.scripted = true;
  EXPECT_EQ(extract_details(scripted, brain::understand(scripted.text, {}), at_checkout(), model,
                            "api:u1"),
            nullptr);
  EXPECT_EQ(model.asked.load(), 0);
}

}  // namespace
}  // namespace parley::actors
