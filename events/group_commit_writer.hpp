// The one writer of the serving path. Callers on any thread submit append
// requests; a dedicated thread takes everything queued, hands it to the store
// as one batch (one synced WriteBatch for RocksEventStore) and completes each
// request only after that write returned. Submitting never blocks on I/O, so
// CAF scheduler threads may submit.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "events/event_store.hpp"

namespace parley::events {

class GroupCommitWriter {
 public:
  struct Options {
    // Upper bound of requests per batch; a fuller queue is split.
    size_t max_batch_requests = 4096;
  };
  // Runs on the writer thread once the request's batch is written (or failed).
  // It must not block: hand the result to an actor or a promise and return.
  using Completion = std::function<void(AppendResult)>;

  // Batch sizes are counted in power-of-two buckets: <=1, <=2, <=4 … <=4096, more.
  static constexpr size_t kBuckets = 14;
  struct Stats {
    uint64_t batches = 0;
    uint64_t requests = 0;
    uint64_t events = 0;
    uint64_t failed_requests = 0;
    uint64_t queued = 0;
    std::array<uint64_t, kBuckets> batch_size_buckets{};
  };

  explicit GroupCommitWriter(EventStore& store);
  GroupCommitWriter(EventStore& store, Options options);
  ~GroupCommitWriter();
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  // Queues the request. After stop() the completion runs at once with
  // StoreErrc::closed. Requests from one thread are written in submit order.
  void submit(AppendRequest request, Completion done);
  std::future<AppendResult> submit(AppendRequest request);

  // Writes everything already queued, completes it, and joins the thread.
  // Idempotent; call from the owning thread only.
  void stop();

  Stats stats() const;
  static size_t bucket_of(size_t batch_size);

 private:
  struct Item {
    AppendRequest request;
    Completion done;
  };
  void run();

  EventStore& store_;
  Options options_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Item> queue_;  // guarded by mu_
  bool stopping_ = false;    // guarded by mu_

  std::atomic<uint64_t> batches_{0}, requests_{0}, events_{0}, failed_{0};
  std::array<std::atomic<uint64_t>, kBuckets> buckets_{};
  std::thread thread_;
};

}  // namespace parley::events
