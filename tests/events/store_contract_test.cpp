// The EventStore contract on the in-memory and RocksDB stores, and what only
// RocksDB has: state across a reopen, the secondary reader.
#include <gtest/gtest.h>

#include <memory>

#include "events/memory_event_store.hpp"
#include "events/rocks_event_store.hpp"
#include "tests/events/store_contract.hpp"
#include "tests/support/events.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley::events {
namespace {

using testing::ev;
using testing::req;

INSTANTIATE_TEST_SUITE_P(
    Implementations, StoreContract,
    ::testing::Values(StoreFactory{"memory",
                                   [](const std::string&) -> std::unique_ptr<EventStore> {
                                     return std::make_unique<MemoryEventStore>();
                                   }},
                      StoreFactory{"rocksdb",
                                   [](const std::string& dir) -> std::unique_ptr<EventStore> {
                                     RocksEventStore::Options o;
                                     o.path = dir + "/db";
                                     auto s = RocksEventStore::open(o);
                                     EXPECT_TRUE(s.ok()) << s.status().to_string();
                                     return std::move(s).value();
                                   }}),
    [](const auto& param_info) { return param_info.param.name; });

// ---- RocksDB only: what must survive a reopen, and the secondary reader ----

TEST(RocksEventStore, StateSurvivesReopen) {
  testing::TempDir dir;
  RocksEventStore::Options o;
  o.path = dir.sub("db");
  {
    auto s = RocksEventStore::open(o);
    ASSERT_TRUE(s.ok());
    auto r = req("c", "a", 0, {ev("a1"), ev("a2")});
    r.dedupe = DedupeClaim{"key", "first"};
    ASSERT_TRUE((*s)->append(r).status.ok());
    ASSERT_TRUE((*s)->save_snapshot({"c", "a"}, {2, 1, "st"}).ok());
  }
  auto s = RocksEventStore::open(o);
  ASSERT_TRUE(s.ok());
  auto& store = **s;
  EXPECT_EQ(store.last_position(), 2u);
  EXPECT_EQ(*store.stream_head({"c", "a"}), 2u);
  EXPECT_EQ(*store.find_dedupe("key"), "first");
  EXPECT_EQ(store.load_snapshot({"c", "a"})->state, "st");
  EXPECT_EQ(store.append(req("c", "a", 1, {ev("stale")})).status.code(), StoreErrc::conflict);
  auto r = store.append(req("c", "a", 2, {ev("a3")}));
  EXPECT_EQ(r.first_position, 3u);
}

TEST(RocksEventStore, SecondaryFollowsThePrimary) {
  testing::TempDir dir;
  RocksEventStore::Options o;
  o.path = dir.sub("db");
  auto primary = RocksEventStore::open(o);
  ASSERT_TRUE(primary.ok());
  ASSERT_TRUE((*primary)->append(req("c", "a", 0, {ev("a1")})).status.ok());

  RocksEventStore::Options so = o;
  so.mode = RocksEventStore::Mode::secondary;
  so.secondary_path = dir.sub("secondary");
  auto secondary = RocksEventStore::open(so);
  ASSERT_TRUE(secondary.ok()) << secondary.status().to_string();
  EXPECT_EQ((*secondary)->last_position(), 1u);
  EXPECT_EQ((*secondary)->append(req("c", "a", 1, {ev("x")})).status.code(),
            StoreErrc::invalid_argument);

  ASSERT_TRUE((*primary)->append(req("c", "a", 1, {ev("a2")})).status.ok());
  ASSERT_TRUE((*primary)->flush().ok());
  ASSERT_TRUE((*secondary)->catch_up().ok());
  EXPECT_EQ((*secondary)->last_position(), 2u);
  std::vector<EventEnvelope> out;
  ASSERT_TRUE((*secondary)->read_stream({"c", "a"}, 1, SIZE_MAX, &out).ok());
  EXPECT_EQ(out.size(), 2u);
}

TEST(RocksEventStore, SecondaryOfAMissingStoreIsNotFound) {
  testing::TempDir dir;
  RocksEventStore::Options o;
  o.path = dir.sub("nothing-here");
  o.mode = RocksEventStore::Mode::secondary;
  o.secondary_path = dir.sub("secondary");
  EXPECT_TRUE(RocksEventStore::open(o).status().is_not_found());
}

}  // namespace
}  // namespace parley::events
