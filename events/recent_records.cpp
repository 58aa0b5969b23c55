#include "events/recent_records.hpp"

#include <algorithm>

namespace parley::events {

RecentRecords::RecentRecords(size_t capacity) {
  size_t size = 1;
  while (size < capacity) size *= 2;
  slots_.resize(size);
}

void RecentRecords::put(uint64_t generation, std::vector<std::pair<uint64_t, Bytes>> records) {
  if (records.empty()) return;
  std::lock_guard lock(mu_);
  if (generation != generation_.load(std::memory_order_relaxed)) return;
  const size_t mask = slots_.size() - 1;
  for (auto& [position, bytes] : records) {
    if (position == 0) continue;
    Slot& slot = slots_[position & mask];
    slot.position = position;
    slot.bytes = std::move(bytes);
  }
  // Below `lowest_` nothing is kept: the first position put since a start or
  // a clear, raised as the ring wraps. Only a shortcut: run() and has() check
  // each slot's position anyway.
  const uint64_t newest = records.back().first;
  const uint64_t floor = newest >= slots_.size() ? newest - slots_.size() + 1 : 1;
  uint64_t low = lowest_.load(std::memory_order_relaxed);
  if (low == UINT64_MAX) low = records.front().first;
  lowest_.store(std::max(low, floor), std::memory_order_release);
}

void RecentRecords::run(uint64_t from, size_t max,
                        std::vector<std::pair<uint64_t, Bytes>>* out) const {
  if (from < lowest_.load(std::memory_order_acquire)) return;
  std::lock_guard lock(mu_);
  const size_t mask = slots_.size() - 1;
  for (uint64_t p = from; out->size() < max; ++p) {
    const Slot& slot = slots_[p & mask];
    if (slot.position != p) return;
    out->emplace_back(p, slot.bytes);
  }
}

bool RecentRecords::has(uint64_t position) const {
  if (position < lowest_.load(std::memory_order_acquire)) return false;
  std::lock_guard lock(mu_);
  return slots_[position & (slots_.size() - 1)].position == position;
}

void RecentRecords::clear() {
  std::lock_guard lock(mu_);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  for (auto& slot : slots_) slot = Slot{};
  lowest_.store(UINT64_MAX, std::memory_order_release);
}

}  // namespace parley::events
