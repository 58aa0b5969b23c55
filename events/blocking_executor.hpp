// A fixed pool of threads for blocking store work that is not an append:
// entity recovery reads and snapshot saves. Keeps them off CAF's scheduler
// threads and off the writer thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace parley::events {

class BlockingExecutor {
 public:
  explicit BlockingExecutor(size_t threads);
  ~BlockingExecutor();  // runs every queued task, then joins
  BlockingExecutor(const BlockingExecutor&) = delete;
  BlockingExecutor& operator=(const BlockingExecutor&) = delete;

  // Queues `task`; false (and the task is dropped) after shutdown began.
  bool post(std::function<void()> task);
  void shutdown();

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace parley::events
