// A manager's /handoff command as intake reads it from a chat message.
#include "intake/handoff_command.hpp"

#include <gtest/gtest.h>

namespace parley::intake {
namespace {

TEST(HandoffCommand, GivenAPhoneWithSpacesAndAPlusWhenReadThenItsDigitsAreTheTarget) {
  auto c = parse_handoff_command("/handoff on +34 600 112 233");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->action, "on");
  EXPECT_EQ(c->target, "34600112233");
}

TEST(HandoffCommand, GivenAChannelAndIdWhenReadThenTheConversationIsNamedWhole) {
  auto c = parse_handoff_command("/handoff status telegram:555");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->action, "status");
  EXPECT_EQ(c->target, "telegram:555");
}

TEST(HandoffCommand, GivenNoReadableTargetWhenReadThenTheTargetIsEmpty) {
  auto c = parse_handoff_command("/handoff off telegram:abc");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->target, "");
  EXPECT_EQ(parse_handoff_command("/handoff")->action, "");
}

TEST(HandoffCommand, GivenAnyOtherTextWhenReadThenItIsNotACommand) {
  EXPECT_FALSE(parse_handoff_command("handoff on 123"));
  EXPECT_FALSE(parse_handoff_command("hola /handoff on 123"));
  EXPECT_FALSE(parse_handoff_command(""));
}

}  // namespace
}  // namespace parley::intake
