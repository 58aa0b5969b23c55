// The projection engine and its views: live folding equals a rebuild from
// zero byte for byte; a restart resumes from the stored checkpoint; a
// changed fold is rebuilt. What each view answers: inbox_view_test.cpp,
// analytics_views_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "events/memory_event_store.hpp"
#include "projections/activity.hpp"
#include "projections/billing_view.hpp"
#include "projections/carts_view.hpp"
#include "projections/conversations_view.hpp"
#include "projections/funnel_view.hpp"
#include "projections/orders_view.hpp"
#include "projections/pricing.hpp"
#include "projections/projection_engine.hpp"
#include "projections/timers_view.hpp"
#include "projections/view_store.hpp"
#include "tests/projections/views_fixture.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/workload.hpp"

namespace parley::projections {
namespace {

TEST(Projections, LiveViewsEqualViewsRebuiltFromZero) {
  events::MemoryEventStore log;
  testing::Workload work;
  MemoryViewStore live_store;
  Views live;
  // Small batches: many commits.
  ProjectionEngine live_engine(log, live_store, live.all(), FoldOptions{7});  // commits of 7
  ASSERT_TRUE(live_engine.open().ok());
  for (int round = 0; round < 30; ++round) {
    for (int i = 0; i < 11; ++i) log.append_batch(work.next());
    ASSERT_TRUE(live_engine.catch_up().ok());
  }
  // A long conversation.
  std::vector<events::AppendRequest> chatty;
  for (int i = 0; i < 150; ++i) {
    events::AppendRequest r{{"conversation", "telegram:777"}, events::kAnySeq, {}, {}};
    r.events.push_back({"conversation.message_received", 1, int64_t{1795321800000000} + i, "",
                        "{\"text\":\"message " + std::to_string(i) + "\"}"});
    log.append(r);
    if (i % 40 == 0) {
      ASSERT_TRUE(live_engine.catch_up().ok());
    }
  }
  ASSERT_TRUE(live_engine.catch_up().ok());
  ASSERT_GT(log.last_position(), 3000u);
  for (auto* p : live.all()) EXPECT_EQ(p->checkpoint(), log.last_position()) << p->name();

  MemoryViewStore rebuilt_store;
  Views rebuilt;
  // Rebuilt as `parley projections rebuild all` does it: nothing loaded
  // first, the views spread over lanes (3 threads here), several commits.
  ProjectionEngine rebuilt_engine(log, rebuilt_store, rebuilt.all(),
                                  FoldOptions{500, 3, 1});  // commits of 500, 3 lanes, always
  RebuildProgress last;
  ASSERT_TRUE(rebuilt_engine.rebuild({"all"}, [&](const RebuildProgress& p) { last = p; }).ok());
  EXPECT_EQ(last.position, log.last_position());

  const auto a = dump(live_store), b = dump(rebuilt_store);
  ASSERT_EQ(a.size(), b.size());
  std::map<std::string, size_t> rows_per_view;
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    ASSERT_NE(it, b.end()) << k;
    EXPECT_EQ(v, it->second) << k;
    if (k.rfind("v/", 0) == 0) ++rows_per_view[k.substr(2, k.find('/', 2) - 2)];
  }
  for (auto* p : live.all()) EXPECT_GT(rows_per_view[p->name()], 0u) << p->name() << " is empty";
  auto chat = activity_history(log, "conversation", "telegram:777", kolkata());
  ASSERT_TRUE(chat.ok());
  ASSERT_EQ(chat->size(), 150u);
  EXPECT_EQ((*chat)[149]["text"], "Wrote: message 149");
}

TEST(Projections, RestartResumesFromTheCheckpointAndAChangedFoldIsRebuilt) {
  events::MemoryEventStore log;
  testing::Workload work;
  MemoryViewStore store;
  {
    Views v;
    ProjectionEngine engine(log, store, v.all());
    ASSERT_TRUE(engine.open().ok());
    for (int i = 0; i < 50; ++i) log.append_batch(work.next());
    ASSERT_TRUE(engine.catch_up().ok());
  }
  const uint64_t first = log.last_position();
  for (int i = 0; i < 50; ++i) log.append_batch(work.next());
  // A new process: the views load from the store and fold only what is new.
  Views v;
  ProjectionEngine engine(log, store, v.all());
  ASSERT_TRUE(engine.open().ok());
  for (auto* p : v.all()) EXPECT_EQ(p->checkpoint(), first) << p->name();
  const uint64_t applied_before = engine.events_applied();
  ASSERT_TRUE(engine.catch_up().ok());
  EXPECT_LT(engine.events_applied() - applied_before, log.last_position() - first + 1);
  const auto resumed = dump(store);

  MemoryViewStore fresh;
  Views w;
  ProjectionEngine again(log, fresh, w.all());
  ASSERT_TRUE(again.open().ok());
  ASSERT_TRUE(again.catch_up().ok());
  EXPECT_EQ(resumed, dump(fresh)) << "resuming equals folding from zero";

  // Another zone is another fold: billing and funnel start over, the rest stay.
  Calendar utc = Calendar::utc();
  BillingView billing_utc(utc);
  ProjectionEngine changed(log, store, {&billing_utc});
  ASSERT_TRUE(changed.open().ok());
  EXPECT_EQ(billing_utc.checkpoint(), 0u);
  ASSERT_TRUE(changed.catch_up().ok());
  EXPECT_EQ(billing_utc.checkpoint(), log.last_position());
}

TEST(Projections, ADroppedViewLeavesNoRowAndOthersStay) {
  MemoryViewStore store;
  ASSERT_TRUE(store
                  .write({{"c/activity", "x"},
                          {"v/activity/conversation/telegram:1/00000000", "{}"},
                          {"v/activity/lead/L-1/00000000", "{}"},
                          {"c/carts", "y"},
                          {"v/carts/telegram:1", "{}"}})
                  .ok());
  ASSERT_TRUE(ProjectionEngine::drop_view(store, "activity").ok());
  EXPECT_EQ(dump(store),
            (std::map<std::string, std::string>{{"c/carts", "y"}, {"v/carts/telegram:1", "{}"}}));
  EXPECT_TRUE(ProjectionEngine::drop_view(store, "activity").ok()) << "nothing left: nothing to do";
}

TEST(Projections, RebuildOfAnUnknownProjectionIsNotFound) {
  events::MemoryEventStore log;
  MemoryViewStore store;
  Views v;
  ProjectionEngine engine(log, store, v.all());
  ASSERT_TRUE(engine.open().ok());
  EXPECT_TRUE(engine.rebuild({"nope"}).is_not_found());
}

// Issue 22: a long fold's commits are ingested as sorted files. An ingest
// is a write: later values win over older rows and over each other, deletes
// delete, and a reopened store reads the same.
TEST(ViewStoreIngest, AnIngestedBatchReadsLikeAWrittenOne) {
  testing::TempDir dir;
  const std::string path = dir.sub("views");
  MemoryViewStore memory;
  {
    auto opened = RocksViewStore::open(path);
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    for (ViewStore* store :
         {static_cast<ViewStore*>(opened->get()), static_cast<ViewStore*>(&memory)}) {
      ASSERT_TRUE(
          store->write({{"v/a/1", std::string("old")}, {"v/a/2", std::string("gone")}}).ok());
      ASSERT_TRUE(store
                      ->ingest({{"v/b/9", std::string("b9")},
                                {"v/a/1", std::string("first")},
                                {"v/a/2", std::nullopt},
                                {"v/a/1", std::string("new")},
                                {"c/a", std::string("7")}})
                      .ok());
      ASSERT_TRUE(store->ingest({}).ok());
    }
    EXPECT_EQ(dump(**opened), dump(memory));
  }
  const std::map<std::string, std::string> want{{"c/a", "7"}, {"v/a/1", "new"}, {"v/b/9", "b9"}};
  EXPECT_EQ(dump(memory), want);
  auto reopened = RocksViewStore::open(path);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(dump(**reopened), want);
  for (const auto& e : std::filesystem::directory_iterator(path))
    EXPECT_EQ(e.path().filename().string().rfind("ingest-", 0), std::string::npos)
        << "a table file was left behind: " << e.path();
  reopened->reset();
  // One a crash left between writing and ingesting goes at the next open.
  std::ofstream(path + "/ingest-3.sst") << "half written";
  ASSERT_TRUE(RocksViewStore::open(path).ok());
  EXPECT_FALSE(std::filesystem::exists(path + "/ingest-3.sst"));
}

// A rebuild erases all its views at once: one flush and one compaction, and
// what lies between the prefixes stays.
TEST(ViewStoreErase, SeveralPrefixesAreErasedFromEveryFileAndOthersStay) {
  testing::TempDir dir;
  auto opened = RocksViewStore::open(dir.sub("views"));
  ASSERT_TRUE(opened.ok());
  auto& store = **opened;
  ASSERT_TRUE(store
                  .write({{"v/a/1", std::string("Alpha Plaintext")},
                          {"v/b/1", std::string("keep me")},
                          {"v/c/1", std::string("Gamma Plaintext")}})
                  .ok());
  ASSERT_TRUE(store.erase_prefixes({"v/c/", "v/a/"}).ok());
  const std::map<std::string, std::string> want{{"v/b/1", "keep me"}};
  EXPECT_EQ(dump(store), want);
  std::string files;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir.sub("views"))) {
    std::ifstream in(f.path(), std::ios::binary);
    files.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  EXPECT_EQ(files.find("Alpha Plaintext"), std::string::npos);
  EXPECT_EQ(files.find("Gamma Plaintext"), std::string::npos);
  EXPECT_FALSE(store.erase_prefixes({std::string(1, '\xff')}).ok()) << "unbounded";
}

