#include "events/group_commit_writer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <thread>

#include "events/memory_event_store.hpp"
#include "tests/support/events.hpp"
#include "tests/support/forwarding_store.hpp"

namespace parley::events {
namespace {

using testing::ev;
using testing::req;

// Holds every append_batch until released, so that requests pile up.
class GatedStore : public testing::ForwardingStore {
 public:
  std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& r) override {
    std::unique_lock lock(mu_);
    ++entered_;
    cv_.notify_all();
    cv_.wait(lock, [&] { return open_; });
    sizes_.push_back(r.size());
    return ForwardingStore::append_batch(r);
  }
  void wait_entered(int n) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return entered_ >= n; });
  }
  void open() {
    std::lock_guard lock(mu_);
    open_ = true;
    cv_.notify_all();
  }
  std::vector<size_t> sizes() {
    std::lock_guard lock(mu_);
    return sizes_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int entered_ = 0;
  bool open_ = false;
  std::vector<size_t> sizes_;
};

TEST(GroupCommitWriter, QueuedRequestsShareOneBatch) {
  GatedStore store;
  GroupCommitWriter writer(store);
  auto first = writer.submit(req("c", "first", 0, {ev("e")}));
  store.wait_entered(1);  // the writer is inside the first batch
  std::vector<std::future<AppendResult>> rest;
  for (int i = 0; i < 50; ++i)
    rest.push_back(writer.submit(req("c", std::to_string(i), 0, {ev("e")})));
  store.open();
  EXPECT_TRUE(first.get().status.ok());
  for (auto& f : rest) EXPECT_TRUE(f.get().status.ok());
  EXPECT_EQ(store.sizes(), (std::vector<size_t>{1, 50}));
  auto stats = writer.stats();
  EXPECT_EQ(stats.batches, 2u);
  EXPECT_EQ(stats.requests, 51u);
  EXPECT_EQ(stats.events, 51u);
  EXPECT_EQ(stats.batch_size_buckets[GroupCommitWriter::bucket_of(50)], 1u);
}

TEST(GroupCommitWriter, CompletesOnlyAfterTheWrite) {
  GatedStore store;
  GroupCommitWriter writer(store);
  auto f = writer.submit(req("c", "a", 0, {ev("e")}));
  store.wait_entered(1);
  EXPECT_EQ(f.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  store.open();
  EXPECT_TRUE(f.get().status.ok());
  EXPECT_EQ(store.last_position(), 1u);
}

TEST(GroupCommitWriter, KeepsSubmitOrderSoChainedAppendsSucceed) {
  MemoryEventStore store;
  GroupCommitWriter writer(store);
  std::vector<std::future<AppendResult>> fs;
  for (uint64_t i = 0; i < 500; ++i) fs.push_back(writer.submit(req("c", "a", i, {ev("e")})));
  for (auto& f : fs) EXPECT_TRUE(f.get().status.ok());
  EXPECT_EQ(*store.stream_head({"c", "a"}), 500u);
}

TEST(GroupCommitWriter, ManyThreadsAllComplete) {
  MemoryEventStore store;
  GroupCommitWriter writer(store);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (uint64_t i = 0; i < 200; ++i)
        if (writer.submit(req("c", std::to_string(t), i, {ev("e")})).get().status.ok()) ++ok;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 1600);
  EXPECT_EQ(store.last_position(), 1600u);
}

TEST(GroupCommitWriter, StopDrainsTheQueueThenRefuses) {
  GatedStore store;
  GroupCommitWriter writer(store);
  auto a = writer.submit(req("c", "a", 0, {ev("e")}));
  store.wait_entered(1);
  auto b = writer.submit(req("c", "b", 0, {ev("e")}));
  std::thread stopper([&] { writer.stop(); });
  store.open();
  stopper.join();
  EXPECT_TRUE(a.get().status.ok());
  EXPECT_TRUE(b.get().status.ok());
  EXPECT_EQ(writer.submit(req("c", "c", 0, {ev("e")})).get().status.code(), StoreErrc::closed);
}

TEST(GroupCommitWriter, BucketsArePowersOfTwo) {
  EXPECT_EQ(GroupCommitWriter::bucket_of(1), 0u);
  EXPECT_EQ(GroupCommitWriter::bucket_of(2), 1u);
  EXPECT_EQ(GroupCommitWriter::bucket_of(3), 2u);
  EXPECT_EQ(GroupCommitWriter::bucket_of(4096), 12u);
  EXPECT_EQ(GroupCommitWriter::bucket_of(100000), GroupCommitWriter::kBuckets - 1);
}

}  // namespace
}  // namespace parley::events
