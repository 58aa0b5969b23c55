// The activity history, read from the entity's stream: the events a person
// cares about, in words, oldest first; a long stream read in pages.
#include <gtest/gtest.h>

#include "events/memory_event_store.hpp"
#include "projections/activity.hpp"
#include "tests/projections/views_fixture.hpp"

namespace parley::projections {
namespace {

struct Stream {
  events::MemoryEventStore log;
  int64_t t = int64_t{1795321800} * 1000000;  // 2026-11-22T10:00+05:30
  void add(const std::string& type, const std::string& id, const std::string& event_type,
           const json& payload) {
    events::AppendRequest r{{type, id}, events::kAnySeq, {}, {}};
    r.events.push_back({event_type, 1, t++, "", payload.dump()});
    ASSERT_TRUE(log.append(r).status.ok());
  }
};

TEST(Activity, TheHistoryIsTheEntitysStreamInWords) {
  Stream s;
  s.add("conversation", "telegram:5", "conversation.message_received", {{"text", "hola"}});
  s.add("conversation", "telegram:5", "conversation.stage_changed", {{"stage", "browsing"}});
  s.add("conversation", "telegram:5", "conversation.products_shown", {{"skus", {"A"}}});
  s.add("conversation", "telegram:5", "conversation.message_sent", {{"text", "¡Hola!"}});
  s.add("conversation", "telegram:5", "cart.item_added",
        {{"line", {{"sku", "A"}, {"name", "Martillo"}, {"quantity", 2}}}});
  s.add("conversation", "telegram:5", "conversation.message_sent",
        {{"text", "Te atiendo yo"}, {"author", "ana"}});
  s.add("conversation", "telegram:6", "conversation.message_received", {{"text", "other"}});
  auto h = activity_history(s.log, "conversation", "telegram:5", kolkata());
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 4u) << h->dump();  // stage changes and products shown are left out
  EXPECT_EQ((*h)[0], json({{"at_us", s.t - 7},
                           {"by", "shopper"},
                           {"text", "Wrote: hola"},
                           {"type", "conversation.message_received"}}));
  EXPECT_EQ((*h)[1]["by"], "bot");
  EXPECT_EQ((*h)[1]["text"], "Answered: ¡Hola!");
  EXPECT_EQ((*h)[2]["text"], "Added 2 × Martillo");
  EXPECT_EQ((*h)[3]["by"], "ana");
}

TEST(Activity, ALongStreamIsReadWholeAndInOrder) {
  Stream s;
  for (int i = 0; i < 1300; ++i)  // more than two pages
    s.add("lead", "L-1", "lead.activity_added",
          {{"note", "note " + std::to_string(i)}, {"by", "ravi"}});
  auto h = activity_history(s.log, "lead", "L-1", kolkata());
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 1300u);
  EXPECT_EQ((*h)[0]["text"], "Note: note 0");
  EXPECT_EQ((*h)[512]["text"], "Note: note 512");
  EXPECT_EQ((*h)[1299]["text"], "Note: note 1299");
  EXPECT_EQ((*h)[1299]["by"], "ravi");
}

TEST(Activity, AnEntityWithoutHistoryIsNotFound) {
  Stream s;
  s.add("conversation", "telegram:7", "conversation.stage_changed", {{"stage", "browsing"}});
  EXPECT_TRUE(
      activity_history(s.log, "conversation", "telegram:7", kolkata()).status().is_not_found());
  EXPECT_TRUE(activity_history(s.log, "lead", "nobody", kolkata()).status().is_not_found());
}

}  // namespace
}  // namespace parley::projections
