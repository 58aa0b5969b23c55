// The customer merge decider (domain/customer_merge.hpp): a merge is one
// event naming every conversation once; the same merge again decides
// nothing; a customer is never merged into itself, and a key or a
// conversation id that cannot be one is refused. Given/when/then.
#include "domain/customer_merge.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::domain::customer_merge {
namespace {

Merge merge(const std::string& from, const std::string& into,
            std::vector<std::string> conversations = {"telegram:7", "whatsapp:34600111222"}) {
  return Merge{from, into, std::move(conversations), "operator:ravi", 1'000};
}

State stream(const std::string& key) {
  State s;
  s.key = key;
  return s;
}

TEST(CustomerMergeDecider, GivenTwoCustomersWhenMergedThenOneEventNamesFromAndEveryConversation) {
  auto r = decide(stream("phone:abc"), merge("conversation:telegram:7", "phone:abc"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().size(), 1u);
  const auto& e = std::get<CustomerMerged>(r.value()[0]);
  EXPECT_EQ(e.from_key, "conversation:telegram:7");
  EXPECT_EQ(e.conversations, (std::vector<std::string>{"telegram:7", "whatsapp:34600111222"}));
  EXPECT_EQ(e.by, "operator:ravi");
  EXPECT_EQ(e.at_us, 1'000);
}

TEST(CustomerMergeDecider, GivenAConversationNamedTwiceThenTheEventNamesItOnceInTheOrderGiven) {
  auto r = decide(stream("phone:abc"),
                  merge("email:x", "phone:abc", {"api:b", "api:a", "api:b", "api:a"}));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(std::get<CustomerMerged>(r.value()[0]).conversations,
            (std::vector<std::string>{"api:b", "api:a"}));
}

TEST(CustomerMergeDecider, GivenAKeyMergedBeforeWhenMergedAgainThenNothingIsDecided) {
  State s = stream("phone:abc");
  auto first = decide(s, merge("email:x", "phone:abc"));
  ASSERT_TRUE(first.ok());
  for (const auto& e : first.value()) s = evolve(std::move(s), e);
  EXPECT_EQ(s.taken.count("email:x"), 1u);

  auto again = decide(s, merge("email:x", "phone:abc"));
  ASSERT_TRUE(again.ok()) << "a retry whose answer was lost is safe";
  EXPECT_TRUE(again.value().empty());
  auto other = decide(s, merge("email:y", "phone:abc"));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other.value().size(), 1u) << "another key is another merge";
}

TEST(CustomerMergeDecider, GivenTheSameKeyTwiceThenItIsSameCustomer) {
  auto r = decide(stream("phone:abc"), merge("phone:abc", "phone:abc"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), Error::same_customer);
  EXPECT_STREQ(to_string(r.error()), "same_customer");
}

TEST(CustomerMergeDecider, GivenAKeyThatCannotBeOneThenItIsInvalidKey) {
  const std::string too_long(kMaxKeyBytes + 1, 'k');
  for (const auto& [from, into] :
       std::vector<std::pair<std::string, std::string>>{{"", "phone:abc"},
                                                        {"phone:abc", ""},
                                                        {too_long, "phone:abc"},
                                                        {"phone:abc", std::string("email:a\nb")},
                                                        {std::string("email:\x7f"), "phone:abc"}}) {
    auto r = decide(stream(into), merge(from, into));
    ASSERT_FALSE(r.ok()) << from << " -> " << into;
    EXPECT_EQ(r.error(), Error::invalid_key);
  }
  EXPECT_TRUE(valid_key(std::string(kMaxKeyBytes, 'k'))) << "256 bytes is a key";
}

TEST(CustomerMergeDecider, GivenConversationIdsThatCannotBeOnesThenTheMergeIsRefused) {
  auto empty_id = decide(stream("phone:abc"), merge("email:x", "phone:abc", {"api:a", ""}));
  ASSERT_FALSE(empty_id.ok());
  EXPECT_EQ(empty_id.error(), Error::invalid_conversation);

  std::vector<std::string> many;
  for (size_t i = 0; i <= kMaxConversations; ++i) many.push_back("api:" + std::to_string(i));
  auto too_many = decide(stream("phone:abc"), merge("email:x", "phone:abc", many));
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error(), Error::too_many_conversations);
}

TEST(CustomerMergeDecider, GivenNoConversationsThenTheMergeStillStands) {
  auto r = decide(stream("phone:abc"), merge("email:x", "phone:abc", {}));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(std::get<CustomerMerged>(r.value()[0]).conversations.empty());
}

}  // namespace
}  // namespace parley::domain::customer_merge
