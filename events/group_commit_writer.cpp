#include "events/group_commit_writer.hpp"

namespace parley::events {

GroupCommitWriter::GroupCommitWriter(EventStore& store) : GroupCommitWriter(store, Options{}) {}

GroupCommitWriter::GroupCommitWriter(EventStore& store, Options options)
    : store_(store), options_(options) {
  thread_ = std::thread([this] { run(); });
}

GroupCommitWriter::~GroupCommitWriter() {
  stop();
}

void GroupCommitWriter::submit(AppendRequest request, Completion done) {
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      queue_.push_back({std::move(request), std::move(done)});
      if (queue_.size() == 1) cv_.notify_one();
      return;
    }
  }
  done(AppendResult::failure(Status::Closed("writer is stopped")));
}

std::future<AppendResult> GroupCommitWriter::submit(AppendRequest request) {
  auto promise = std::make_shared<std::promise<AppendResult>>();
  auto future = promise->get_future();
  submit(std::move(request), [promise](AppendResult r) { promise->set_value(std::move(r)); });
  return future;
}

void GroupCommitWriter::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

size_t GroupCommitWriter::bucket_of(size_t n) {
  size_t b = 0;
  for (size_t limit = 1; b + 1 < kBuckets && n > limit; limit <<= 1) ++b;
  return b;
}

void GroupCommitWriter::run() {
  std::vector<Item> taken;
  std::vector<AppendRequest> requests;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping and drained
      if (queue_.size() <= options_.max_batch_requests) {
        taken.swap(queue_);
      } else {
        auto split = queue_.begin() + static_cast<std::ptrdiff_t>(options_.max_batch_requests);
        taken.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(split));
        queue_.erase(queue_.begin(), split);
      }
    }
    requests.clear();
    requests.reserve(taken.size());
    for (auto& item : taken) requests.push_back(std::move(item.request));
    auto results = store_.append_batch(requests);

    batches_.fetch_add(1, std::memory_order_relaxed);
    requests_.fetch_add(taken.size(), std::memory_order_relaxed);
    buckets_[bucket_of(taken.size())].fetch_add(1, std::memory_order_relaxed);
    uint64_t failed = 0, written = 0;
    for (size_t i = 0; i < taken.size(); ++i) {
      if (results[i].status.ok()) {
        written += results[i].last_seq - results[i].first_seq + 1;
      } else {
        ++failed;
      }
    }
    events_.fetch_add(written, std::memory_order_relaxed);
    failed_.fetch_add(failed, std::memory_order_relaxed);
    for (size_t i = 0; i < taken.size(); ++i) taken[i].done(std::move(results[i]));
    taken.clear();
  }
}

GroupCommitWriter::Stats GroupCommitWriter::stats() const {
  Stats s;
  s.batches = batches_.load(std::memory_order_relaxed);
  s.requests = requests_.load(std::memory_order_relaxed);
  s.events = events_.load(std::memory_order_relaxed);
  s.failed_requests = failed_.load(std::memory_order_relaxed);
  for (size_t i = 0; i < kBuckets; ++i) s.batch_size_buckets[i] = buckets_[i].load();
  {
    std::lock_guard lock(mu_);
    s.queued = queue_.size();
  }
  return s;
}

}  // namespace parley::events
