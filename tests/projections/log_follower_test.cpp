// The in-memory followers' rule for a failing event, the projection
// engine's too: an event that can never be folded is logged and skipped; a
// failure that may pass stops the catch-up there, to be tried again.
#include "projections/log_follower.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "events/memory_event_store.hpp"

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

}  // namespace
}  // namespace parley::projections
