// Which rows of a view changed, in order, for readers that want to hear of it
// as it happens (the inbox's event stream). The view publishes the ids a
// committed batch changed (a `row` change), or whose page shows news the row
// does not hold (a `detail`: a message's delivery tick); a reader asks for what came after the last
// sequence number it saw and waits, bounded, when nothing has. The feed
// keeps the last kKeep changes: a reader further behind is told to reload
// (`behind`). close() wakes every waiting reader for good (shutdown).
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace parley::projections {

class ChangeFeed {
 public:
  static constexpr size_t kKeep = 4096;

  enum class Kind : uint8_t { row, detail };
  struct Change {
    uint64_t seq = 0;  // 1, 2, … in publishing order
    std::string id;
    Kind kind = Kind::row;
  };
  struct Read {
    std::vector<Change> changes;
    bool behind = false;  // changes after `after` were dropped: reload
    bool closed = false;
  };

  void publish(const std::vector<std::string>& ids, Kind kind = Kind::row);
  // The changes after `after`, waiting up to `wait` for the first one.
  Read since(uint64_t after, std::chrono::milliseconds wait) const;
  uint64_t head() const;
  void close();

 private:
  mutable std::mutex mu_;
  mutable std::condition_variable changed_;
  std::deque<Change> kept_;
  uint64_t head_ = 0;
  bool closed_ = false;
};

}  // namespace parley::projections
