// Which conversation a manager's reply answers: alerts queued, delivered
// under a platform id, looked up by (channel, manager, that id); other
// notifications ignored; the oldest forgotten past the capacity.
#include "channels/notice_index.hpp"

#include <gtest/gtest.h>

namespace parley::channels {
namespace {

TEST(NoticeIndex, AnAlertDeliveredUnderAPlatformIdNamesItsConversation) {
  NoticeIndex index;
  index.queued("telegram:4242#7/m0", "whatsapp", "34699000999");
  EXPECT_EQ(index.conversation_of("whatsapp", "34699000999", "wamid.A"), "") << "not sent yet";
  index.sent("telegram:4242#7/m0", "wamid.A");
  EXPECT_EQ(index.conversation_of("whatsapp", "34699000999", "wamid.A"), "telegram:4242");
  EXPECT_EQ(index.conversation_of("whatsapp", "34699000111", "wamid.A"), "") << "another manager";
  EXPECT_EQ(index.conversation_of("telegram", "34699000999", "wamid.A"), "") << "another channel";
  EXPECT_EQ(index.conversation_of("whatsapp", "34699000999", "wamid.B"), "");
}

TEST(NoticeIndex, NotificationsThatAreNotAboutAShopperAreIgnored) {
  NoticeIndex index;
  index.queued("acme-software/3/ravi", "telegram", "777");  // a lead's
  index.sent("acme-software/3/ravi", "55");
  EXPECT_EQ(index.conversation_of("telegram", "777", "55"), "");
  index.sent("never-queued", "56");
  EXPECT_EQ(index.conversation_of("telegram", "777", "56"), "");
}

TEST(NoticeIndex, TheOldestAlertsAreForgottenPastTheCapacity) {
  NoticeIndex index(2);
  for (int i = 1; i <= 3; ++i) {
    const std::string id = "whatsapp:3460" + std::to_string(i) + "#1/m0";
    index.queued(id, "telegram", "777");
    index.sent(id, std::to_string(100 + i));
  }
  EXPECT_EQ(index.conversation_of("telegram", "777", "101"), "");
  EXPECT_EQ(index.conversation_of("telegram", "777", "102"), "whatsapp:34602");
  EXPECT_EQ(index.conversation_of("telegram", "777", "103"), "whatsapp:34603");
}

}  // namespace
}  // namespace parley::channels
