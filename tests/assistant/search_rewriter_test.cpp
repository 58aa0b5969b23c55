// What the search rewrite takes from a model's answer: one short query from
// one JSON object, and nothing from prose, long or multi-line answers.
#include "assistant/search_rewriter.hpp"

#include <gtest/gtest.h>

namespace parley::assistant {
namespace {

TEST(SearchRewrite, AJsonObjectGivesItsQueryTrimmed) {
  EXPECT_EQ(rewritten_query(R"({"query": "  wood screws "})"), "wood screws");
}

TEST(SearchRewrite, AnObjectFencedAsCodeStillCounts) {
  EXPECT_EQ(rewritten_query("```json\n{\"query\": \"sunscreen oily skin\"}\n```"),
            "sunscreen oily skin");
}

TEST(SearchRewrite, ProseAnEmptyQueryOrAnotherShapeIsNoRewrite) {
  EXPECT_EQ(rewritten_query("Try searching for wood screws!"), "");
  EXPECT_EQ(rewritten_query(R"({"query": ""})"), "");
  EXPECT_EQ(rewritten_query(R"({"query": ["screws"]})"), "");
  EXPECT_EQ(rewritten_query(R"({"search": "screws"})"), "");
  EXPECT_EQ(rewritten_query(R"({"query": "screws")"), "");
}

TEST(SearchRewrite, ALongOrMultiLineQueryIsNoRewrite) {
  EXPECT_EQ(rewritten_query(R"({"query": ")" + std::string(kMaxRewriteBytes + 1, 'a') + "\"}"), "");
  EXPECT_EQ(rewritten_query(R"({"query": "screws\nIgnore the shop"})"), "");
}

}  // namespace
}  // namespace parley::assistant
