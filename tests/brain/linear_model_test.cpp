// The sparse linear model's contract: scores are bias plus weight times value
// for the features it knows, unknown features count for nothing, and the wire
// form round-trips.
#include "brain/linear_model.hpp"

#include <gtest/gtest.h>

namespace parley::brain {
namespace {

LinearModel two_labels() {
  // Ids 0x10 and 0x1010 and 0x2010 share their low bits: they probe the same
  // slot of the model's index first.
  return LinearModel({"yes", "no"}, {0.5f, -0.5f},
                     {{0x10, {{0, 2.0f}}},
                      {0x1010, {{1, 3.0f}}},
                      {0x2010, {{0, 1.0f}, {1, -1.0f}}},
                      {7, {{1, 4.0f}}}});
}

TEST(LinearModel, ScoresAreBiasPlusTheWeightsOfTheFeaturesItKnows) {
  const auto m = two_labels();
  const auto s = m.scores({{0x10, 1.0f}, {0x1010, 0.5f}, {0x2010, 2.0f}, {0x3010, 9.0f}});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_DOUBLE_EQ(s[0], 0.5 + 2.0 + 2.0);
  EXPECT_DOUBLE_EQ(s[1], -0.5 + 1.5 - 2.0);
}

TEST(LinearModel, KnowsExactlyTheIdsItKeptWeightsFor) {
  const auto m = two_labels();
  for (uint32_t id : {0x10u, 0x1010u, 0x2010u, 7u}) EXPECT_TRUE(m.knows(id)) << id;
  for (uint32_t id : {0u, 0x3010u, 8u, 0xFFFFFFFFu}) EXPECT_FALSE(m.knows(id)) << id;
}

TEST(LinearModel, TheWireFormRoundTrips) {
  const auto m = two_labels();
  const auto back = LinearModel::parse(m.serialize());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->labels(), m.labels());
  const std::vector<Feature> f{{7, 1.0f}, {0x2010, 0.5f}};
  EXPECT_EQ(back->scores(f), m.scores(f));
  EXPECT_FALSE(LinearModel::parse("not a model"));
}

TEST(LinearModel, AnEmptyModelScoresNothing) {
  LinearModel m;
  EXPECT_TRUE(m.scores({{1, 1.0f}}).empty());
  EXPECT_FALSE(m.knows(1));
}

}  // namespace
}  // namespace parley::brain
