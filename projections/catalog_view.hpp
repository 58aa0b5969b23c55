// The catalog as a projection of product events: folds catalog.* events from
// the global log (skipping every other type by its header, without parsing),
// and publishes an immutable snapshot — the products and their search index —
// that readers take without locks. A follower thread catches up on a period;
// writers call catch_up() after an append to read their own writes.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "events/event_store.hpp"
#include "projections/search_index.hpp"

namespace parley::projections {

struct CatalogSnapshot {
  uint64_t position = 0;  // the log position this snapshot includes
  SearchIndex index;
};

class CatalogView {
 public:
  explicit CatalogView(events::EventStore& store);
  ~CatalogView();  // stop_following()

  // Folds the events after the checkpoint; rebuilds the index if any product
  // changed. Thread-safe; concurrent callers wait for each other.
  events::Status catch_up();
  std::shared_ptr<const CatalogSnapshot> snapshot() const;
  uint64_t checkpoint() const { return checkpoint_.load(); }
  // Products the log has ever mentioned, removed ones included.
  size_t known_products();

  void start_following(std::chrono::milliseconds every);
  void stop_following();

 private:
  events::EventStore& store_;
  std::mutex fold_mu_;                                      // one catch_up at a time
  std::map<std::string, domain::product::State> products_;  // guarded by fold_mu_
  std::atomic<uint64_t> checkpoint_{0};
  std::shared_ptr<const CatalogSnapshot> snapshot_;  // atomic_load/atomic_store

  std::mutex follow_mu_;
  std::condition_variable follow_cv_;
  bool following_ = false;
  std::thread follower_;
};

}  // namespace parley::projections
