// The stream toolkit (events/stream_command.hpp) on a small counter entity:
// load and fold, decide, append at the head read, retry after a conflict,
// a dedupe claim made once, a domain error by name, a hot stream given up.
#include "events/stream_command.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "events/memory_event_store.hpp"

namespace parley::events {
namespace {

struct Counter {
  struct State {
    int64_t total = 0;
  };
  struct Added {
    int64_t amount = 0;
  };
  using Event = Added;
  struct Add {
    int64_t amount = 0;
  };
  using Command = Add;
  enum class Error { not_positive = 1 };
  static constexpr const char* kType = "counter";
  static State initial(const std::string&) { return {}; }
  static domain::Result<std::vector<Event>, Error> decide(const State&, const Command& c) {
    if (c.amount < 0) return domain::fail(Error::not_positive);
    if (c.amount == 0) return std::vector<Event>{};
    return std::vector<Event>{Added{c.amount}};
  }
  static State evolve(State s, const Event& e) {
    s.total += e.amount;
    return s;
  }
  static NewEvent encode(const Event& e) {
    return {"counter.added", 1, 1, "", std::to_string(e.amount)};
  }
  static Expected<Event> decode(const EventEnvelope& env) { return Added{std::stoll(env.payload)}; }
  static const char* error_name(Error) { return "not_positive"; }
};

struct StreamCommandTest : ::testing::Test {
  MemoryEventStore store;
  GroupCommitWriter writer{store};
  ~StreamCommandTest() override { writer.stop(); }

  uint64_t head(const std::string& id) { return *store.stream_head({"counter", id}); }
  void append_behind_its_back(const std::string& id) {
    AppendRequest r{{"counter", id}, kAnySeq, {Counter::encode({100})}, std::nullopt};
    ASSERT_TRUE(writer.submit(std::move(r)).get().status.ok());
  }
};

TEST_F(StreamCommandTest, GivenAStreamWhenACommandRunsThenItsEventsAppendAtTheHeadRead) {
  ASSERT_TRUE(run_command<Counter>(store, writer, "a", {2}).ok);
  auto out = run_command<Counter>(store, writer, "a", {3});
  ASSERT_TRUE(out.ok) << out.message;
  EXPECT_EQ(out.state.total, 5);
  EXPECT_EQ(out.events.size(), 1u);
  EXPECT_EQ(head("a"), 2u);
  EXPECT_EQ(load_stream<Counter>(store, "a").state.total, 5);
}

TEST_F(StreamCommandTest, GivenNoEventsDecidedWhenRunThenNothingIsWritten) {
  auto out = run_command<Counter>(store, writer, "b", {0});
  EXPECT_TRUE(out.ok);
  EXPECT_TRUE(out.events.empty());
  EXPECT_EQ(load_stream<Counter>(store, "b").head, 0u);
}

TEST_F(StreamCommandTest, GivenADomainErrorWhenRunThenItIsNamedAndNothingIsWritten) {
  auto out = run_command<Counter>(store, writer, "c", {-1});
  EXPECT_FALSE(out.ok);
  EXPECT_TRUE(out.refused_with(Counter::Error::not_positive));
  EXPECT_FALSE(out.storage_failed());
  EXPECT_EQ(out.error_code(), "not_positive");
  EXPECT_EQ(load_stream<Counter>(store, "c").head, 0u);
}

TEST_F(StreamCommandTest, GivenAnotherWriterBetweenLoadAndAppendWhenRunThenItDecidesAgain) {
  int decisions = 0;
  StreamCommand<Counter> c;
  c.decide = [&](const LoadedStream<Counter>& loaded, AppendRequest*) {
    if (++decisions == 1) append_behind_its_back("d");  // the head read is stale now
    return Counter::decide(loaded.state, {1});
  };
  auto out = run_stream_command(store, writer, "d", c);
  ASSERT_TRUE(out.ok) << out.message;
  EXPECT_EQ(decisions, 2);
  EXPECT_EQ(out.state.total, 101);
}

TEST_F(StreamCommandTest, GivenAStreamThatAlwaysMovesWhenRunThenItGivesUpAsAStorageFailure) {
  int decisions = 0;
  StreamCommand<Counter> c;
  c.decide = [&](const LoadedStream<Counter>& loaded, AppendRequest*) {
    ++decisions;
    append_behind_its_back("e");
    return Counter::decide(loaded.state, {1});
  };
  auto out = run_stream_command(store, writer, "e", c);
  EXPECT_FALSE(out.ok);
  EXPECT_FALSE(out.refused);
  EXPECT_EQ(out.storage, StoreErrc::conflict);
  EXPECT_EQ(out.error_code(), "storage_failed");
  EXPECT_EQ(decisions, kMaxStreamAttempts);
}

TEST_F(StreamCommandTest, GivenAClaimMadeBeforeWhenRunAgainThenItIsADuplicateAndWritesNothing) {
  StreamCommand<Counter> c;
  c.decide = [](const LoadedStream<Counter>& loaded, AppendRequest*) {
    return Counter::decide(loaded.state, {5});
  };
  c.dedupe = DedupeClaim{"pay:evt_1", "done"};
  ASSERT_TRUE(run_stream_command(store, writer, "f", c).ok);
  auto again = run_stream_command(store, writer, "f", c);
  EXPECT_TRUE(again.ok);
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(load_stream<Counter>(store, "f").state.total, 5);
}

TEST_F(StreamCommandTest, GivenALinkedAppendWhenRunThenBothStreamsMoveTogether) {
  StreamCommand<Counter> c;
  c.decide = [](const LoadedStream<Counter>& loaded, AppendRequest* request) {
    request->linked.push_back({{"counter", "other"}, 0, {Counter::encode({7})}});
    return Counter::decide(loaded.state, {1});
  };
  ASSERT_TRUE(run_stream_command(store, writer, "g", c).ok);
  EXPECT_EQ(load_stream<Counter>(store, "g").state.total, 1);
  EXPECT_EQ(load_stream<Counter>(store, "other").state.total, 7);
}

}  // namespace
}  // namespace parley::events
