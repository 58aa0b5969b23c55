// The EventStore contract (events/event_store.hpp) as value-parameterised
// tests: a binary includes this and instantiates StoreContract with its
// stores (store_contract_test.cpp: memory and RocksDB; postgres_store_test.cpp:
// PostgreSQL, in a binary of its own that starts one server).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <thread>

#include "events/event_store.hpp"
#include "tests/support/events.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley::events {

using testing::ev;
using testing::req;

struct StoreFactory {
  std::string name;
  std::function<std::unique_ptr<EventStore>(const std::string& dir)> make;
};
void PrintTo(const StoreFactory& f, std::ostream* os) {
  *os << f.name;
}

class StoreContract : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override { store_ = GetParam().make(dir_.path()); }
  EventStore& store() { return *store_; }
  std::vector<EventEnvelope> stream(const std::string& type, const std::string& id,
                                    uint64_t from = 1) {
    std::vector<EventEnvelope> out;
    EXPECT_TRUE(store_->read_stream({type, id}, from, SIZE_MAX, &out).ok());
    return out;
  }
  std::vector<EventEnvelope> all(uint64_t from = 1) {
    std::vector<EventEnvelope> out;
    EXPECT_TRUE(store_->read_all(from, SIZE_MAX, &out).ok());
    return out;
  }
  testing::TempDir dir_;
  std::unique_ptr<EventStore> store_;
};

TEST_P(StoreContract, AppendAssignsSeqsAndPositions) {
  auto r = store().append(req("conversation", "a", 0, {ev("x.one"), ev("x.two")}));
  ASSERT_TRUE(r.status.ok()) << r.status.to_string();
  EXPECT_EQ(r.first_seq, 1u);
  EXPECT_EQ(r.last_seq, 2u);
  EXPECT_EQ(r.first_position, 1u);
  EXPECT_EQ(r.last_position, 2u);
  auto r2 = store().append(req("conversation", "b", 0, {ev("x.three")}));
  EXPECT_EQ(r2.first_seq, 1u);
  EXPECT_EQ(r2.first_position, 3u);
  EXPECT_EQ(store().last_position(), 3u);

  auto a = stream("conversation", "a");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].type, "x.one");
  EXPECT_EQ(a[1].seq, 2u);
  EXPECT_EQ(a[1].position, 2u);
  EXPECT_EQ(a[1].entity_id, "a");
  EXPECT_EQ(*store().stream_head({"conversation", "a"}), 2u);
  EXPECT_EQ(*store().stream_head({"conversation", "nobody"}), 0u);
}

TEST_P(StoreContract, StaleExpectedSeqIsAConflictAndWritesNothing) {
  ASSERT_TRUE(store().append(req("lead", "1", 0, {ev("lead.created")})).status.ok());
  auto r = store().append(req("lead", "1", 0, {ev("lead.assigned")}));
  EXPECT_EQ(r.status.code(), StoreErrc::conflict);
  EXPECT_EQ(r.stream_head, 1u);
  auto ahead = store().append(req("lead", "1", 5, {ev("lead.assigned")}));
  EXPECT_EQ(ahead.status.code(), StoreErrc::conflict);
  EXPECT_EQ(stream("lead", "1").size(), 1u);
  EXPECT_EQ(store().last_position(), 1u);
  auto ok = store().append(req("lead", "1", 1, {ev("lead.assigned")}));
  EXPECT_TRUE(ok.status.ok());
  auto any = store().append(req("lead", "1", kAnySeq, {ev("lead.note")}));
  EXPECT_TRUE(any.status.ok());
  EXPECT_EQ(any.first_seq, 3u);
}

TEST_P(StoreContract, ReadStreamFromSeqWithLimit) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(store().append(req("c", "s", i, {ev("e" + std::to_string(i))})).status.ok());
  auto from3 = stream("c", "s", 3);
  ASSERT_EQ(from3.size(), 3u);
  EXPECT_EQ(from3.front().seq, 3u);
  std::vector<EventEnvelope> two;
  ASSERT_TRUE(store().read_stream({"c", "s"}, 2, 2, &two).ok());
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].seq, 3u);
  EXPECT_TRUE(stream("c", "unknown").empty());
  EXPECT_TRUE(stream("c", "s", 6).empty());
}

