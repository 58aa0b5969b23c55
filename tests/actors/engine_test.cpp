// The entity shell and registry through the Engine, with real threads and an
// in-memory (sometimes faulty) store.
#include "actors/engine.hpp"

#include <gtest/gtest.h>

#include <set>

#include <condition_variable>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "events/conversation_codec.hpp"
#include "tests/support/forwarding_store.hpp"

namespace parley::actors {
namespace {

using namespace std::chrono_literals;
namespace conv = domain::conversation;
namespace codec = events::conversation_codec;

// Lets a test hold one append batch (by call number) and fail it.
class ScriptedStore : public testing::ForwardingStore {
 public:
  std::vector<events::AppendResult> append_batch(
      const std::vector<events::AppendRequest>& r) override {
    std::unique_lock lock(mu_);
    int call = ++calls_;
    if (call == hold_call_) {
      held_ = true;
      cv_.notify_all();
      cv_.wait(lock, [&] { return released_; });
      if (fail_held_) {
        return std::vector<events::AppendResult>(
            r.size(), events::AppendResult::failure(events::Status::IoError("disk on fire")));
      }
    }
    lock.unlock();
    return ForwardingStore::append_batch(r);
  }
  events::Status read_stream(const events::StreamId& s, uint64_t from, size_t max,
                             std::vector<events::EventEnvelope>* out) override {
    if (fail_reads_) return events::Status::IoError("cannot read");
    return ForwardingStore::read_stream(s, from, max, out);
  }
  void hold(int call, bool fail) {
    hold_call_ = call;
    fail_held_ = fail;
  }
  void wait_held() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return held_; });
  }
  void release() {
    std::lock_guard lock(mu_);
    released_ = true;
    cv_.notify_all();
  }
  std::atomic<bool> fail_reads_{false};

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int calls_ = 0, hold_call_ = -1;
  bool fail_held_ = false, held_ = false, released_ = false;
};

struct Harness {
  explicit Harness(std::chrono::milliseconds idle = 60s, size_t max_live = 0,
                   decltype(EngineOptions::owns) owns = {}, bool pipeline = true,
                   uint64_t snapshot_every = 200) {
    EngineOptions o;
    o.pipeline = pipeline;
    o.snapshot_every = snapshot_every;
    o.idle = idle;
    o.max_live_entities = max_live;
    o.owns = std::move(owns);
    engine = std::make_unique<Engine>(store, writer, o);
  }
  ~Harness() {
    engine->shutdown();
    writer.stop();
  }
  EngineResult<ChatTurnResult> chat(const std::string& user, const std::string& text,
                                    const std::string& message_id = "") {
    ChatTurn t{domain::conversation::text_message("api", user, text, message_id), "", 1000};
    return engine->chat(t, 5s);
  }
  std::vector<events::EventEnvelope> stream(const std::string& user) {
    std::vector<events::EventEnvelope> out;
    EXPECT_TRUE(store.read_stream({"conversation", "api:" + user}, 1, SIZE_MAX, &out).ok());
    return out;
  }
  // message_id of every event of the stream, in order
  std::vector<std::string> message_ids(const std::string& user) {
    std::vector<std::string> ids;
    for (const auto& e : stream(user))
      ids.push_back(nlohmann::json::parse(e.payload)["message_id"].get<std::string>());
    return ids;
  }
  template <class Pred>
  bool eventually(Pred p, std::chrono::milliseconds limit = 3s) {
    auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
      if (p()) return true;
      std::this_thread::sleep_for(2ms);
    }
    return p();
  }

  ScriptedStore store;
  events::GroupCommitWriter writer{store};
  std::unique_ptr<Engine> engine;
};

void append_direct(events::EventStore& store, const std::string& id, uint64_t expected,
                   const std::vector<conv::Event>& evs) {
  events::AppendRequest r{{"conversation", id}, expected, {}, {}};
  for (const auto& e : evs) r.events.push_back(codec::encode(e));
  ASSERT_TRUE(store.append(r).status.ok());
}

conv::MessageReceived in(const std::string& mid) {
  return {conv::text_message("api", "u1", "hi"), mid, "", 1};
}
conv::MessageSent out(const std::string& mid, const std::string& reply_to) {
  return {mid, "api", "u1", "hello", reply_to, 2};
}

