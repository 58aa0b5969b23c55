// The bounded model loop against a scripted provider: text, tools, tool
// errors sent back, failures and runaway loops turned into a fallback, and
// every call's usage kept.
#include "assistant/model_turn.hpp"
#include "assistant/cite_markers.hpp"

#include <gtest/gtest.h>

#include <deque>

#include "tests/assistant/shop_fixture.hpp"

namespace parley::assistant {
namespace {

namespace conv = domain::conversation;
using nlohmann::json;
using testing::shop_catalog;
using testing::ShopFaq;
using testing::started;

// Answers from a script, one per call, and keeps every request.
class ScriptedProvider final : public llm::Provider {
 public:
  explicit ScriptedProvider(std::deque<llm::Result> script) : script_(std::move(script)) {}
  const std::string& name() const override { return name_; }
  llm::Result complete(const llm::CompletionRequest& request, std::chrono::steady_clock::time_point,
                       const llm::TextSink& on_text) const override {
    requests.push_back(request);
    if (script_.empty()) return text("(script ran out)");
    auto r = script_.front();
    if (script_.size() > 1) script_.pop_front();
    if (r && on_text && !r.value().text.empty()) {
      const auto& t = r.value().text;
      on_text(t.substr(0, t.size() / 2));
      on_text(t.substr(t.size() / 2));
    }
    return r;
  }
  static llm::Result text(const std::string& t, int64_t in = 100, int64_t out = 20) {
    llm::Completion c;
    c.text = t;
    c.usage = {in, out};
    c.model = "gpt-test-0613";
    return c;
  }
  static llm::Result tools(std::vector<llm::ToolCall> calls, int64_t in = 200, int64_t out = 30) {
    llm::Completion c;
    c.tool_calls = std::move(calls);
    c.usage = {in, out};
    c.model = "gpt-test-0613";
    return c;
  }
  mutable std::vector<llm::CompletionRequest> requests;

