// The team's commands on a conversation — a label, the archive, corrected
// details — and the shopper's request to be forgotten, given/when/then.
#include <gtest/gtest.h>

#include "domain/conversation.hpp"

namespace parley::domain::conversation {
namespace {

State given(const std::vector<Event>& history) {
  State s = initial_state("api:u1");
  for (const auto& e : history) s = evolve(std::move(s), e);
  return s;
}

MessageReceived received(std::string id, int64_t at = 100) {
  return {text_message("api", "u1", "hola"), std::move(id), "", at};
}

State after(State s, const Command& c) {
  auto r = decide(s, c);
  EXPECT_TRUE(r.ok());
  for (const auto& e : r.value()) s = evolve(std::move(s), e);
  return s;
}

TEST(ConversationManage, ALabelIsRecordedOnceAndTakenOffWithAnEmptyOne) {
  auto s = given({received("api:u1#1")});
  auto then = decide(s, SetLabel{"Ana — boda en mayo", "operator:ines", 200});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  const auto& e = std::get<ConversationLabelled>(then.value()[0]);
  EXPECT_EQ(e.label, "Ana — boda en mayo");
  EXPECT_EQ(e.by, "operator:ines");
  s = after(s, SetLabel{"Ana — boda en mayo", "operator:ines", 200});
  EXPECT_EQ(s.label, "Ana — boda en mayo");
  EXPECT_TRUE(decide(s, SetLabel{"Ana — boda en mayo", "operator:ines", 300}).value().empty());
  EXPECT_EQ(after(s, SetLabel{"", "operator:ines", 400}).label, "");
}

TEST(ConversationManage, ALabelTooLongNotUtf8OrWithAControlCharacterIsRefused) {
  const auto s = given({received("api:u1#1")});
  EXPECT_EQ(decide(s, SetLabel{std::string(kMaxLabelBytes + 1, 'a'), "x", 1}).error(),
            Error::invalid_label);
  EXPECT_TRUE(decide(s, SetLabel{std::string(kMaxLabelBytes, 'a'), "x", 1}).ok());
  EXPECT_EQ(decide(s, SetLabel{"\xC3\x28", "x", 1}).error(), Error::invalid_label);
  EXPECT_EQ(decide(s, SetLabel{"two\nlines", "x", 1}).error(), Error::invalid_label);
}

TEST(ConversationManage, NothingIsManagedBeforeTheConversationStarts) {
  EXPECT_EQ(decide(given({}), SetLabel{"x", "x", 1}).error(), Error::not_started);
  EXPECT_EQ(decide(given({}), SetArchived{true, "x", 1}).error(), Error::not_started);
}

TEST(ConversationManage, AnArchivedConversationComesBackWhenTheShopperWritesAgain) {
  auto s = after(given({received("api:u1#1")}), SetArchived{true, "operator:ines", 200});
  EXPECT_TRUE(s.archived);
  EXPECT_TRUE(decide(s, SetArchived{true, "operator:ines", 300}).value().empty());
  s = evolve(std::move(s), received("api:u1#2", 400));
  EXPECT_FALSE(s.archived);
  EXPECT_TRUE(after(s, SetArchived{true, "x", 500}).archived);
  EXPECT_FALSE(after(after(s, SetArchived{true, "x", 500}), SetArchived{false, "x", 600}).archived);
}

TEST(ConversationManage, CorrectedDetailsReplaceTheFieldsGivenAndKeepTheOthers) {
  Customer given_at_checkout;
  given_at_checkout.name = "Ana Lopez";
  given_at_checkout.phone = "+34 600 111 222";
  given_at_checkout.city = "Madrid";
  auto s = given({received("api:u1#1"), DetailsProvided{given_at_checkout}});
  Customer fix;
  fix.name = "Ana López";
  fix.phone = "+34 600 111 223";
  auto then = decide(s, CorrectDetails{fix, "operator:ines", 200});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  EXPECT_EQ(std::get<DetailsCorrected>(then.value()[0]).by, "operator:ines");
  s = evolve(std::move(s), then.value()[0]);
  EXPECT_EQ(s.customer.name, "Ana López");
  EXPECT_EQ(s.customer.phone, "+34 600 111 223");
  EXPECT_EQ(s.customer.city, "Madrid");
  EXPECT_TRUE(decide(s, CorrectDetails{fix, "operator:ines", 300}).value().empty());
  EXPECT_TRUE(decide(s, CorrectDetails{Customer{}, "operator:ines", 300}).value().empty());
  Customer broken;
  broken.name = "\xFF";
  EXPECT_EQ(decide(s, CorrectDetails{broken, "x", 1}).error(), Error::invalid_text);
}

TEST(ConversationManage, AForgottenCustomerTakesTheLabelWithThem) {
  auto s = after(given({received("api:u1#1")}), SetLabel{"Ana, VIP", "x", 200});
  s = after(s, ForgetCustomer{"shopper", 300});
  EXPECT_EQ(s.label, "");
}

TEST(ConversationManage, AnErasureRequestRemembersWhichMessageAskedIt) {
  auto s = given({received("api:u1#1"), received("api:u1#2")});
  s = after(s, RequestErasure{300});
  EXPECT_EQ(s.erasure_asked_at, 2u);
}

}  // namespace
}  // namespace parley::domain::conversation

namespace parley::domain::conversation {
namespace {

// Details a model read reach the decider like the rules' (brain/details_extraction.hpp).
TEST(ConversationDetails, GivenDetailsThatAreNotUtf8OrTooLongThenTheyAreRefused) {
  State s = initial_state("api:u1");
  s = evolve(std::move(s), MessageReceived{text_message("api", "u1", "hola"), "api:u1#1", "", 1});
  Customer bad;
  bad.city = "\xC3\x28";
  EXPECT_EQ(decide(s, ProvideDetails{bad}).error(), Error::invalid_text);
  bad.city = std::string(kMaxTextBytes + 1, 'a');
  EXPECT_EQ(decide(s, ProvideDetails{bad}).error(), Error::invalid_text);
  Customer good;
  good.city = "Sevilla";
  EXPECT_EQ(decide(s, ProvideDetails{good}).value().size(), 1u);
}

}  // namespace
}  // namespace parley::domain::conversation
