// The sparse linear model's contract: scores are bias plus weight times value
// for the features it knows, unknown features count for nothing, and the wire
// form round-trips.
#include "brain/linear_model.hpp"

#include <gtest/gtest.h>

#include <random>

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

// scores() reads features in batches; any count, known or not, repeated or
// not, sums as one feature after another would.
TEST(LinearModel, ManyFeaturesScoreAsTheirSumOneByOne) {
  std::mt19937 rng(7);
  std::vector<std::pair<uint32_t, std::vector<LinearModel::Weight>>> rows;
  for (uint32_t id = 1; id <= 300; ++id) {
    std::vector<LinearModel::Weight> ws;
    for (uint8_t label = 0; label < 5; ++label)
      if (rng() % 2) ws.push_back({label, static_cast<float>(rng() % 200) / 50.0f - 2.0f});
    rows.push_back({id * 97, ws});  // some rows keep no weight at all
  }
  const LinearModel m({"a", "b", "c", "d", "e"}, {0.1f, 0.2f, 0.3f, 0.4f, 0.5f}, rows);
  for (size_t count : {0u, 1u, 15u, 16u, 17u, 33u, 250u}) {
    std::vector<Feature> features;
    std::vector<double> expected{0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
    for (size_t i = 0; i < count; ++i) {
      const uint32_t id = (rng() % 400) * 97 + (rng() % 5 == 0);  // a fifth unknown
      const float value = static_cast<float>(rng() % 4 + 1);
      features.push_back({id, value});
      for (const auto& [row, ws] : rows)
        if (row == id)
          for (const auto& w : ws) expected[w.label] += double(w.value) * value;
    }
    const auto got = m.scores(features);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t l = 0; l < got.size(); ++l) EXPECT_NEAR(got[l], expected[l], 1e-9) << count;
  }
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
