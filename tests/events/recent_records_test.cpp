// The in-memory tail of the log (events/recent_records.hpp): runs of
// consecutive positions, gaps left to the store, a ring that forgets the
// oldest, and a clear that no earlier put can undo.
#include "events/recent_records.hpp"

#include <gtest/gtest.h>

namespace parley::events {
namespace {

std::vector<std::pair<uint64_t, RecentRecords::Bytes>> records(uint64_t from, uint64_t to) {
  std::vector<std::pair<uint64_t, RecentRecords::Bytes>> out;
  for (uint64_t p = from; p <= to; ++p)
    out.emplace_back(p, std::make_shared<const std::string>("r" + std::to_string(p)));
  return out;
}

std::vector<uint64_t> run_from(const RecentRecords& r, uint64_t from, size_t max = 100) {
  std::vector<std::pair<uint64_t, RecentRecords::Bytes>> out;
  r.run(from, max, &out);
  std::vector<uint64_t> positions;
  for (const auto& [p, bytes] : out) {
    EXPECT_EQ(*bytes, "r" + std::to_string(p));
    positions.push_back(p);
  }
  return positions;
}

TEST(RecentRecords, ARunIsConsecutiveAndStopsAtTheFirstPositionNotKept) {
  RecentRecords r(16);
  r.put(r.generation(), records(1, 3));
  r.put(r.generation(), records(5, 6));  // 4 was written by someone else
  EXPECT_EQ(run_from(r, 1), (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(run_from(r, 4), std::vector<uint64_t>{});
  EXPECT_EQ(run_from(r, 5), (std::vector<uint64_t>{5, 6}));
  EXPECT_EQ(run_from(r, 2, 1), std::vector<uint64_t>{2});
  EXPECT_TRUE(r.has(6));
  EXPECT_FALSE(r.has(4));
  EXPECT_FALSE(r.has(7));
}

TEST(RecentRecords, TheRingKeepsOnlyTheLatestCapacityPositions) {
  RecentRecords r(8);
  r.put(r.generation(), records(1, 20));
  EXPECT_EQ(run_from(r, 13), (std::vector<uint64_t>{13, 14, 15, 16, 17, 18, 19, 20}));
  EXPECT_EQ(run_from(r, 12), std::vector<uint64_t>{});
  EXPECT_FALSE(r.has(1));
}

TEST(RecentRecords, APutThatBeganBeforeAClearKeepsNothing) {
  RecentRecords r(16);
  const uint64_t before = r.generation();
  r.put(before, records(1, 2));
  r.clear();
  EXPECT_EQ(run_from(r, 1), std::vector<uint64_t>{});
  r.put(before, records(3, 4));  // read before the clear, landing after it
  EXPECT_EQ(run_from(r, 3), std::vector<uint64_t>{});
  r.put(r.generation(), records(5, 5));
  EXPECT_EQ(run_from(r, 5), std::vector<uint64_t>{5});
}

}  // namespace
}  // namespace parley::events