TEST(Projections, ARebuildIngestedIntoRocksDbEqualsTheLiveFold) {
  events::MemoryEventStore log;
  testing::Workload work;
  MemoryViewStore live_store;
  Views live;
  ProjectionEngine live_engine(log, live_store, live.all(), FoldOptions{64});
  ASSERT_TRUE(live_engine.open().ok());
  for (int round = 0; round < 10; ++round) {
    for (int i = 0; i < 20; ++i) log.append_batch(work.next());
    ASSERT_TRUE(live_engine.catch_up().ok());
  }
  testing::TempDir dir;
  auto rocks = RocksViewStore::open(dir.sub("views"));
  ASSERT_TRUE(rocks.ok());
  Views rebuilt;
  // Long from the first event (parallel_from 1): every commit is an ingest.
  ProjectionEngine engine(log, **rocks, rebuilt.all(), FoldOptions{300, 2, 1});
  ASSERT_TRUE(engine.rebuild({"all"}).ok());
  ASSERT_TRUE(engine.rebuild({"all"}).ok());  // again over its own rows
  EXPECT_EQ(dump(**rocks), dump(live_store));
}

// Issue 17, item 6, for the views: files without CURRENT are refused, untouched.
TEST(ViewStoreOpen, ADirectoryWithFilesButNoCurrentIsRefused) {
  testing::TempDir dir;
  const std::string path = dir.sub("views");
  {
    auto opened = RocksViewStore::open(path);
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    ASSERT_TRUE((*opened)->write({{"k", std::string("v")}}).ok());
  }
  std::filesystem::remove(path + "/CURRENT");
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(path)) files += e.is_regular_file();
  auto opened = RocksViewStore::open(path);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().to_string().find("no CURRENT"), std::string::npos);
  size_t after = 0;
  for (const auto& e : std::filesystem::directory_iterator(path)) after += e.is_regular_file();
  EXPECT_EQ(after, files);
  EXPECT_FALSE(std::filesystem::exists(path + "/CURRENT"));
}

}  // namespace
}  // namespace parley::projections
