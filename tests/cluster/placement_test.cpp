// Where an entity lives (issue 23): the ring over live members that others
// can reach, seen from one node.
#include "cluster/placement.hpp"

#include <gtest/gtest.h>

namespace parley::cluster {
namespace {

Member live(const std::string& id, const std::string& peer) {
  Member m;
  m.node_id = id;
  m.peer = peer;
  m.live = true;
  return m;
}

TEST(Placement, BeforeAnyMemberIsSeenThisNodeOwnsEverything) {
  Placement p("node-a");
  EXPECT_TRUE(p.owns(Placement::key_of("conversation", "api:ana")));
  EXPECT_EQ(p.peer_of("conversation/api:ana"), "");
}

TEST(Placement, EntitiesAreSharedOutAndAnOwnersPeerAddressIsGiven) {
  Placement a("node-a"), b("node-b");
  const std::vector<Member> members = {live("node-a", "10.0.0.1:4300"),
                                       live("node-b", "10.0.0.2:4300")};
  EXPECT_TRUE(a.update(members));
  EXPECT_TRUE(b.update(members));
  int mine = 0;
  for (int i = 0; i < 200; ++i) {
    const auto key = Placement::key_of("conversation", "api:user-" + std::to_string(i));
    // Exactly one of the two nodes owns it, and each names the other's address.
    ASSERT_NE(a.owns(key), b.owns(key)) << key;
    if (a.owns(key)) {
      ++mine;
      EXPECT_EQ(b.peer_of(key), "10.0.0.1:4300");
    } else {
      EXPECT_EQ(a.peer_of(key), "10.0.0.2:4300");
    }
  }
  EXPECT_GT(mine, 60);
  EXPECT_LT(mine, 140);
}

TEST(Placement, OnlyAChangeOfMembersOrAddressesCountsAsAChange) {
  Placement a("node-a");
  std::vector<Member> members = {live("node-a", "10.0.0.1:4300"), live("node-b", "10.0.0.2:4300")};
  EXPECT_TRUE(a.update(members));
  EXPECT_FALSE(a.update(members));    // a renewal: the same ring
  members[1].peer = "10.0.0.2:4301";  // restarted elsewhere
  EXPECT_TRUE(a.update(members));
  members[1].live = false;  // its lease ran out
  EXPECT_TRUE(a.update(members));
  EXPECT_EQ(a.members(), std::vector<std::string>{"node-a"});
  EXPECT_TRUE(a.owns("conversation/api:anyone"));
}

TEST(Placement, AMemberWithoutAPeerAddressOwnsNothing) {
  // A lone server's row, or a node that takes no forwarded turns.
  Placement a("node-a");
  EXPECT_TRUE(a.update({live("node-a", "10.0.0.1:4300"), live("node-b", "")}));
  EXPECT_EQ(a.members(), std::vector<std::string>{"node-a"});
  for (int i = 0; i < 50; ++i) EXPECT_TRUE(a.owns("lead/" + std::to_string(i)));
}

TEST(Placement, ANodeNotInTheRingOwnsNothing) {
  // Its own lease ran out (its database was unreachable): the others took its share.
  Placement a("node-a");
  a.update({live("node-b", "10.0.0.2:4300")});
  EXPECT_EQ(a.peer_of("conversation/api:ana"), "10.0.0.2:4300");
}

}  // namespace
}  // namespace parley::cluster
