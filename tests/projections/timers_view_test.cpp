// The timers view through a timer's life: what each row holds, byte for
// byte, and a restart that reads them back and goes on.
#include <gtest/gtest.h>

#include "tests/projections/views_fixture.hpp"

namespace parley::projections {
namespace {

std::string stored(Scene& s, const std::string& key) {
  auto v = s.store.get("v/timers/" + key);
  return v.ok() ? *v : "(none)";
}

TEST(TimersView, EachRowIsStoredAsCanonicalJsonThroughATimersLife) {
  Scene s;
  const std::string n1 = "nudge/whatsapp:1/n1";
  s.add("conversation", "whatsapp:1", "conversation.nudge_scheduled",
        {{"nudge_id", "whatsapp:1/n1"}, {"number", 1}, {"due_us", 111}}, 1);
  s.add("conversation", "whatsapp:1", "conversation.nudge_cancelled",
        {{"nudge_id", "whatsapp:1/n1"}, {"number", 1}, {"reason", "the shopper wrote"}}, 2);
  // Scheduled again under the same id: the row keeps what it had.
  s.add("conversation", "whatsapp:1", "conversation.nudge_scheduled",
        {{"nudge_id", "whatsapp:1/n1"}, {"number", 2}, {"due_us", 222}}, 3);
  s.add("conversation", "whatsapp:1", "conversation.nudge_sent",
        {{"nudge_id", "whatsapp:1/n1"},
         {"number", 2},
         {"template", {{"name", "cart_reminder"}, {"language", "es"}}}},
        4);
  s.add("lead", "acme", "lead.created", {{"company", "Acme"}, {"assignee", "ravi"}}, 5);
  s.add("lead", "acme", "lead.follow_up_scheduled",
        {{"step", {{"step_id", "s1"}, {"index", 0}, {"due_us", 333}, {"sequence", "demo"}}}}, 6);
  s.add("lead", "acme", "lead.follow_up_scheduled",
        {{"step", {{"step_id", "s2"}, {"index", 1}, {"due_us", 444}, {"sequence", "demo"}}}}, 7);
  s.add("lead", "acme", "lead.follow_up_sent", {{"step_id", "s1"}, {"to", "ravi@acme"}}, 8);
  s.add("lead", "acme", "lead.assigned", {{"from", "ravi"}, {"to", "neha"}}, 9);
  s.fold();
  const int64_t m = 60000000;
  const json nudge = {{"kind", "nudge"},
                      {"key", n1},
                      {"conversation_id", "whatsapp:1"},
                      {"channel", "whatsapp"},
                      {"scheduled_us", s.t + 1 * m},
                      {"number", 2},
                      {"due_us", 222},
                      {"state", "sent"},
                      {"reason", "the shopper wrote"},
                      {"settled_us", s.t + 4 * m},
                      {"template", {{"name", "cart_reminder"}, {"language", "es"}}}};
  EXPECT_EQ(stored(s, n1), canonical(nudge));
  json s1 = {{"kind", "follow_up"},
             {"key", "follow_up/acme/s1"},
             {"lead_id", "acme"},
             {"step_id", "s1"},
             {"sequence", "demo"},
             {"index", 0},
             {"due_us", 333},
             {"state", "sent"},
             {"scheduled_us", s.t + 6 * m},
             {"assignee", "ravi"},
             {"sent_to", "ravi@acme"},
             {"settled_us", s.t + 8 * m}};
  EXPECT_EQ(stored(s, "follow_up/acme/s1"), canonical(s1)) << "a sent step keeps its owner";
  json s2 = {{"kind", "follow_up"}, {"key", "follow_up/acme/s2"}, {"lead_id", "acme"},
             {"step_id", "s2"},     {"sequence", "demo"},         {"index", 1},
             {"due_us", 444},       {"state", "scheduled"},       {"scheduled_us", s.t + 7 * m},
             {"assignee", "neha"}};
  EXPECT_EQ(stored(s, "follow_up/acme/s2"), canonical(s2)) << "a pending step follows the lead";
  EXPECT_EQ(stored(s, "owner/acme"), canonical(json{{"assignee", "neha"}}));

  // A new process reads the rows back as they are, hands on what is pending,
  // and a pending step still follows its lead.
  Views again;
  std::map<std::string, int64_t> due;
  again.timers.on_change([&](const std::string& k, std::optional<int64_t> d) {
    if (d) due[k] = *d;
  });
  ProjectionEngine engine(s.log, s.store, again.all());
  ASSERT_TRUE(engine.open().ok());
  EXPECT_EQ(due, (std::map<std::string, int64_t>{{"follow_up/acme/s2", 444}}));
  {
    std::shared_lock lock(again.timers.mutex());
    EXPECT_EQ(again.timers.find(n1)->dump(), nudge.dump());
  }
  s.add("lead", "acme", "lead.assigned", {{"from", "neha"}, {"to", "omar"}}, 10);
  ASSERT_TRUE(engine.catch_up().ok());
  s2["assignee"] = "omar";
  EXPECT_EQ(stored(s, "follow_up/acme/s2"), canonical(s2));
  std::shared_lock lock(again.timers.mutex());
  EXPECT_EQ((*again.timers.find("follow_up/acme/s1"))["assignee"], "ravi");
}

TEST(TimersView, ASettlementBeforeItsScheduleShowsNothing) {
  Scene s;
  s.add("conversation", "telegram:3", "conversation.nudge_skipped",
        {{"nudge_id", "telegram:3/n1"}, {"reason", "quiet hours"}});
  s.fold();
  EXPECT_EQ(stored(s, "nudge/telegram:3/n1"), "(none)");
  std::shared_lock lock(s.v.timers.mutex());
  EXPECT_FALSE(s.v.timers.find("nudge/telegram:3/n1").has_value());
}

}  // namespace
}  // namespace parley::projections
