// A turn advised by a model, through the Engine and the conversation entity:
// advice that still fits is recorded with its usage; advice that does not is
// dropped for the offline brain, and the log says why.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>

#include "actors/engine.hpp"
#include "events/llm_codec.hpp"
#include "events/memory_event_store.hpp"

namespace parley::actors {
namespace {

using namespace std::chrono_literals;
namespace conv = domain::conversation;

// Answers every turn with the advice `make` builds from the state it is shown.
class StubAdvisor final : public brain::TurnAdvisor {
 public:
  using Make = std::function<brain::TurnAdvice(const conv::State&, const brain::AdviceRequest&)>;
  explicit StubAdvisor(Make make) : make_(std::move(make)) {}
  bool active() const override { return on; }
  std::shared_ptr<const brain::TurnAdvice> advise(
      const conv::State& state, const brain::AdviceRequest& request,
      const brain::TurnObserver& observer) const override {
    std::lock_guard lock(mu_);
    seen.push_back(request);
    if (observer.on_thinking) observer.on_thinking("stub");
    return std::make_shared<brain::TurnAdvice>(make_(state, request));
  }
  std::atomic<bool> on{true};
  mutable std::vector<brain::AdviceRequest> seen;

 private:
  Make make_;
  mutable std::mutex mu_;
};

domain::llm_usage::Call call(int64_t in, int64_t out) {
  domain::llm_usage::Call c;
  c.provider = "stub";
  c.model = "stub-1";
  c.agent = "responder";
  c.input_tokens = in;
  c.output_tokens = out;
  c.latency_ms = 12;
  return c;
}

brain::TurnAdvice fitting(const conv::State& s, std::vector<conv::Command> commands,
                          const std::string& reply) {
  brain::TurnAdvice a;
  a.brain = "stub";
  a.model = "stub-1";
  a.based_on_received = s.received;
  a.usable = true;
  a.commands = std::move(commands);
  a.replies.push_back({reply, {}});
  a.calls = {call(300, 20), call(500, 40)};
  return a;
}

struct Harness {
  explicit Harness(StubAdvisor::Make make) {
    advisor = std::make_shared<StubAdvisor>(std::move(make));
    EngineOptions o;
    o.advisor = advisor;
    engine = std::make_unique<Engine>(store, writer, o);
  }
  ~Harness() {
    engine->shutdown();
    writer.stop();
  }
  EngineResult<ChatTurnResult> chat(const std::string& text, const std::string& message_id = "",
                                    const brain::TurnObserver& observer = {}) {
    ChatTurn t{domain::conversation::text_message("api", "u1", text, message_id), "req-" + text,
               1000 + ++n};
    return engine->chat(t, 5s, observer);
  }
  std::vector<events::EventEnvelope> stream(const std::string& type, const std::string& id) {
    std::vector<events::EventEnvelope> out;
    EXPECT_TRUE(store.read_stream({type, id}, 1, SIZE_MAX, &out).ok());
    return out;
  }
  std::vector<std::string> types(const std::string& type, const std::string& id) {
    std::vector<std::string> t;
    for (const auto& e : stream(type, id)) t.push_back(e.type);
    return t;
  }
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  std::shared_ptr<StubAdvisor> advisor;
  std::unique_ptr<Engine> engine;
  int n = 0;
};

TEST(Advice, AdviceThatFitsIsRecordedWithItsUsageInOneAppend) {
  Harness h([](const conv::State& s, const brain::AdviceRequest&) {
    return fitting(s, {conv::RecordSearch{"screws", 0}, conv::SetStage{domain::Stage::discovery}},
                   "We have no screws, sorry.");
  });
  std::vector<std::string> steps;
  auto r = h.chat("screws please", "", {[&](const std::string& s) { steps.push_back(s); }, {}});
  ASSERT_TRUE(r.ok()) << r.error.detail;
  EXPECT_EQ(r.value.brain, "stub");
  EXPECT_EQ(r.value.fallback, "");
  ASSERT_EQ(r.value.replies.size(), 1u);
  EXPECT_EQ(r.value.replies[0].text, "We have no screws, sorry.");
  EXPECT_EQ(steps, std::vector<std::string>{"stub"});
  EXPECT_EQ(
      h.types("conversation", "api:u1"),
      (std::vector<std::string>{"conversation.message_received", "conversation.search_performed",
                                "conversation.stage_changed", "conversation.message_sent"}));
  auto usage = h.stream(events::llm_codec::kTurnStream, "api:u1#1");
  ASSERT_EQ(usage.size(), 2u);
  auto c = events::llm_codec::decode_call(usage[1]);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->input_tokens, 500);
  EXPECT_EQ(c->conversation_id, "api:u1");
  EXPECT_EQ(usage[1].causation_id, "api:u1#1");
  // The advisor saw the state after the message, and then the history.
  h.chat("and nails?");
  ASSERT_EQ(h.advisor->seen.size(), 2u);
  ASSERT_EQ(h.advisor->seen[1].history.size(), 2u);
  EXPECT_EQ(h.advisor->seen[1].history[0].text, "screws please");
  EXPECT_FALSE(h.advisor->seen[1].history[1].from_shopper);
}

TEST(Advice, AdviceMadeForAnotherStateIsDroppedForTheOfflineBrain) {
  Harness h([](const conv::State& s, const brain::AdviceRequest&) {
    auto a = fitting(s, {conv::SetStage{domain::Stage::closing}}, "stale");
    a.based_on_received = s.received + 1;  // as if another message came first
    return a;
  });
  auto r = h.chat("hola");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value.brain, "offline");
  EXPECT_EQ(r.value.fallback, "state_changed");
  ASSERT_FALSE(r.value.replies.empty());
  EXPECT_NE(r.value.replies[0].text, "stale");
  auto turn = h.stream(events::llm_codec::kTurnStream, "api:u1#1");
  ASSERT_EQ(turn.size(), 3u);  // two calls, then the fallback
  auto f = events::llm_codec::decode_fallback(turn[2]);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->reason, "state_changed");
  EXPECT_EQ(f->provider, "stub");
}

