// Given/when/then for what the channels added to the deciders: media kinds,
// WhatsApp's 24-hour window and templates, human mode, delivery statuses,
// and the delivery stream of the outbox.
#include <gtest/gtest.h>

#include "domain/conversation.hpp"
#include "domain/delivery.hpp"

namespace parley::domain {
namespace {

namespace conv = conversation;
constexpr int64_t kHour = int64_t{3600} * 1000000;

conv::State given(const std::vector<conv::Event>& history, const std::string& id) {
  auto s = conv::initial_state(id);
  for (const auto& e : history) s = conv::evolve(s, e);
  return s;
}

conv::MessageReceived received(const std::string& channel, const std::string& user, int64_t at) {
  return {conv::text_message(channel, user, "hola", "p1"), channel + ":" + user + "#1", "p1", at};
}

TEST(ChannelsDomain, MediaWithoutCaptionIsAMessageButUnknownKindsAreNot) {
  conv::ReceiveMessage photo{conv::text_message("telegram", "42", "", "u1"), "", 1};
  photo.kind = "image";
  photo.attachment = "file-1";
  auto then = conv::decide(given({}, "telegram:42"), photo);
  ASSERT_TRUE(then.ok());
  const auto& m = std::get<conv::MessageReceived>(then.value()[0]);
  EXPECT_EQ(m.kind, "image");
  EXPECT_EQ(m.attachment, "file-1");
  photo.kind = "hologram";
  EXPECT_EQ(conv::decide(given({}, "telegram:42"), photo).error(), conv::Error::invalid_kind);
  conv::ReceiveMessage empty{conv::text_message("telegram", "42", "", "u2"), "", 1};
  EXPECT_EQ(conv::decide(given({}, "telegram:42"), empty).error(), conv::Error::empty_text);
}

TEST(ChannelsDomain, WhatsAppFreeTextOnlyWithinTwentyFourHours) {
  const auto s = given({received("whatsapp", "34600", 10 * kHour)}, "whatsapp:34600");
  EXPECT_TRUE(conv::decide(s, conv::SendMessage{"hi", "", 10 * kHour + 24 * kHour}).ok());
  EXPECT_EQ(conv::decide(s, conv::SendMessage{"hi", "", 10 * kHour + 24 * kHour + 1}).error(),
            conv::Error::outside_window);
  conv::SendMessage tmpl{"", "", 50 * kHour};
  tmpl.template_message = {"cart_reminder", "es", {"Ana"}};
  auto then = conv::decide(s, tmpl);
  ASSERT_TRUE(then.ok());
  EXPECT_EQ(std::get<conv::MessageSent>(then.value()[0]).template_message.name, "cart_reminder");
  // Twilio is WhatsApp too; Telegram and the linked-phone providers have no window.
  EXPECT_EQ(conv::decide(given({received("twilio", "1", 0)}, "twilio:1"),
                         conv::SendMessage{"hi", "", 25 * kHour})
                .error(),
            conv::Error::outside_window);
  EXPECT_TRUE(conv::decide(given({received("telegram", "1", 0)}, "telegram:1"),
                           conv::SendMessage{"hi", "", 99 * kHour})
                  .ok());
  EXPECT_TRUE(conv::decide(given({received("greenapi", "1", 0)}, "greenapi:1"),
                           conv::SendMessage{"hi", "", 99 * kHour})
                  .ok());
}

TEST(ChannelsDomain, HumanModeOnOffIsIdempotent) {
  auto s = given({received("telegram", "7", 1)}, "telegram:7");
  auto on = conv::decide(s, conv::RequestHandoff{"manager:34699", 5});
  ASSERT_TRUE(on.ok());
  ASSERT_EQ(on.value().size(), 1u);
  s = conv::evolve(s, on.value()[0]);
  EXPECT_TRUE(s.handoff_requested);
  EXPECT_EQ(s.handoff_by, "manager:34699");
  EXPECT_EQ(s.handoff_since_us, 5);
  EXPECT_TRUE(conv::decide(s, conv::RequestHandoff{"shopper", 6}).value().empty());
  auto off = conv::decide(s, conv::EndHandoff{"operator", 7});
  ASSERT_EQ(off.value().size(), 1u);
  s = conv::evolve(s, off.value()[0]);
  EXPECT_FALSE(s.handoff_requested);
  EXPECT_TRUE(conv::decide(s, conv::EndHandoff{"operator", 8}).value().empty());
  EXPECT_EQ(conv::decide(given({}, "telegram:8"), conv::RequestHandoff{"x", 1}).error(),
            conv::Error::not_started);
}

TEST(ChannelsDomain, DeliveryStatusesAreKnownWords) {
  auto s = given({received("whatsapp", "1", 1)}, "whatsapp:1");
  EXPECT_TRUE(conv::decide(s, conv::RecordDeliveryStatus{"wamid.1", "read", 2}).ok());
  EXPECT_EQ(conv::decide(s, conv::RecordDeliveryStatus{"wamid.1", "seen-ish", 2}).error(),
            conv::Error::invalid_status);
}

TEST(DeliveryDecider, PartsInOrderThenDone) {
  delivery::State s;
  EXPECT_EQ(delivery::decide(s, delivery::RecordPartSent{1, 2, "x", 1, 1}).error(),
            delivery::Error::wrong_part);
  auto first = delivery::decide(s, delivery::RecordPartSent{0, 2, "p0", 1, 1});
  ASSERT_TRUE(first.ok());
  s = delivery::evolve(s, first.value()[0]);
  EXPECT_FALSE(s.delivered());
  EXPECT_EQ(delivery::decide(s, delivery::RecordPartSent{1, 3, "x", 1, 1}).error(),
            delivery::Error::wrong_part);
  s = delivery::evolve(s,
                       delivery::decide(s, delivery::RecordPartSent{1, 2, "p1", 2, 2}).value()[0]);
  EXPECT_TRUE(s.delivered());
  EXPECT_EQ(s.platform_message_ids, (std::vector<std::string>{"p0", "p1"}));
  EXPECT_EQ(delivery::decide(s, delivery::DeadLetter{1, "late", 3}).error(),
            delivery::Error::already_delivered);
}

TEST(DeliveryDecider, DeadLettersUntilARetryIsRequested) {
  delivery::State s;
  EXPECT_EQ(delivery::decide(s, delivery::RequestRetry{"ops", 1}).error(),
            delivery::Error::not_dead);
  s = delivery::evolve(s, delivery::decide(s, delivery::DeadLetter{8, "HTTP 500", 1}).value()[0]);
  EXPECT_TRUE(s.dead);
  EXPECT_EQ(s.last_error, "HTTP 500");
  EXPECT_EQ(delivery::decide(s, delivery::RecordPartSent{0, 1, "x", 1, 2}).error(),
            delivery::Error::dead);
  s = delivery::evolve(s, delivery::decide(s, delivery::RequestRetry{"ops", 3}).value()[0]);
  EXPECT_FALSE(s.dead);
  EXPECT_TRUE(delivery::decide(s, delivery::RecordPartSent{0, 1, "x", 1, 4}).ok());
  EXPECT_EQ(s.version, 2u);
}

}  // namespace
}  // namespace parley::domain