TEST(Engine, ChatIsDurableBeforeItIsAnswered) {
  Harness h;
  auto r = h.chat("u1", "hola");
  ASSERT_TRUE(r.ok()) << r.error.detail;
  EXPECT_EQ(r.value.conversation_id, "api:u1");
  ASSERT_EQ(r.value.replies.size(), 1u);
  EXPECT_FALSE(r.value.duplicate);
  auto s = h.stream("u1");
  ASSERT_EQ(s.size(), 2u);  // present the moment the answer arrived
  EXPECT_EQ(s[0].type, "conversation.message_received");
  EXPECT_EQ(s[1].type, "conversation.message_sent");
  EXPECT_EQ(s[1].causation_id, "api:u1#1");
  EXPECT_EQ(nlohmann::json::parse(s[1].payload)["text"], r.value.replies[0].text);
}

TEST(Engine, EveryStoredEventCarriesTheTimeOfTheDecisionThatMadeIt) {
  Harness h;
  ChatTurn t{domain::conversation::text_message("api", "u1", "hola", ""), "", 1000};
  ASSERT_TRUE(h.engine->chat(t, 5s).ok());
  t.text = "what categories do you have?";
  t.at_us = 5000;
  ASSERT_TRUE(h.engine->chat(t, 5s).ok());
  ASSERT_TRUE(h.engine->command("api:u1", SetHandoff{true, false, "manager:1", 9000}, 5s).ok());
  const auto s = h.stream("u1");
  ASSERT_GT(s.size(), 4u);
  std::set<int64_t> times;
  for (const auto& e : s) {
    EXPECT_NE(e.timestamp_us, 0) << e.type;
    times.insert(e.timestamp_us);
  }
  EXPECT_EQ(times, (std::set<int64_t>{1000, 5000, 9000}));
}

TEST(Engine, RejectedMessageRecordsNothing) {
  Harness h;
  auto r = h.chat("u1", "   ");
  EXPECT_TRUE(r.error.refused_with(domain::conversation::Error::empty_text));
  EXPECT_EQ(r.error.detail, "empty_text");
  EXPECT_EQ(h.store.last_position(), 0u);
}

TEST(Engine, RecoversFromTheLog) {
  Harness h;
  append_direct(h.store, "api:u1", 0, {in("api:u1#1"), out("api:u1#2", "api:u1#1")});
  ASSERT_TRUE(h.chat("u1", "again").ok());
  EXPECT_EQ(h.message_ids("u1"),
            (std::vector<std::string>{"api:u1#1", "api:u1#2", "api:u1#3", "api:u1#4"}));
  EXPECT_EQ(h.engine->stats().recoveries, 1u);
}

TEST(Engine, RecoversFromSnapshotPlusLaterEvents) {
  Harness h;
  append_direct(
      h.store, "api:u1", 0,
      {in("api:u1#1"), out("api:u1#2", "api:u1#1"), in("api:u1#3"), out("api:u1#4", "api:u1#3")});
  // A snapshot at seq 2 whose counters differ from the fold of events 1..2:
  // only an entity that starts from it and folds 3..4 numbers the next
  // message #18 (10 + 5 from the snapshot, 2 more events, then the new one).
  conv::State snap = conv::initial_state("api:u1");
  snap.channel = "api";
  snap.user_id = "u1";
  snap.received = 10;
  snap.sent = 5;
  ASSERT_TRUE(h.store
                  .save_snapshot({"conversation", "api:u1"},
                                 {2, codec::kStateSchema, codec::encode_state(snap)})
                  .ok());
  ASSERT_TRUE(h.chat("u1", "again").ok());
  EXPECT_EQ(h.message_ids("u1").at(4), "api:u1#18");
}

