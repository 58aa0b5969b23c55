// Durable timers end to end in one process: a shopper goes quiet, the
// conversation schedules a nudge, the timers view hands it to the
// scheduler; the process stops with the nudge overdue, a new one loads the
// views from the store, and the nudge fires exactly once.
#include <gtest/gtest.h>

#include <fstream>

#include "actors/engine.hpp"
#include "actors/product_commands.hpp"
#include "crm/timer_scheduler.hpp"
#include "domain/catalog_csv.hpp"
#include "events/conversation_codec.hpp"
#include "events/group_commit_writer.hpp"
#include "events/memory_event_store.hpp"
#include "projections/catalog_view.hpp"
#include "projections/projection_engine.hpp"
#include "projections/timers_view.hpp"

namespace parley {
namespace {

const int64_t kStart = int64_t{1795321800} * 1000000;  // 2026-11-22T10:00+05:30
const int64_t kHour = int64_t{3600} * 1000000;

// One process: its engine, timers view and scheduler over the shared log and views.
struct Process {
  Process(events::EventStore& log, events::GroupCommitWriter& writer, projections::ViewStore& views,
          projections::CatalogView& catalog, std::atomic<int64_t>& now) {
    actors::EngineOptions o;
    o.conversations.catalog = [&catalog] { return catalog.snapshot(); };
    o.conversations.utc_offset_minutes = 330;
    o.conversations.nudges = domain::nudge::Policy{};  // the defaults, on
    engine = std::make_unique<actors::Engine>(log, writer, o);
    scheduler = std::make_unique<crm::TimerScheduler>(
        [&now] { return now.load(); },
        [this, &now](const std::string& key, int64_t) {
          const std::string id = key.substr(6);  // "nudge/<conversation>/n<k>"
          ++fired;
          auto r = engine->command(id.substr(0, id.rfind("/n")), actors::FireNudge{id, now.load()},
                                   std::chrono::seconds(5));
          return r.ok();
        });
    timers.on_change([this](const std::string& k, std::optional<int64_t> due) {
      if (due)
        scheduler->set(k, *due);
      else
        scheduler->clear(k);
    });
    projections = std::make_unique<projections::ProjectionEngine>(
        log, views, std::vector<projections::Projection*>{&timers});
    EXPECT_TRUE(projections->open().ok());
  }
  ~Process() { engine->shutdown(); }
  projections::TimersView timers;
  std::unique_ptr<actors::Engine> engine;
  std::unique_ptr<crm::TimerScheduler> scheduler;
  std::unique_ptr<projections::ProjectionEngine> projections;
  int fired = 0;
};

size_t nudges_sent(events::EventStore& log) {
  std::vector<events::EventEnvelope> all;
  log.read_all(1, SIZE_MAX, &all);
  size_t n = 0;
  for (const auto& e : all) n += e.type == "conversation.nudge_sent";
  return n;
}

TEST(NudgeTimers, AnOverdueNudgeFiresOnceAfterARestart) {
  events::MemoryEventStore log;
  events::GroupCommitWriter writer(log);
  projections::MemoryViewStore views;
  projections::CatalogView catalog(log);
  actors::ProductCommands products(log, writer, [] { return kStart; });
  std::ifstream in(PARLEY_DEMO_CATALOG);
  std::string csv((std::istreambuf_iterator<char>(in)), {});
  ASSERT_GT(products.import(domain::parse_catalog_csv(csv), "test").changed, 0u);
  ASSERT_TRUE(catalog.catch_up().ok());
  std::atomic<int64_t> now{kStart};

  {
    Process first(log, writer, views, catalog, now);
    actors::ChatTurn turn{domain::conversation::text_message(
                              "telegram", "4242", "I need something to fasten wood", "u1"),
                          "", kStart};
    auto r = first.engine->chat(turn, std::chrono::seconds(5));
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(first.projections->catch_up().ok());
    ASSERT_EQ(first.scheduler->pending(), 1u) << "the quiet shopper's nudge is a timer";
    EXPECT_EQ(*first.scheduler->due("nudge/telegram:4242/n1"), kStart + 3 * kHour);
    EXPECT_EQ(first.scheduler->fire_due(kStart + 3 * kHour - 1), 0u);
  }  // stops before the nudge is due

  now = kStart + 5 * kHour;  // back two hours late
  {
    Process second(log, writer, views, catalog, now);
    ASSERT_EQ(second.scheduler->pending(), 1u) << "loaded from the stored timers view";
    EXPECT_EQ(second.scheduler->fire_due(now), 1u);
    EXPECT_EQ(second.scheduler->fire_due(now), 0u);
    ASSERT_TRUE(second.projections->catch_up().ok());
    EXPECT_EQ(nudges_sent(log), 1u);
    // What follows is nudge 2, due tomorrow 13:00 local; not nudge 1 again.
    ASSERT_EQ(second.scheduler->pending(), 1u);
    EXPECT_EQ(*second.scheduler->due("nudge/telegram:4242/n2"),
              kStart + 27 * kHour);  // 23 Nov 13:00 +05:30
  }
  {
    Process third(log, writer, views, catalog, now);
    EXPECT_EQ(third.scheduler->fire_due(now), 0u) << "nothing fires twice";
    EXPECT_EQ(nudges_sent(log), 1u);
    std::shared_lock lock(third.timers.mutex());
    const auto row = third.timers.find("nudge/telegram:4242/n1");
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ((*row)["state"], "sent");
  }
}

}  // namespace
}  // namespace parley
