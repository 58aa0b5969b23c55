// Reading a manager's "/reply <target> <text>".
#include "intake/manager_relay.hpp"

#include <gtest/gtest.h>

namespace parley::intake {
namespace {

TEST(ReplyCommand, NamesAPhoneOrAConversationAndKeepsTheRestAsTheText) {
  auto c = parse_reply_command("/reply +34600112233 Yes, we have it in blue.\nSize 38 too.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->target, "34600112233");
  EXPECT_EQ(c->text, "Yes, we have it in blue.\nSize 38 too.");
  c = parse_reply_command("/reply telegram:555   ok");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->target, "telegram:555");
  EXPECT_EQ(c->text, "ok");
}

TEST(ReplyCommand, AnIncompleteCommandIsOneWithoutTargetOrText) {
  auto bare = parse_reply_command("/reply");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->target, "");
  auto no_text = parse_reply_command("/reply 34600112233");
  ASSERT_TRUE(no_text);
  EXPECT_EQ(no_text->text, "");
  EXPECT_EQ(parse_reply_command("/reply telegram:abc hi")->target, "");
}

TEST(ReplyCommand, OtherTextsAreNotCommands) {
  EXPECT_FALSE(parse_reply_command("reply 34600112233 hi"));
  EXPECT_FALSE(parse_reply_command("/replying 34600112233 hi"));
  EXPECT_FALSE(parse_reply_command("/handoff on 34600112233"));
}

}  // namespace
}  // namespace parley::intake
