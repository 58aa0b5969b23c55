// The latest records of the log, kept in memory by position, so that readers
// close behind the head (the projections, the outbox feed, every follower)
// visit them without the store: no iterator, no block read, and for a sealed
// log no opening of each personal member again per reader (issue 22: that
// re-reading and re-decoding was ~12 % of a chat turn's CPU under the mix).
//
//   put     a batch's records after the store made them durable; records are
//           the stored form (events/record_format.hpp), whatever the caller
//           wants readers to see (the sealed store: the plaintext)
//   run     consecutive records from a position, as many as are kept
//   clear   forgets everything; a put that began before (its generation is
//           older) is dropped, so nothing read before a clear lands after it
//
// A ring of `capacity` slots: a record is overwritten `capacity` positions
// later. Positions not kept are read from the store as before. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace parley::events {

class RecentRecords {
 public:
  using Bytes = std::shared_ptr<const std::string>;

  explicit RecentRecords(size_t capacity = size_t{1} << 15);

  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  // Keeps `records` (position, stored bytes) unless clear() ran since
  // `generation` was read.
  void put(uint64_t generation, std::vector<std::pair<uint64_t, Bytes>> records);
  // Appends to `out` the kept records at from, from + 1, … up to `max`;
  // stops at the first position not kept.
  void run(uint64_t from, size_t max, std::vector<std::pair<uint64_t, Bytes>>* out) const;
  // True when `position` is kept. Cheap for positions below every kept one.
  bool has(uint64_t position) const;
  void clear();

 private:
  struct Slot {
    uint64_t position = 0;  // 0: empty
    Bytes bytes;
  };
  mutable std::mutex mu_;
  std::vector<Slot> slots_;  // power-of-two size, indexed by position
  std::atomic<uint64_t> generation_{0};
  std::atomic<uint64_t> lowest_{UINT64_MAX};  // no kept position is below it
};

}  // namespace parley::events
