// ChangeFeed (projections/change_feed.hpp): changes in order after a
// sequence number, a bounded wait, "behind" once dropped, close() for good.
#include "projections/change_feed.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace parley::projections {
namespace {

using namespace std::chrono_literals;

TEST(ChangeFeed, GivenPublishedIdsThenAReaderGetsThoseAfterItsLastInOrder) {
  ChangeFeed feed;
  feed.publish({"a", "b"});
  feed.publish({"c"});
  auto r = feed.since(1, 0ms);
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].id, "b");
  EXPECT_EQ(r.changes[0].seq, 2u);
  EXPECT_EQ(r.changes[1].id, "c");
  EXPECT_EQ(feed.head(), 3u);
  EXPECT_TRUE(feed.since(3, 0ms).changes.empty());
}

TEST(ChangeFeed, GivenNothingNewThenTheReaderWaitsUntilSomethingIsPublished) {
  ChangeFeed feed;
  std::thread later([&] {
    std::this_thread::sleep_for(50ms);
    feed.publish({"x"});
  });
  auto r = feed.since(0, 5s);
  later.join();
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].id, "x");
}

TEST(ChangeFeed, GivenAReaderBehindWhatIsKeptThenItIsToldToReload) {
  ChangeFeed feed;
  std::vector<std::string> many(ChangeFeed::kKeep + 10, "id");
  feed.publish(many);
  auto r = feed.since(0, 0ms);
  EXPECT_TRUE(r.behind);
  EXPECT_TRUE(r.changes.empty());
  r = feed.since(20, 0ms);
  EXPECT_FALSE(r.behind);
  EXPECT_EQ(r.changes.size(), ChangeFeed::kKeep - 10);
}

TEST(ChangeFeed, GivenAClosedFeedThenAWaitingReaderReturnsAtOnce) {
  ChangeFeed feed;
  std::thread closer([&] {
    std::this_thread::sleep_for(50ms);
    feed.close();
  });
  const auto start = std::chrono::steady_clock::now();
  auto r = feed.since(0, 30s);
  closer.join();
  EXPECT_TRUE(r.closed);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
}

}  // namespace
}  // namespace parley::projections