 private:
  std::string name_ = "openai";
  mutable std::deque<llm::Result> script_;
};

llm::ToolCall call(const std::string& id, const std::string& name, json args) {
  return {id, name, std::move(args), ""};
}

std::shared_ptr<brain::TurnAdvice> turn(const ScriptedProvider& p, const std::string& text,
                                        const brain::TurnObserver& observer = {},
                                        int max_rounds = 6,
                                        const brain::Knowledge* knowledge = nullptr) {
  ModelTurnSettings settings;
  settings.model = "gpt-test";
  settings.system_prompt = "You sell.";
  settings.max_rounds = max_rounds;
  brain::AdviceRequest req{"api:u1", text, "en", 42, {{true, "hello"}, {false, "Hi!"}}};
  return run_model_turn(p, settings, started(), req, shop_catalog(), observer,
                        std::chrono::steady_clock::now() + std::chrono::seconds(5), knowledge);
}

// A turn in which the model searches the shop's FAQ, then answers `answer`;
// what it streamed in *streamed.
std::shared_ptr<brain::TurnAdvice> knowledge_turn(const std::string& answer,
                                                  std::string* streamed) {
  const ShopFaq faq;
  ScriptedProvider p({
      ScriptedProvider::tools({call("k", "search_knowledge", {{"query", "delivery cost"}})}),
      ScriptedProvider::text(answer),
  });
  brain::TurnObserver observer{{}, [streamed](const std::string& d) { *streamed += d; }};
  return turn(p, "how much is delivery?", observer, 6, &faq);
}

TEST(ModelTurn, APlainAnswerIsTheReplyWithItsUsage) {
  ScriptedProvider p({ScriptedProvider::text("We sell tools and shoes.", 120, 9)});
  auto a = turn(p, "what do you sell?");
  ASSERT_TRUE(a->usable) << a->fallback.reason;
  EXPECT_TRUE(a->commands.empty());
  ASSERT_EQ(a->replies.size(), 1u);
  EXPECT_EQ(a->replies[0].text, "We sell tools and shoes.");
  ASSERT_EQ(a->calls.size(), 1u);
  EXPECT_EQ(a->calls[0].input_tokens, 120);
  EXPECT_EQ(a->calls[0].output_tokens, 9);
  EXPECT_EQ(a->calls[0].model, "gpt-test-0613");
  EXPECT_EQ(a->calls[0].agent, "responder");
  EXPECT_EQ(a->calls[0].conversation_id, "api:u1");
  EXPECT_EQ(a->calls[0].outcome, "ok");
  EXPECT_EQ(a->based_on_received, 1u);
  // The model got the history, the new message, the tools and the state.
  const auto& req = p.requests.at(0);
  ASSERT_EQ(req.messages.size(), 3u);
  EXPECT_EQ(req.messages[2].text, "what do you sell?");
  EXPECT_EQ(req.tools.size(), 9u);
  EXPECT_NE(req.system.find("You sell."), std::string::npos);
  EXPECT_NE(req.system.find("\"cart\""), std::string::npos);
}

TEST(ModelTurn, ToolCallsBecomeCommandsAndTheResultsGoBackToTheModel) {
  ScriptedProvider p({
      ScriptedProvider::tools({call("a", "search_products", {{"query", "screws"}})}),
      ScriptedProvider::tools({call("b", "add_to_cart", {{"sku", "SCR-1"}, {"quantity", 3}}),
                               call("c", "view_cart", json::object())}),
      ScriptedProvider::text("Added 3 wood screws: 14.70 EUR."),
  });
  std::vector<std::string> steps;
  auto a = turn(p, "I need something to fasten wood, 3 of them",
                {[&](const std::string& s) { steps.push_back(s); }, {}});
  ASSERT_TRUE(a->usable) << a->fallback.reason;
  ASSERT_EQ(p.requests.size(), 3u);
  // Round 2 saw the search results; round 3 saw both parallel results.
  const auto& second = p.requests[1].messages;
  EXPECT_EQ(second.back().role, llm::Message::Role::tool);
  EXPECT_EQ(second.back().tool_call_id, "a");
  EXPECT_NE(second.back().text.find("SCR-1"), std::string::npos);
  const auto& third = p.requests[2].messages;
  EXPECT_EQ(third[third.size() - 2].tool_call_id, "b");
  EXPECT_EQ(third.back().tool_name, "view_cart");
  EXPECT_NE(third.back().text.find("14.7"), std::string::npos);
  // Commands: the search, the list, stages, the line.
  bool added = false;
  for (const auto& c : a->commands)
    if (auto* add = std::get_if<conv::AddItem>(&c)) added = add->line.quantity == 3;
  EXPECT_TRUE(added);
  EXPECT_FALSE(a->replies[0].media.empty());
  EXPECT_EQ(a->calls.size(), 3u);
  EXPECT_EQ(steps, (std::vector<std::string>{"calling openai", "search_products", "calling openai",
                                             "add_to_cart", "view_cart", "calling openai"}));
}

TEST(ModelTurn, AnInvalidCallIsAnsweredWithAToolErrorAndTheModelTriesAgain) {
  llm::ToolCall broken{"x", "add_to_cart", json::object(), "{sku: DRL-1"};
  ScriptedProvider p({
      ScriptedProvider::tools({broken}),
      ScriptedProvider::tools({call("y", "add_to_cart", {{"sku", "DRL-1"}})}),
      ScriptedProvider::text("Done."),
  });
  auto a = turn(p, "add the drill");
  ASSERT_TRUE(a->usable);
  const auto& answer = p.requests[1].messages.back();
  EXPECT_TRUE(answer.tool_error);
  EXPECT_NE(answer.text.find("not a JSON object"), std::string::npos);
  ASSERT_EQ(a->commands.size(), 2u);  // AddItem, SetStage
  EXPECT_TRUE(std::holds_alternative<conv::AddItem>(a->commands[0]));
}

TEST(ModelTurn, AProviderErrorIsAFallbackWithTheFailedCallRecorded) {
  llm::Result e = domain::fail(llm::Error{llm::ErrorCode::timeout, "no answer in 200 ms", 0, 1});
  ScriptedProvider p({e});
  auto a = turn(p, "hello");
  EXPECT_FALSE(a->usable);
  EXPECT_EQ(a->fallback.reason, "timeout");
  EXPECT_EQ(a->fallback.conversation_id, "api:u1");
  ASSERT_EQ(a->calls.size(), 1u);
  EXPECT_EQ(a->calls[0].outcome, "timeout");
  EXPECT_EQ(a->calls[0].input_tokens, 0);
}

TEST(ModelTurn, AFailureAfterToolsDropsEverythingTheToolsDid) {
  llm::Result e = domain::fail(llm::Error{llm::ErrorCode::bad_response, "not JSON", 200, 1});
  ScriptedProvider p({ScriptedProvider::tools({call("a", "add_to_cart", {{"sku", "SCR-1"}})}), e});
  auto a = turn(p, "add screws");
  EXPECT_FALSE(a->usable);
  EXPECT_EQ(a->fallback.reason, "bad_response");
  EXPECT_TRUE(a->commands.empty());
  EXPECT_FALSE(a->order.has_value());
  EXPECT_EQ(a->calls.size(), 2u);
  EXPECT_EQ(a->calls[0].input_tokens, 200);
}

TEST(ModelTurn, ARunawayLoopStopsAtTheBoundOnRounds) {
  ScriptedProvider p({ScriptedProvider::tools({call("v", "view_cart", json::object())})});
  auto a = turn(p, "?", {}, 4);
  EXPECT_FALSE(a->usable);
  EXPECT_EQ(a->fallback.reason, "too_many_rounds");
  EXPECT_EQ(p.requests.size(), 4u);
  EXPECT_EQ(a->calls.size(), 4u);
}

TEST(ModelTurn, AnEmptyAnswerIsAFallback) {
  ScriptedProvider p({ScriptedProvider::text("")});
  auto a = turn(p, "hello");
  EXPECT_FALSE(a->usable);
  EXPECT_EQ(a->fallback.reason, "no_answer");
}

TEST(ModelTurn, TextIsHandedOverAsItStreams) {
  ScriptedProvider p({ScriptedProvider::text("Hello there, shopper")});
  std::string streamed;
  auto a = turn(p, "hi", {{}, [&](const std::string& d) { streamed += d; }});
  ASSERT_TRUE(a->usable);
  EXPECT_EQ(streamed, "Hello there, shopper");
  EXPECT_EQ(a->replies[0].text, streamed);
}

TEST(ModelTurn, ThePlacedOrderComesWithTheAdvice) {
  ScriptedProvider p({
      ScriptedProvider::tools({call("a", "add_to_cart", {{"sku", "DRL-1"}})}),
      ScriptedProvider::tools({call("b", "create_order",
                                    {{"name", "Ana Ruiz"},
                                     {"phone", "+34 600 000 000"},
                                     {"email", "ana@example.com"},
                                     {"address", "Calle Mayor 1"},
                                     {"city", "Madrid"}})}),
      ScriptedProvider::text("Pedido confirmado."),
  });
  auto a = turn(p, "sí, confirmo");
  ASSERT_TRUE(a->usable);
  ASSERT_TRUE(a->order.has_value());
  EXPECT_EQ(a->order->total_cents, 8900);
  EXPECT_EQ(a->order->customer.name, "Ana Ruiz");
  EXPECT_TRUE(std::holds_alternative<conv::PlaceOrder>(a->commands[a->commands.size() - 2]));
}

TEST(ModelTurn, GivenTheModelReadTheKnowledgeWhenItEndsWithACiteMarkerThenTheReplyCitesThePassage) {
  // Given a model that searched the shop's documents and cites what it used
  std::string streamed;
  auto a = knowledge_turn("Delivery costs 5 EUR, free from 50 EUR. [cite: faq:2]", &streamed);
  // Then the shopper reads the answer without the marker, and the reply names its source
  ASSERT_TRUE(a->usable) << a->fallback.reason;
  ASSERT_EQ(a->replies.size(), 1u);
  EXPECT_EQ(a->replies[0].text, "Delivery costs 5 EUR, free from 50 EUR.");
  EXPECT_EQ(a->replies[0].cited, "faq:2") << "recorded on message_sent, as the offline quote is";
  EXPECT_EQ(streamed, a->replies[0].text) << "the marker is never streamed either";
  EXPECT_TRUE(a->commands.empty()) << "reading the documents changes nothing";
}

TEST(ModelTurn, GivenAMarkerNamingAPassageTheToolNeverReturnedThenItIsStrippedAndNothingIsCited) {
  std::string streamed;
  auto a = knowledge_turn("Delivery is free. [cite: faq:9]", &streamed);
  ASSERT_TRUE(a->usable) << a->fallback.reason;
  EXPECT_EQ(a->replies[0].text, "Delivery is free.");
  EXPECT_EQ(a->replies[0].cited, "") << "a made-up source is never recorded";
  EXPECT_EQ(streamed, "Delivery is free.");
  // Without a search, no id is the tool's: a marker cites nothing.
  ScriptedProvider p({ScriptedProvider::text("Returns are free. [cite: faq:3]")});
  auto unsearched = turn(p, "can I return it?", {}, 6, nullptr);
  ASSERT_TRUE(unsearched->usable);
  EXPECT_EQ(unsearched->replies[0].text, "Returns are free.");
  EXPECT_EQ(unsearched->replies[0].cited, "");
}

TEST(ModelTurn, GivenTheModelReadTheKnowledgeButWroteNoMarkerThenNothingIsCited) {
  std::string streamed;
  auto a = knowledge_turn("Delivery costs 5 EUR.", &streamed);
  ASSERT_TRUE(a->usable);
  EXPECT_EQ(a->replies[0].text, "Delivery costs 5 EUR.");
  EXPECT_EQ(a->replies[0].cited, "");
}

TEST(ModelTurn, GivenSeveralMarkersThenAllAreStrippedAndTheFirstTheToolReturnedIsCited) {
  std::string streamed;
  auto a = knowledge_turn(
      "Free from 50 EUR; returns within 30 days.[cite: faq:7]  [ Cite :faq:3 ]\n", &streamed);
  ASSERT_TRUE(a->usable);
  EXPECT_EQ(a->replies[0].text, "Free from 50 EUR; returns within 30 days.");
  EXPECT_EQ(a->replies[0].cited, "faq:3");
  EXPECT_EQ(streamed, a->replies[0].text);
}

TEST(ModelTurn, OnlyMarkersThatEndTheReplyAreStripped) {
  auto mid = strip_cite_markers("See [cite: faq:2] for more.");
  EXPECT_EQ(mid.text, "See [cite: faq:2] for more.");
  EXPECT_TRUE(mid.ids.empty());
  auto unfinished = strip_cite_markers("Delivery is 5 EUR [cite: faq:2");
  EXPECT_EQ(unfinished.text, "Delivery is 5 EUR [cite: faq:2");
  auto other = strip_cite_markers("Sizes run small [note]");
  EXPECT_EQ(other.text, "Sizes run small [note]");
  auto empty_id = strip_cite_markers("Hours: 9 to 5 [cite: ]");
  EXPECT_EQ(empty_id.text, "Hours: 9 to 5 [cite: ]");
  auto two = strip_cite_markers("Hours: 9 to 5 [cite:hours:1][cite: faq:4 ]");
  EXPECT_EQ(two.text, "Hours: 9 to 5");
  EXPECT_EQ(two.ids, (std::vector<std::string>{"hours:1", "faq:4"}));
}

TEST(ModelTurn, ABracketThatIsNoMarkerStreamsAsWritten) {
  std::string streamed;
  auto a = knowledge_turn("Sizes run small [see the chart] and delivery is 5 EUR.", &streamed);
  ASSERT_TRUE(a->usable);
  EXPECT_EQ(streamed, "Sizes run small [see the chart] and delivery is 5 EUR.");
  EXPECT_EQ(a->replies[0].text, streamed);
}

}  // namespace
}  // namespace parley::assistant
