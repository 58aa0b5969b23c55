// The consistent-hash ring (cluster/ring.hpp): every node computes the same
// owners, load spreads evenly, and a member joining or leaving moves only its
// share of the entities.
#include "cluster/ring.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace parley::cluster {
namespace {

std::vector<std::string> ids(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back("conversation/telegram:" + std::to_string(100000 + i));
  return out;
}

TEST(Ring, NoMembersOwnNothing) {
  EXPECT_EQ(Ring({}).owner("conversation/a"), "");
}

TEST(Ring, TheSameMembersInAnyOrderGiveTheSameOwners) {
  const Ring a({"node-a", "node-b", "node-c"}), b({"node-c", "node-a", "node-b", "node-a"});
  EXPECT_EQ(b.members().size(), 3u);
  for (const auto& id : ids(2000)) EXPECT_EQ(a.owner(id), b.owner(id)) << id;
}

TEST(Ring, TheHashIsFixedAcrossBuilds) {
  // Pinned: a change would move every entity of a running cluster at once
  // when its nodes are upgraded one by one.
  EXPECT_EQ(Ring::hash(""), 0x498004b6f2e3fdcbull);
  EXPECT_EQ(Ring::hash("conversation/api:ana"), Ring::hash("conversation/api:ana"));
  EXPECT_NE(Ring::hash("conversation/api:ana"), Ring::hash("conversation/api:anb"));
}

TEST(Ring, ThreeMembersShareTheEntitiesEvenly) {
  const Ring ring({"node-a", "node-b", "node-c"});
  std::map<std::string, int> load;
  for (const auto& id : ids(30000)) ++load[ring.owner(id)];
  ASSERT_EQ(load.size(), 3u);
  for (const auto& [node, n] : load) {
    EXPECT_GT(n, 30000 / 3 * 8 / 10) << node;  // within 20 % of a third
    EXPECT_LT(n, 30000 / 3 * 12 / 10) << node;
  }
}

TEST(Ring, SharesOfTheCircleSumToOneAndMatchTheEntitiesOwned) {
  const auto alone = Ring({"node-a"}).shares();
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_NEAR(alone[0].second, 1.0, 1e-9);
  const Ring ring({"node-a", "node-b", "node-c"});
  std::map<std::string, int> load;
  for (const auto& id : ids(30000)) ++load[ring.owner(id)];
  double sum = 0;
  for (const auto& [node, share] : ring.shares()) {
    sum += share;
    EXPECT_NEAR(share, load[node] / 30000.0, 0.02) << node;
  }
  EXPECT_NEAR(sum, 1.0, 1e-9);
}

TEST(Ring, AMemberLeavingMovesOnlyItsOwnEntities) {
  const Ring before({"node-a", "node-b", "node-c"}), after({"node-a", "node-c"});
  int moved = 0;
  for (const auto& id : ids(30000)) {
    if (before.owner(id) == "node-b") {
      EXPECT_NE(after.owner(id), "node-b");
      ++moved;
    } else {
      EXPECT_EQ(after.owner(id), before.owner(id)) << id;  // the survivors keep theirs
    }
  }
  EXPECT_GT(moved, 0);
}

TEST(Ring, AMemberJoiningTakesAboutItsShareAndNothingMovesBetweenTheOthers) {
  const Ring before({"node-a", "node-b"}), after({"node-a", "node-b", "node-c"});
  int taken = 0;
  for (const auto& id : ids(30000)) {
    if (after.owner(id) == "node-c")
      ++taken;
    else
      EXPECT_EQ(after.owner(id), before.owner(id)) << id;
  }
  EXPECT_GT(taken, 30000 / 3 * 8 / 10);
  EXPECT_LT(taken, 30000 / 3 * 12 / 10);
}

}  // namespace
}  // namespace parley::cluster