TEST_P(StoreContract, GlobalOrderInterleavesStreams) {
  ASSERT_TRUE(store().append(req("c", "a", 0, {ev("a1")})).status.ok());
  ASSERT_TRUE(store().append(req("c", "b", 0, {ev("b1"), ev("b2")})).status.ok());
  ASSERT_TRUE(store().append(req("c", "a", 1, {ev("a2")})).status.ok());
  auto log = all();
  ASSERT_EQ(log.size(), 4u);
  std::vector<std::string> types;
  for (size_t i = 0; i < log.size(); ++i) {
    EXPECT_EQ(log[i].position, i + 1);
    types.push_back(log[i].type);
  }
  EXPECT_EQ(types, (std::vector<std::string>{"a1", "b1", "b2", "a2"}));
  auto tail = all(3);
  ASSERT_EQ(tail.size(), 2u);
  EXPECT_EQ(tail[0].type, "b2");
}

TEST_P(StoreContract, ScanSkipsByTypeWithoutDecoding) {
  ASSERT_TRUE(store().append(req("c", "a", 0, {ev("keep"), ev("skip", "not json")})).status.ok());
  ASSERT_TRUE(store().append(req("c", "b", 0, {ev("keep")})).status.ok());
  std::vector<uint64_t> kept;
  ASSERT_TRUE(store()
                  .scan_all(1,
                            [&](const RecordView& r) {
                              if (r.type() == "keep") kept.push_back(r.position());
                              return true;
                            })
                  .ok());
  EXPECT_EQ(kept, (std::vector<uint64_t>{1, 3}));
  int visited = 0;
  store().scan_all(1, [&](const RecordView&) { return ++visited < 2; });
  EXPECT_EQ(visited, 2);
}

TEST_P(StoreContract, BatchRequestsAreIndependentAndChain) {
  std::vector<AppendRequest> batch = {
      req("c", "a", 0, {ev("a1")}),
      req("c", "a", 1, {ev("a2")}),   // chains on the first
      req("c", "b", 7, {ev("bad")}),  // conflict
      req("c", "", 0, {ev("bad")}),   // invalid id
      req("c", "d", 0, {}),           // no events
      req("c", "e", 0, {ev("e1"), ev("e2")}),
  };
  auto results = store().append_batch(batch);
  ASSERT_EQ(results.size(), batch.size());
  EXPECT_TRUE(results[0].status.ok());
  EXPECT_TRUE(results[1].status.ok());
  EXPECT_EQ(results[1].first_seq, 2u);
  EXPECT_EQ(results[2].status.code(), StoreErrc::conflict);
  EXPECT_EQ(results[3].status.code(), StoreErrc::invalid_argument);
  EXPECT_EQ(results[4].status.code(), StoreErrc::invalid_argument);
  EXPECT_TRUE(results[5].status.ok());
  EXPECT_EQ(results[5].first_position, 3u);  // positions stay consecutive
  EXPECT_EQ(store().last_position(), 4u);
  EXPECT_TRUE(stream("c", "b").empty());
}

TEST_P(StoreContract, RejectsInvalidEvents) {
  EXPECT_EQ(store().append(req("c", "a", 0, {ev("")})).status.code(), StoreErrc::invalid_argument);
  EXPECT_EQ(store().append(req("c", "a", 0, {ev("x", "{}", -5)})).status.code(),
            StoreErrc::invalid_argument);
  EXPECT_EQ(store().append(req("c", std::string("a\0b", 3), 0, {ev("x")})).status.code(),
            StoreErrc::invalid_argument);
  EXPECT_EQ(store().last_position(), 0u);
}

TEST_P(StoreContract, AnyBytesButNulMakeAStreamId) {
  const StreamId odd{"c\xff", "\xfe id \x01 \xc3("};  // not UTF-8
  auto r = store().append(req(odd.type, odd.id, 0, {ev("x.one")}));
  ASSERT_TRUE(r.status.ok()) << r.status.to_string();
  EXPECT_EQ(stream(odd.type, odd.id).size(), 1u);
  EXPECT_EQ(*store().stream_head(odd), 1u);
  ASSERT_TRUE(store().save_snapshot(odd, {1, 1, "st"}).ok());
  EXPECT_EQ(store().load_snapshot(odd)->state, "st");
}

TEST_P(StoreContract, ReadingPastAnySeqOrPositionFindsNothing) {
  ASSERT_TRUE(store().append(req("c", "a", 0, {ev("x.one"), ev("x.two")})).status.ok());
  for (uint64_t from : {uint64_t{1} << 63, ~uint64_t{0} - 1}) {
    std::vector<EventEnvelope> out;
    ASSERT_TRUE(store().read_stream({"c", "a"}, from, SIZE_MAX, &out).ok());
    EXPECT_TRUE(out.empty()) << from;
    size_t seen = 0;
    ASSERT_TRUE(store().scan_all(from, [&](const RecordView&) { return ++seen > 0; }).ok());
    EXPECT_EQ(seen, 0u) << from;
  }
}

