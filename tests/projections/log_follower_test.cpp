// The one rule for a failing event (projections/fold_rule.hpp), for the
// in-memory followers and the projection engine alike: an event that can never be folded is logged
// and skipped; a failure that may pass stops the catch-up there, to be tried again.
#include "projections/log_follower.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "events/memory_event_store.hpp"
#include "projections/projection_engine.hpp"

namespace parley::projections {
namespace {

class Recorder final : public LogFollower {
 public:
  using LogFollower::LogFollower;
  ~Recorder() override { stop_following(); }
  std::vector<std::string> folded;
  bool io_down = false;
  std::string_view name() const override { return "recorder"; }

 protected:
  bool wants(std::string_view type) const override { return type == "test.thing"; }
  events::Status apply(const events::EventEnvelope& e) override {
    if (e.payload == "\"bad\"") return events::Status::Corruption("not a thing");
    if (e.payload == "\"throws\"") throw std::runtime_error("fold bug");
    if (e.payload == "\"needs io\"" && io_down) return events::Status::IoError("disk away");
    folded.push_back(e.payload);
    return events::Status::Ok();
  }
  void publish(uint64_t) override {}
};

struct LogFollowerTest : ::testing::Test {
  events::MemoryEventStore store;
  uint64_t seq = 0;
  void add(const std::string& payload) {
    events::AppendRequest r{{"thing", "t"}, seq, {{"test.thing", 1, 1, "", payload}}, std::nullopt};
    ASSERT_TRUE(store.append(std::move(r)).status.ok());
    ++seq;
  }
};

TEST_F(LogFollowerTest,
       GivenAnEventThatCanNeverBeFoldedWhenCaughtUpThenItIsSkippedAndTheRestFolded) {
  add("\"one\"");
  add("\"bad\"");
  add("\"throws\"");
  add("\"two\"");
  Recorder r(store);
  EXPECT_TRUE(r.catch_up().ok());
  EXPECT_EQ(r.folded, (std::vector<std::string>{"\"one\"", "\"two\""}));
  EXPECT_EQ(r.skipped(), 2u);
  EXPECT_EQ(r.checkpoint(), store.last_position());
}

TEST_F(LogFollowerTest, GivenAFailureThatMayPassWhenCaughtUpThenItStopsThereAndResumesLater) {
  add("\"one\"");
  add("\"needs io\"");
  add("\"two\"");
  Recorder r(store);
  r.io_down = true;
  EXPECT_FALSE(r.catch_up().ok());
  EXPECT_EQ(r.folded, (std::vector<std::string>{"\"one\""}));
  EXPECT_EQ(r.skipped(), 0u);
  r.io_down = false;
  EXPECT_TRUE(r.catch_up().ok());
  EXPECT_EQ(r.folded, (std::vector<std::string>{"\"one\"", "\"needs io\"", "\"two\""}));
}

// A persisted projection under the same rule: the engine skips what it throws on.
class Counter final : public Projection {
 public:
  std::vector<std::string> folded;
  const std::string& name() const override { return name_; }
  std::string fingerprint() const override { return "counter-1"; }
  bool wants(std::string_view type) const override { return type == "test.thing"; }
  void apply(const ProjectedEvent& e) override {
    if (e.env.payload == "\"throws\"") throw std::runtime_error("fold bug");
    folded.push_back(e.env.payload);
  }
  void take_changes(std::vector<ViewWrite>*) override {}
  events::Status load_row(std::string_view, std::string_view) override {
    return events::Status::Ok();
  }
  void clear() override { folded.clear(); }

 private:
  std::string name_ = "counter";
};

TEST_F(LogFollowerTest, GivenAPersistedViewThatThrowsOnAnEventWhenCaughtUpThenTheEngineSkipsIt) {
  add("\"one\"");
  add("\"throws\"");
  add("\"two\"");
  MemoryViewStore views;
  Counter counter;
  ProjectionEngine engine(store, views, {&counter});
  ASSERT_TRUE(engine.open().ok());
  EXPECT_TRUE(engine.catch_up().ok());
  EXPECT_EQ(counter.folded, (std::vector<std::string>{"\"one\"", "\"two\""}));
  EXPECT_EQ(engine.skipped(), 1u);
  EXPECT_EQ(counter.checkpoint(), store.last_position());
}

}  // namespace
}  // namespace parley::projections
