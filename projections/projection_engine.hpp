// Runs projections over the global log. One scan serves every projection:
// each record's type is checked against what each projection wants (by the
// record header, without parsing the payload), a wanted record is decoded
// once and its payload parsed at most once. Every `batch_events` events, and
// at the end of a catch-up, the rows each projection changed and its new
// checkpoint go to the view store in one atomic batch (ingested as a sorted
// file when the fold is long: ViewStore::ingest).
//
// A long fold (a rebuild, or a start after a long stop) is spread over
// `lanes` threads: the projections are split into groups of about equal
// Projection::weight(), and each group scans the log on its own thread. A
// projection is always folded by one thread, in log order, so lanes change
// nothing in what is written, only when.
//
// The engine only reads the log (a snapshot iterator) and writes to its own
// view store, so appends never wait for it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "events/event_store.hpp"
#include "projections/periodic_thread.hpp"
#include "projections/projection.hpp"

namespace parley::projections {

struct RebuildProgress {
  uint64_t position = 0;  // the last position folded
  uint64_t head = 0;      // the log's head when the rebuild started
  uint64_t events = 0;    // events applied so far, once per lane that read them
  double seconds = 0;
};

struct FoldOptions {
  size_t batch_events = 4096;      // events between commits
  unsigned lanes = 1;              // threads for a long fold
  uint64_t parallel_from = 20000;  // a fold of fewer events runs on one thread
};

class ProjectionEngine {
 public:
  ProjectionEngine(events::EventStore& log, ViewStore& views, std::vector<Projection*> projections,
                   FoldOptions options = {});
  ~ProjectionEngine();  // stop()

  // Loads each projection's stored rows and checkpoint. A projection whose
  // stored fingerprint differs (or that has none) starts empty at 0.
  events::Status open();
  // Folds every projection up to the log's head.
  events::Status catch_up();
  // Drops the named projections ("all" for every one) and folds them again
  // from position 0; `progress` is called after each committed batch, on the
  // calling thread. Needs no open(): the other projections are not touched.
  events::Status rebuild(const std::vector<std::string>& names,
                         const std::function<void(const RebuildProgress&)>& progress = {});

  void start(std::chrono::milliseconds every);
  void stop();
  void wake();

  const std::vector<Projection*>& projections() const { return projections_; }
  Projection* find(const std::string& name) const;
  uint64_t lag(const std::string& name) const;
  uint64_t events_applied() const { return applied_.load(); }
  // Events skipped because a fold threw on them (projections/fold_rule.hpp).
  uint64_t skipped() const { return skipped_.load(); }

  static std::string checkpoint_key(const std::string& projection);
  static std::string row_prefix(const std::string& projection);
  // Erases the rows and checkpoint of a view no longer folded (one an
  // earlier version kept); nothing when there are none.
  static events::Status drop_view(ViewStore& views, const std::string& projection);

 private:
  struct Lane;
  events::Status fold(const std::vector<Projection*>& behind, uint64_t to_position,
                      const std::function<void(const RebuildProgress&)>& progress);
  events::Status fold_lane(Lane& lane, uint64_t to_position);
  events::Status commit(uint64_t position, const std::vector<Projection*>& group, bool bulk);

  events::EventStore& log_;
  ViewStore& views_;
  std::vector<Projection*> projections_;
  FoldOptions options_;
  std::mutex fold_mu_;
  std::atomic<uint64_t> applied_{0};
  std::atomic<uint64_t> skipped_{0};

  PeriodicThread follower_;
};

}  // namespace parley::projections
