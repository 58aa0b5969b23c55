// Given these events, when this command, then these events (or this error).
#include "domain/conversation.hpp"

#include <gtest/gtest.h>

namespace parley::domain::conversation {
namespace {

State given(const std::vector<Event>& history, const std::string& id = "api:u1") {
  State s = initial_state(id);
  for (const auto& e : history) s = evolve(std::move(s), e);
  return s;
}

MessageReceived received(std::string id, std::string text, int64_t at = 100) {
  return {text_message("api", "u1", std::move(text)), std::move(id), "", at};
}

TEST(ConversationDecider, FirstInboundMessageStartsTheConversation) {
  auto then = decide(given({}), ReceiveMessage{text_message("api", "u1", "hola", "m-7"), "", 100});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  const auto& e = std::get<MessageReceived>(then.value()[0]);
  EXPECT_EQ(e.message_id, "api:u1#1");
  EXPECT_EQ(e.channel, "api");
  EXPECT_EQ(e.user_id, "u1");
  EXPECT_EQ(e.text, "hola");
  EXPECT_EQ(e.platform_message_id, "m-7");
  EXPECT_EQ(e.causation_id, "m-7");  // the platform id is the cause
  EXPECT_EQ(e.at_us, 100);
}

TEST(ConversationDecider, RequestIdIsTheCauseWhenThereIsNoPlatformId) {
  auto then = decide(given({}), ReceiveMessage{text_message("api", "u1", "hi", ""), "req-1", 1});
  EXPECT_EQ(std::get<MessageReceived>(then.value()[0]).causation_id, "req-1");
}

TEST(ConversationDecider, MessageIdsCountEveryMessage) {
  auto s = given(
      {received("api:u1#1", "hi"), MessageSent{"api:u1#2", "api", "u1", "hello", "api:u1#1", 101}});
  auto then = decide(s, ReceiveMessage{text_message("api", "u1", "more", ""), "", 200});
  EXPECT_EQ(std::get<MessageReceived>(then.value()[0]).message_id, "api:u1#3");
}

TEST(ConversationDecider, ReplyAnswersTheInboundMessage) {
  auto then = decide(given({received("api:u1#1", "hi")}), SendMessage{"hello", "api:u1#1", 150});
  ASSERT_TRUE(then.ok());
  const auto& e = std::get<MessageSent>(then.value()[0]);
  EXPECT_EQ(e.message_id, "api:u1#2");
  EXPECT_EQ(e.in_reply_to, "api:u1#1");
  EXPECT_EQ(e.channel, "api");  // the recipient comes from the conversation
  EXPECT_EQ(e.user_id, "u1");
}

TEST(ConversationDecider, RefusesBlankAndOversizedText) {
  EXPECT_EQ(
      decide(given({}), ReceiveMessage{text_message("api", "u1", " \t\n", ""), "", 1}).error(),
      Error::empty_text);
  EXPECT_EQ(decide(given({}), ReceiveMessage{text_message("api", "u1", "", ""), "", 1}).error(),
            Error::empty_text);
  std::string huge(kMaxTextBytes + 1, 'a');
  EXPECT_EQ(decide(given({}), ReceiveMessage{text_message("api", "u1", huge, ""), "", 1}).error(),
            Error::text_too_long);
  EXPECT_TRUE(
      decide(given({}), ReceiveMessage{text_message("api", "u1", huge.substr(1), ""), "", 1}).ok());
  EXPECT_EQ(decide(given({received("api:u1#1", "hi")}), SendMessage{"", "", 1}).error(),
            Error::empty_text);
}

TEST(ConversationDecider, RefusesTextThatIsNotUtf8) {
  for (const char* bad : {"\xff", "caf\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                          "a\x80"
                          "b"})
    EXPECT_EQ(decide(given({}), ReceiveMessage{text_message("api", "u1", bad, ""), "", 1}).error(),
              Error::invalid_text)
        << bad;
  for (const char* good : {"café", "привет", "नमस्ते", "😀 ok"})
    EXPECT_TRUE(decide(given({}), ReceiveMessage{text_message("api", "u1", good, ""), "", 1}).ok())
        << good;
}

TEST(ConversationDecider, RefusesMessagesFromAnotherSender) {
  auto s = given({received("api:u1#1", "hi")});
  EXPECT_EQ(decide(s, ReceiveMessage{text_message("telegram", "u1", "x", ""), "", 1}).error(),
            Error::sender_mismatch);
  EXPECT_EQ(decide(s, ReceiveMessage{text_message("api", "u2", "x", ""), "", 1}).error(),
            Error::sender_mismatch);
  EXPECT_EQ(decide(given({}), ReceiveMessage{text_message("", "u1", "x", ""), "", 1}).error(),
            Error::missing_sender);
}

TEST(ConversationDecider, NoOutboundMessageBeforeAnyInbound) {
  EXPECT_EQ(decide(given({}), SendMessage{"hello", "", 1}).error(), Error::not_started);
}

TEST(ConversationDecider, AForgottenCustomerLeavesNoDetailsInTheState) {
  Customer anna;
  anna.name = "Anna";
  anna.address = "Calle Mayor 5";
  auto s = given({received("api:u1#1", "hi"), CheckoutStarted{}, DetailsProvided{anna}});
  ASSERT_EQ(s.customer.name, "Anna");
  auto then = decide(s, ForgetCustomer{"admin", 500});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  EXPECT_EQ(std::get<CustomerForgotten>(then.value()[0]).by, "admin");
  const auto after = evolve(s, then.value()[0]);
  EXPECT_TRUE(after.customer.empty());
  EXPECT_FALSE(after.checkout_open);
  EXPECT_EQ(after.received, 1u);
  EXPECT_EQ(decide(given({}), ForgetCustomer{"admin", 500}).error(), Error::not_started);
}

TEST(ConversationEvolve, FoldsCountersAndTimes) {
  auto s = given({received("api:u1#1", "hi", 10),
                  MessageSent{"api:u1#2", "api", "u1", "hello", "api:u1#1", 20},
                  received("api:u1#3", "more", 30)});
  EXPECT_EQ(s.received, 2u);
  EXPECT_EQ(s.sent, 1u);
  EXPECT_EQ(s.last_received_at_us, 30);
  EXPECT_EQ(s.last_sent_at_us, 20);
  EXPECT_EQ(s.last_received_id, "api:u1#3");
  EXPECT_EQ(s.channel, "api");
  EXPECT_EQ(s.user_id, "u1");
  EXPECT_TRUE(s.started());
  EXPECT_FALSE(given({}).started());
}

}  // namespace
}  // namespace parley::domain::conversation