TEST_P(StoreContract, SnapshotsKeepTheLatest) {
  StreamId s{"conversation", "a"};
  EXPECT_TRUE(store().load_snapshot(s).status().is_not_found());
  ASSERT_TRUE(store().save_snapshot(s, {5, 1, "five"}).ok());
  ASSERT_TRUE(store().save_snapshot(s, {3, 1, "three"}).ok());  // older: ignored
  auto snap = store().load_snapshot(s);
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->seq, 5u);
  EXPECT_EQ(snap->state, "five");
  ASSERT_TRUE(store().save_snapshot(s, {9, 2, std::string("bin\0ary", 7)}).ok());
  snap = store().load_snapshot(s);
  EXPECT_EQ(snap->seq, 9u);
  EXPECT_EQ(snap->schema_version, 2u);
  EXPECT_EQ(snap->state, std::string("bin\0ary", 7));
  EXPECT_TRUE(store().load_snapshot({"conversation", "b"}).status().is_not_found());
}

TEST_P(StoreContract, DedupeRecognisesARepeatedKey) {
  auto first = req("conversation", "tg:1", 0, {ev("m")});
  first.dedupe = DedupeClaim{"telegram:update:77", "outcome-1"};
  ASSERT_TRUE(store().append(first).status.ok());
  EXPECT_EQ(*store().find_dedupe("telegram:update:77"), "outcome-1");
  EXPECT_TRUE(store().find_dedupe("telegram:update:78").status().is_not_found());

  auto again = req("conversation", "tg:1", 1, {ev("m")});
  again.dedupe = DedupeClaim{"telegram:update:77", "outcome-2"};
  auto r = store().append(again);
  EXPECT_EQ(r.status.code(), StoreErrc::duplicate);
  EXPECT_EQ(r.duplicate_outcome, "outcome-1");
  EXPECT_EQ(store().last_position(), 1u);

  // Two claims of one key in one batch: the first wins.
  auto a = req("conversation", "tg:2", 0, {ev("m")});
  a.dedupe = DedupeClaim{"k", "A"};
  auto b = req("conversation", "tg:3", 0, {ev("m")});
  b.dedupe = DedupeClaim{"k", "B"};
  auto results = store().append_batch({a, b});
  EXPECT_TRUE(results[0].status.ok());
  EXPECT_EQ(results[1].status.code(), StoreErrc::duplicate);
  EXPECT_EQ(results[1].duplicate_outcome, "A");
  EXPECT_TRUE(stream("conversation", "tg:3").empty());
}

TEST_P(StoreContract, LinkedAppendsLandTogetherOrNotAtAll) {
  auto r = req("conversation", "a", 0, {ev("conversation.order_placed")});
  r.linked.push_back({{"order", "O-1"}, 0, {ev("order.placed")}});
  auto ok = store().append(r);
  ASSERT_TRUE(ok.status.ok()) << ok.status.to_string();
  EXPECT_EQ(stream("order", "O-1").size(), 1u);
  EXPECT_EQ(stream("order", "O-1")[0].position, 2u);
  EXPECT_EQ(store().last_position(), 2u);

  // The linked stream already exists: the whole request fails, nothing lands.
  auto again = req("conversation", "a", 1, {ev("conversation.order_placed")});
  again.linked.push_back({{"order", "O-1"}, 0, {ev("order.placed")}});
  EXPECT_EQ(store().append(again).status.code(), StoreErrc::conflict);
  EXPECT_EQ(stream("conversation", "a").size(), 1u);
  EXPECT_EQ(store().last_position(), 2u);

  auto invalid = req("conversation", "a", 1, {ev("x")});
  invalid.linked.push_back({{"order", ""}, 0, {ev("order.placed")}});
  EXPECT_EQ(store().append(invalid).status.code(), StoreErrc::invalid_argument);
  EXPECT_EQ(store().last_position(), 2u);
}

TEST_P(StoreContract, ConcurrentAppendersNeverShareAPosition) {
  constexpr int kThreads = 4, kPerThread = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i)
        ASSERT_TRUE(store().append(req("c", "t" + std::to_string(t), i, {ev("e")})).status.ok());
    });
  }
  for (auto& th : threads) th.join();
  auto log = all();
  ASSERT_EQ(log.size(), size_t{kThreads * kPerThread});
  for (size_t i = 0; i < log.size(); ++i) EXPECT_EQ(log[i].position, i + 1);
}

}  // namespace parley::events