TEST(Engine, PassivatesWhenIdleWithASnapshotAndComesBack) {
  Harness h(30ms);
  ASSERT_TRUE(h.chat("u1", "one").ok());
  ASSERT_TRUE(h.eventually([&] {
    auto s = h.engine->stats();
    return s.passivated == 1 && s.live_entities == 0 && s.snapshots_saved == 1;
  }));
  auto snap = h.store.load_snapshot({"conversation", "api:u1"});
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->seq, 2u);
  ASSERT_TRUE(h.chat("u1", "two").ok());
  EXPECT_EQ(h.message_ids("u1").back(), "api:u1#4");
  EXPECT_EQ(h.engine->stats().spawned, 2u);
}

// Quiet means no message for the whole idle time: turns closer together than
// that keep the entity, however long they go on.
TEST(Engine, AConversationInUseIsNotPassivatedAndOneGoneQuietIs) {
  Harness h(500ms);
  const auto until = std::chrono::steady_clock::now() + 1200ms;
  while (std::chrono::steady_clock::now() < until) {
    ASSERT_TRUE(h.chat("u1", "hola").ok());
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(h.engine->stats().passivated, 0u);
  EXPECT_EQ(h.engine->stats().spawned, 1u);
  ASSERT_TRUE(h.eventually([&] { return h.engine->stats().passivated == 1; }));
}

// Issue 17, item 10: 93k distinct users in 55 s made 93k live actors (663 MB).
TEST(Engine, LiveEntitiesStayWithinTheCapAndTheEvictedComeBackWhole) {
  Harness h(60s, 5);
  for (int u = 0; u < 40; ++u) ASSERT_TRUE(h.chat("u" + std::to_string(u), "hola").ok()) << u;
  ASSERT_TRUE(h.eventually([&] { return h.engine->stats().live_entities <= 5; }))
      << h.engine->stats().live_entities << " live";
  EXPECT_GE(h.engine->stats().evicted, 35u);
  // An evicted conversation comes back with everything it had.
  ASSERT_TRUE(h.chat("u0", "otra vez").ok());
  EXPECT_EQ(h.message_ids("u0"),
            (std::vector<std::string>{"api:u0#1", "api:u0#2", "api:u0#3", "api:u0#4"}));
  // Concurrent users beyond the cap lose nothing either.
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 30; ++i)
        if (!h.chat("c" + std::to_string((t * 30 + i) % 24), "m").ok()) ++failed;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 0);
  size_t received = 0;
  for (int u = 0; u < 24; ++u) received += h.stream("c" + std::to_string(u)).size();
  EXPECT_EQ(received, 2u * 8 * 30);
}

TEST(Engine, NoMessageIsLostWhileEntitiesPassivate) {
  Harness h(1ms);  // entities passivate between almost every message
  constexpr int kThreads = 8, kPerThread = 60, kUsers = 4;
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 rng(t);
      for (int i = 0; i < kPerThread; ++i) {
        auto r = h.chat("u" + std::to_string(rng() % kUsers), "m");
        (r.ok() ? ok : failed)++;
        if (rng() % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(rng() % 3000));
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(ok.load(), kThreads * kPerThread);
  EXPECT_EQ(h.store.last_position(), uint64_t{2 * kThreads * kPerThread});
  for (int u = 0; u < kUsers; ++u) {
    auto ids = h.message_ids("u" + std::to_string(u));
    for (size_t i = 0; i < ids.size(); ++i)
      ASSERT_EQ(ids[i], "api:u" + std::to_string(u) + "#" + std::to_string(i + 1));
  }
  EXPECT_GT(h.engine->stats().passivated, 0u) << "the test did not exercise passivation";
}

TEST(Engine, RedeliveredMessageIsAnsweredOnceAndRecordedOnce) {
  Harness h;
  auto first = h.chat("u1", "hola", "wamid.1");
  ASSERT_TRUE(first.ok());
  auto again = h.chat("u1", "hola", "wamid.1");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.value.duplicate);
  EXPECT_EQ(again.value.replies, first.value.replies);
  EXPECT_EQ(h.store.last_position(), 2u);
}

