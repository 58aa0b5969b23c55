// The activity view: one row per entry, keyed by the event's place in its
// entity's stream, written once; nothing held in memory or loaded at start.
#include <gtest/gtest.h>

#include "tests/projections/views_fixture.hpp"

namespace parley::projections {
namespace {

std::map<std::string, std::string> rows_under(ViewStore& store, const std::string& prefix) {
  std::map<std::string, std::string> out;
  for (auto& [k, v] : dump(store))
    if (k.rfind(prefix, 0) == 0) out.emplace(k.substr(prefix.size()), v);
  return out;
}

TEST(ActivityView, EachEntryIsARowOfItsOwnUnderItsPlaceInTheStream) {
  Scene s;
  s.add("conversation", "telegram:5", "conversation.message_received", {{"text", "hola"}});
  s.add("conversation", "telegram:5", "conversation.stage_changed", {{"stage", "browsing"}});
  s.add("conversation", "telegram:5", "conversation.message_sent", {{"text", "¡Hola!"}});
  s.fold();
  const std::string prefix = "v/activity/conversation/telegram:5/";
  const auto first = rows_under(s.store, prefix);
  ASSERT_EQ(first.size(), 2u);  // the stage change is left out of the history
  EXPECT_EQ(first.begin()->first, "000000000001");
  EXPECT_EQ(first.rbegin()->first, "000000000003");
  EXPECT_EQ(json::parse(first.at("000000000003"))["text"], "Answered: ¡Hola!");

  s.add("conversation", "telegram:5", "conversation.message_received", {{"text", "gracias"}});
  s.fold();
  const auto second = rows_under(s.store, prefix);
  ASSERT_EQ(second.size(), 3u);
  for (const auto& [k, v] : first) EXPECT_EQ(second.at(k), v) << k;  // written once
  EXPECT_EQ(json::parse(second.at("000000000004"))["by"], "shopper");
}

TEST(ActivityView, AfterARestartTheHistoryGoesOnInOrder) {
  events::MemoryEventStore log;
  MemoryViewStore store;
  const int64_t t = int64_t{1795321800} * 1000000;
  auto say = [&](const std::string& text, int64_t at) {
    events::AppendRequest r{{"lead", "L-1"}, events::kAnySeq, {}, {}};
    r.events.push_back(
        {"lead.activity_added", 1, at, "", json{{"note", text}, {"by", "ana"}}.dump()});
    ASSERT_TRUE(log.append(r).status.ok());
  };
  for (int i = 0; i < 12; ++i) say("note " + std::to_string(i), t + i);
  {
    Views v;
    ProjectionEngine engine(log, store, v.all());
    ASSERT_TRUE(engine.open().ok());
    ASSERT_TRUE(engine.catch_up().ok());
  }
  say("after the restart", t + 100);
  Views v;
  ProjectionEngine engine(log, store, v.all());
  ASSERT_TRUE(engine.open().ok());
  EXPECT_EQ(v.activity.checkpoint(), 12u);
  ASSERT_TRUE(engine.catch_up().ok());
  auto entries = ActivityView::entries(store, "lead", "L-1");
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 13u);
  EXPECT_EQ((*entries)[0]["text"], "Note: note 0");
  EXPECT_EQ((*entries)[10]["text"], "Note: note 10");  // "…10" after "…9": keys are padded
  EXPECT_EQ((*entries)[12]["text"], "Note: after the restart");
  EXPECT_EQ((*entries)[12]["by"], "ana");
}

TEST(ActivityView, AnEntityWithoutHistoryIsNotFound) {
  Scene s;
  s.add("conversation", "telegram:6", "conversation.message_received", {{"text", "hi"}});
  s.fold();
  EXPECT_TRUE(ActivityView::entries(s.store, "conversation", "telegram:6").ok());
  EXPECT_TRUE(
      ActivityView::entries(s.store, "conversation", "telegram:60").status().is_not_found());
}

}  // namespace
}  // namespace parley::projections
