// Shopper nudges, given/when/then over the pure rules with an injected
// clock: work-hour edges, time zones, reset on reply, the stop after two,
// handoff, order placed, and WhatsApp's 24-hour window.
#include <gtest/gtest.h>

#include "crm/time_zone.hpp"
#include "domain/nudge.hpp"

namespace parley::domain {
namespace {

namespace conv = conversation;
constexpr int64_t kMin = int64_t{60} * 1000000;
constexpr int64_t kHour = 60 * kMin;

nudge::OffsetAt zone(const std::string& name) {
  auto z = *crm::TimeZone::load(name);
  return [z](int64_t us) { return int64_t{z.offset_minutes_at(us)} * kMin; };
}

// UTC µs of a local wall-clock time in `name`.
int64_t at(const std::string& name, const std::string& local) {
  return *crm::TimeZone::load(name)->to_utc(local);
}

conv::State fold(const std::vector<conv::Event>& events,
                 const std::string& id = "whatsapp:34600111222") {
  conv::State s = conv::initial_state(id);
  for (const auto& e : events) s = conv::evolve(std::move(s), e);
  return s;
}

conv::MessageReceived said(int64_t when, const std::string& channel = "whatsapp") {
  conv::MessageReceived m;
  m.message_id = "m";
  m.channel = channel;
  m.user_id = "34600111222";
  m.text = "hola";
  m.at_us = when;
  return m;
}
conv::MessageSent answered(int64_t when, const std::string& channel = "whatsapp") {
  return conv::MessageSent{"s", channel, "34600111222", "Aquí tienes", "m", when};
}
const conv::ProductsShown kShown{{"HW-SCR-001"}};

// The one NudgeScheduled that plan() gives, or fails the test.
conv::NudgeScheduled scheduled(const conv::State& s, const nudge::Policy& p,
                               const nudge::OffsetAt& z) {
  auto events = nudge::plan(s, p, z);
  EXPECT_EQ(events.size(), 1u);
  if (events.empty() || !std::holds_alternative<conv::NudgeScheduled>(events[0])) return {};
  return std::get<conv::NudgeScheduled>(events[0]);
}

TEST(Nudge, WorkHourEdgesInTheStoresZone) {
  const auto madrid = zone("Europe/Madrid");
  nudge::Policy p;
  struct Case {
    std::string last, due;
  };
  // Silent 3 hours, moved into 09:00–19:00 local.
  for (const auto& c : std::vector<Case>{{"2026-11-23T05:30", "2026-11-23T09:00"},
                                         {"2026-11-23T06:00", "2026-11-23T09:00"},
                                         {"2026-11-23T06:01", "2026-11-23T09:01"},
                                         {"2026-11-23T15:59", "2026-11-23T18:59"},
                                         {"2026-11-23T16:00", "2026-11-24T09:00"},
                                         {"2026-11-23T23:30", "2026-11-24T09:00"}}) {
    const int64_t last = at("Europe/Madrid", c.last);
    auto s = fold({said(last), kShown, answered(last)});
    EXPECT_EQ(scheduled(s, p, madrid).due_us, at("Europe/Madrid", c.due)) << c.last;
  }
}

TEST(Nudge, TheSameInstantIsInsideWorkHoursInOneZoneAndNotInAnother) {
  nudge::Policy p;
  const int64_t last = at("UTC", "2026-11-23T07:00");  // + 3 h = 10:00 UTC
  auto s = fold({said(last), kShown, answered(last)});
  // 15:30 in Kolkata: inside; 05:00 in New York: waits for 09:00 New York.
  EXPECT_EQ(scheduled(s, p, zone("Asia/Kolkata")).due_us, last + 3 * kHour);
  EXPECT_EQ(scheduled(s, p, zone("America/New_York")).due_us,
            at("America/New_York", "2026-11-23T09:00"));
  // Across a DST change: the second nudge is at 13:00 local on the next day.
  const int64_t sent = at("Europe/Madrid", "2026-10-24T18:00");  // the day before DST ends
  EXPECT_EQ(nudge::next_due(sent, p, zone("Europe/Madrid")),
            at("Europe/Madrid", "2026-10-25T13:00"));
}

TEST(Nudge, NothingToNudgeWithoutShoppingAndNothingAfterTheOrder) {
  nudge::Policy p;
  const auto utc = zone("UTC");
  const int64_t t = at("UTC", "2026-11-23T10:00");
  EXPECT_TRUE(nudge::plan(fold({said(t), answered(t)}), p, utc).empty()) << "only chatted";
  auto shopping = fold({said(t), kShown, answered(t)});
  auto n1 = scheduled(shopping, p, utc);
  shopping = conv::evolve(shopping, n1);
  auto after_order = conv::evolve(shopping, conv::OrderPlaced{"O1", 1000, "EUR"});
  auto events = nudge::plan(after_order, p, utc);
  ASSERT_EQ(events.size(), 1u);
  auto cancelled = std::get<conv::NudgeCancelled>(events[0]);
  EXPECT_EQ(cancelled.reason, "order_placed");
  EXPECT_EQ(cancelled.nudge_id, n1.nudge_id);
}

TEST(Nudge, FiresTwiceThenStopsAndAReplyResetsTheCount) {
  nudge::Policy p;
  const auto utc = zone("UTC");
  const int64_t t = at("UTC", "2026-11-23T10:00");
  // Telegram: nudge 2 (the next day at 13:00) is past WhatsApp's 24 hours.
  auto s = fold({said(t, "telegram"), kShown, answered(t, "telegram")}, "telegram:34600111222");
  auto n1 = scheduled(s, p, utc);
  EXPECT_EQ(n1.number, 1u);
  s = conv::evolve(s, n1);
  // Not before it is due; a stale id does nothing.
  EXPECT_TRUE(nudge::fire(s, {n1.nudge_id, n1.due_us - 1, "¿Sigues ahí?"}, p, utc).empty());
  EXPECT_TRUE(nudge::fire(s, {"other/n9", n1.due_us, "¿Sigues ahí?"}, p, utc).empty());
  auto fired = nudge::fire(s, {n1.nudge_id, n1.due_us, "¿Sigues ahí?"}, p, utc);
  ASSERT_EQ(fired.size(), 3u);  // sent, the message, nudge 2 scheduled
  EXPECT_TRUE(std::holds_alternative<conv::NudgeSent>(fired[0]));
  EXPECT_EQ(std::get<conv::MessageSent>(fired[1]).text, "¿Sigues ahí?");
  auto n2 = std::get<conv::NudgeScheduled>(fired[2]);
  EXPECT_EQ(n2.number, 2u);
  EXPECT_EQ(n2.due_us, at("UTC", "2026-11-24T13:00"));
  for (const auto& e : fired) s = conv::evolve(s, e);
  fired = nudge::fire(s, {n2.nudge_id, n2.due_us, "Último aviso"}, p, utc);
  ASSERT_EQ(fired.size(), 2u) << "sent and its message; no third";
  for (const auto& e : fired) s = conv::evolve(s, e);
  EXPECT_EQ(s.nudges_sent, 2u);
  EXPECT_TRUE(nudge::plan(s, p, utc).empty());
  // The shopper writes again: the count starts over at nudge 1.
  const int64_t later = at("UTC", "2026-11-24T15:00");
  s = conv::evolve(conv::evolve(s, said(later, "telegram")), answered(later, "telegram"));
  auto again = scheduled(s, p, utc);
  EXPECT_EQ(again.number, 1u);
  EXPECT_EQ(again.due_us, later + 3 * kHour);
}

TEST(Nudge, AReplyBeforeItIsDueMovesTheSameNudge) {
  nudge::Policy p;
  const auto utc = zone("UTC");
  const int64_t t = at("UTC", "2026-11-23T10:00");
  auto s = fold({said(t), kShown, answered(t)});
  auto n1 = scheduled(s, p, utc);
  s = conv::evolve(s, n1);
  const int64_t reply = t + kHour;
  s = conv::evolve(conv::evolve(s, said(reply)), answered(reply));
  auto moved = scheduled(s, p, utc);
  EXPECT_EQ(moved.nudge_id, n1.nudge_id);
  EXPECT_EQ(moved.due_us, reply + 3 * kHour);
}

TEST(Nudge, NoneWhileAPersonHasTheConversation) {
  nudge::Policy p;
  const auto utc = zone("UTC");
  const int64_t t = at("UTC", "2026-11-23T10:00");
  auto s = fold({said(t), kShown, answered(t)});
  auto n1 = scheduled(s, p, utc);
  s = conv::evolve(s, n1);
  auto human = conv::evolve(s, conv::HandoffRequested{"shopper", t});
  auto events = nudge::plan(human, p, utc);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<conv::NudgeCancelled>(events[0]).reason, "handoff");
  // A timer that fires in human mode cancels instead of sending.
  auto fired = nudge::fire(human, {n1.nudge_id, n1.due_us, "hola"}, p, utc);
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(std::get<conv::NudgeCancelled>(fired[0]).reason, "handoff");
}

TEST(Nudge, OutsideWhatsAppsWindowATemplateOrNothing) {
  nudge::Policy p;
  p.silence_us = 25 * kHour;  // due after the 24-hour window closed
  const auto utc = zone("UTC");
  const int64_t t = at("UTC", "2026-11-23T10:00");
  auto s = fold({said(t), kShown, answered(t)});
  auto n1 = scheduled(s, p, utc);
  s = conv::evolve(s, n1);
  auto skipped = nudge::fire(s, {n1.nudge_id, n1.due_us, "hola"}, p, utc);
  ASSERT_EQ(skipped.size(), 1u) << "never free text outside the window";
  EXPECT_EQ(std::get<conv::NudgeSkipped>(skipped[0]).reason, "outside_24h_window");
  auto after = conv::evolve(s, skipped[0]);
  EXPECT_TRUE(nudge::plan(after, p, utc).empty()) << "the rest would be outside it too";

  p.outside_window_template = {"cart_reminder", "es", {}};
  auto sent = nudge::fire(s, {n1.nudge_id, n1.due_us, "hola", {"Tornillos"}}, p, utc);
  ASSERT_GE(sent.size(), 2u);
  EXPECT_EQ(std::get<conv::NudgeSent>(sent[0]).template_name, "cart_reminder");
  const auto& m = std::get<conv::MessageSent>(sent[1]);
  EXPECT_EQ(m.template_message.name, "cart_reminder");
  EXPECT_EQ(m.template_message.parameters, std::vector<std::string>{"Tornillos"});
  // Telegram has no such window: free text.
  auto tg = conv::initial_state("telegram:5");
  for (const auto& e : std::vector<conv::Event>{
           conv::MessageReceived{conv::text_message("telegram", "5", "hi", ""), "m", "", t}, kShown,
           conv::MessageSent{"s", "telegram", "5", "ok", "m", t}})
    tg = conv::evolve(tg, e);
  p.outside_window_template = {};
  auto tn = scheduled(tg, p, utc);
  tg = conv::evolve(tg, tn);
  auto free_text = nudge::fire(tg, {tn.nudge_id, tn.due_us, "hi again"}, p, utc);
  ASSERT_GE(free_text.size(), 2u);
  EXPECT_TRUE(std::get<conv::MessageSent>(free_text[1]).template_message.empty());
}

}  // namespace
}  // namespace parley::domain