TEST(Engine, ConcurrentRedeliveriesRecordOnce) {
  Harness h;
  std::atomic<int> fresh{0}, dup{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      auto r = h.chat("u1", "hola", "update-42");
      if (!r.ok())
        ++failed;
      else
        (r.value.duplicate ? dup : fresh)++;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(fresh.load(), 1);
  EXPECT_EQ(dup.load(), 7);
  EXPECT_EQ(h.store.last_position(), 2u);
  // The entity is still consistent with the log afterwards.
  ASSERT_TRUE(h.chat("u1", "next").ok());
  EXPECT_EQ(h.message_ids("u1").back(), "api:u1#4");
}

TEST(Engine, FailedAppendReloadsAndRedecidesWhatFollowed) {
  Harness h;
  ASSERT_TRUE(h.chat("u1", "a").ok());  // batch 1
  h.store.hold(2, /*fail=*/true);       // batch 2 will fail with an I/O error
  std::thread b([&] {
    auto r = h.chat("u1", "b");
    EXPECT_EQ(r.error.code, EngineErrc::storage);
  });
  h.store.wait_held();
  // c and d are decided on top of b's events while b is in flight.
  std::vector<std::thread> later;
  std::atomic<int> later_ok{0};
  for (const char* text : {"c", "d"})
    later.emplace_back([&, text] {
      if (h.chat("u1", text).ok()) ++later_ok;
    });
  ASSERT_TRUE(h.eventually([&] { return h.writer.stats().queued == 2; }));
  h.store.release();
  b.join();
  for (auto& t : later) t.join();
  EXPECT_EQ(later_ok.load(), 2);
  EXPECT_EQ(h.message_ids("u1"), (std::vector<std::string>{"api:u1#1", "api:u1#2", "api:u1#3",
                                                           "api:u1#4", "api:u1#5", "api:u1#6"}));
  std::vector<std::string> texts;
  for (const auto& e : h.stream("u1"))
    if (e.type == codec::kMessageReceived)
      texts.push_back(nlohmann::json::parse(e.payload)["text"].get<std::string>());
  EXPECT_EQ(texts.size(), 3u);
  EXPECT_EQ(texts[0], "a");
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "b"), 0);
  EXPECT_EQ(h.engine->stats().reloads, 1u);
}

// Cluster mode (issue 23): another node held the conversation for a while
// and appended to it; this node's entity is behind the log. Its append
// conflicts, it reloads, and the turn is decided again on the log as it is,
// not refused.
TEST(Engine, ATurnOnAStreamAnotherNodeAppendedToIsDecidedAgainOnTheLog) {
  Harness h;
  ASSERT_TRUE(h.chat("u1", "a").ok());  // live here, head 2
  append_direct(h.store, "api:u1", 2, {in("api:u1#3"), out("api:u1#4", "api:u1#3")});
  auto r = h.chat("u1", "b");
  ASSERT_TRUE(r.ok()) << r.error.detail;
  EXPECT_EQ(h.message_ids("u1"), (std::vector<std::string>{"api:u1#1", "api:u1#2", "api:u1#3",
                                                           "api:u1#4", "api:u1#5", "api:u1#6"}));
  EXPECT_EQ(h.engine->stats().reloads, 1u);
}

// In a cluster another node may append to the stream while this entity's
// append is in flight. A second request must not be decided on top of that
// append: if it failed, the later one would land on the other node's events
// without having seen them, and then be decided again (recorded twice).
TEST(Engine, InAClusterARequestWaitsForTheOneInFlightAndNoneIsRecordedTwice) {
  Harness h(60s, 0, {}, /*pipeline=*/false);
  ASSERT_TRUE(h.chat("u1", "a").ok());  // batch 1: head 2
  h.store.hold(2, /*fail=*/false);      // b's batch waits
  std::thread b([&] { EXPECT_TRUE(h.chat("u1", "b").ok()); });
  h.store.wait_held();
  std::thread c([&] { EXPECT_TRUE(h.chat("u1", "c").ok()); });
  // Another node records a turn meanwhile: b's append will conflict.
  append_direct(h.store, "api:u1", 2, {in("api:u1#3"), out("api:u1#4", "api:u1#3")});
  std::this_thread::sleep_for(100ms);  // c has reached the entity
  h.store.release();
  b.join();
  c.join();
  std::vector<std::string> texts;
  for (const auto& e : h.stream("u1"))
    if (e.type == codec::kMessageReceived)
      texts.push_back(nlohmann::json::parse(e.payload)["text"].get<std::string>());
  EXPECT_EQ(texts, (std::vector<std::string>{"a", "hi", "b", "c"}));
  EXPECT_EQ(h.message_ids("u1").size(), 8u);
}