TEST(Advice, ACommandTheEntityRefusesDropsTheWholeAdvice) {
  Harness h([](const conv::State& s, const brain::AdviceRequest&) {
    return fitting(s, {conv::SetStage{domain::Stage::cart}, conv::RemoveItem{"NOPE"}}, "removed");
  });
  auto r = h.chat("remove the drill");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value.fallback, "refused: not_in_cart");
  for (const auto& t : h.types("conversation", "api:u1")) EXPECT_NE(t, "cart.item_removed");
  // The stage the advice set first was not kept either.
  auto events = h.stream("conversation", "api:u1");
  for (const auto& e : events)
    if (e.type == "conversation.stage_changed") {
      EXPECT_EQ(e.payload.find("\"cart\""), std::string::npos) << e.payload;
    }
}

TEST(Advice, AFailedModelIsRecordedAndTheOfflineBrainAnswers) {
  Harness h([](const conv::State& s, const brain::AdviceRequest& req) {
    brain::TurnAdvice a;
    a.brain = "stub";
    a.model = "stub-1";
    a.based_on_received = s.received;
    a.fallback = {req.conversation_id, "stub", "stub-1", "timeout", "no answer in 1000 ms", 5};
    auto c = call(0, 0);
    c.outcome = "timeout";
    a.calls = {c};
    return a;
  });
  auto r = h.chat("hello");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value.brain, "offline");
  EXPECT_EQ(r.value.fallback, "timeout");
  EXPECT_FALSE(r.value.replies.empty());
  EXPECT_EQ(h.types(events::llm_codec::kTurnStream, "api:u1#1"),
            (std::vector<std::string>{"llm.usage", "llm.fallback"}));
}

TEST(Advice, RulesFirstSlashCommandsHandoffsAndInactiveAdvisorsSkipTheModel) {
  Harness h(
      [](const conv::State& s, const brain::AdviceRequest&) { return fitting(s, {}, "model"); });
  EXPECT_EQ(h.chat("/cart").value.brain, "offline");
  EXPECT_EQ(h.chat("I want to talk to a human").value.brain, "offline");
  auto human = h.chat("hello");  // human mode now: nobody answers but people
  EXPECT_EQ(human.value.brain, "");
  EXPECT_TRUE(human.value.replies.empty());
  EXPECT_TRUE(human.value.handoff);
  EXPECT_TRUE(h.advisor->seen.empty());
  Harness h2(
      [](const conv::State& s, const brain::AdviceRequest&) { return fitting(s, {}, "model"); });
  h2.advisor->on = false;
  auto r = h2.chat("hello");
  EXPECT_EQ(r.value.brain, "offline");
  EXPECT_TRUE(h2.advisor->seen.empty());
  h2.advisor->on = true;
  EXPECT_EQ(h2.chat("hello").value.brain, "stub");
}

TEST(Advice, ARedeliveredMessageIsAnsweredOnceWithoutAskingTheModelAgain) {
  Harness h([](const conv::State& s, const brain::AdviceRequest&) {
    return fitting(s, {}, "model says hi");
  });
  auto first = h.chat("hi", "tg-1");
  auto again = h.chat("hi", "tg-1");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.value.duplicate);
  EXPECT_EQ(again.value.replies[0].text, "model says hi");
  EXPECT_EQ(h.advisor->seen.size(), 1u);
}

}  // namespace
}  // namespace parley::actors