// Without pipelining a busy entity is settled between two requests: it
// snapshots there, not only once its queue runs dry (its next load would
// otherwise fold every event since).
TEST(Engine, InAClusterABusyEntityStillSnapshotsEveryFewEvents) {
  Harness h(60s, 0, {}, /*pipeline=*/false, /*snapshot_every=*/4);
  std::vector<std::thread> shoppers;
  for (int t = 0; t < 4; ++t)
    shoppers.emplace_back([&] {
      for (int i = 0; i < 10; ++i) EXPECT_TRUE(h.chat("u1", "hi").ok());
    });
  for (auto& t : shoppers) t.join();
  // 40 turns, about 80 events: a snapshot every 4 or so, taken as they come.
  EXPECT_TRUE(h.eventually([&] { return h.engine->stats().snapshots_saved >= 5; }));
}

// When the ring moves a conversation to another node, the entity here
// snapshots and stops; the ones this node still owns stay live.
TEST(Engine, RebalanceLetsGoOfTheEntitiesThisNodeNoLongerOwns) {
  std::atomic<bool> owns_u2{true};
  Harness h(60s, 0, [&](const std::string&, const std::string& id) {
    return id != "api:u2" || owns_u2.load();
  });
  ASSERT_TRUE(h.chat("u1", "hi").ok());
  ASSERT_TRUE(h.chat("u2", "hi").ok());
  ASSERT_EQ(h.engine->stats().live_entities, 2u);
  owns_u2 = false;
  h.engine->rebalance();
  ASSERT_TRUE(h.eventually([&] { return h.engine->stats().live_entities == 1; }));
  EXPECT_EQ(h.engine->stats().passivated, 1u);
  // Asked here anyway (its owner was unreachable), it answers and is let go again.
  ASSERT_TRUE(h.chat("u2", "a hammer").ok());
  EXPECT_TRUE(h.eventually([&] { return h.engine->stats().live_entities == 1; }));
  const auto events = h.stream("u2");
  EXPECT_EQ(std::count_if(events.begin(), events.end(),
                          [](const auto& e) { return e.type == codec::kMessageReceived; }),
            2);
}

// The caller waits at most its timeout; the turn is not withdrawn: it lands
// once the store answers, and the next turn follows it.
TEST(Engine, ATurnNotDurableInTimeIsATimeoutAndLandsLater) {
  Harness h;
  h.store.hold(1, /*fail=*/false);
  const auto started = std::chrono::steady_clock::now();
  ChatTurn t{domain::conversation::text_message("api", "u1", "hola", ""), "", 1000};
  auto r = h.engine->chat(t, 150ms);
  EXPECT_EQ(r.error.code, EngineErrc::timeout) << r.error.detail;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
  h.store.release();
  ASSERT_TRUE(h.eventually([&] { return h.stream("u1").size() == 2; }));
  ASSERT_TRUE(h.chat("u1", "otra").ok());
  EXPECT_EQ(h.message_ids("u1").back(), "api:u1#4");
}

TEST(Engine, RecoveryFailureIsAnErrorAndTheNextRequestRetries) {
  Harness h;
  append_direct(h.store, "api:u1", 0, {in("api:u1#1")});
  h.store.fail_reads_ = true;
  auto r = h.chat("u1", "x");
  EXPECT_EQ(r.error.code, EngineErrc::storage);
  h.store.fail_reads_ = false;
  ASSERT_TRUE(h.eventually([&] { return h.engine->stats().live_entities == 0; }));
  ASSERT_TRUE(h.chat("u1", "y").ok());
  EXPECT_EQ(h.message_ids("u1").back(), "api:u1#3");
}

TEST(Engine, ChatAfterShutdownIsUnavailable) {
  Harness h;
  h.engine->shutdown();
  EXPECT_EQ(h.chat("u1", "x").error.code, EngineErrc::unavailable);
}

}  // namespace
}  // namespace parley::actors
