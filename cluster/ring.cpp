#include "cluster/ring.hpp"

#include <sodium.h>

#include <algorithm>

namespace parley::cluster {
namespace {

const std::string kNobody;

}  // namespace

uint64_t Ring::hash(std::string_view bytes) {
  // A fixed key: placement must agree across nodes, not resist an attacker
  // (an id's owner is no secret, and ids are the shop's own).
  static const unsigned char key[crypto_shorthash_KEYBYTES] = {'p', 'a', 'r', 'l', 'e', 'y',
                                                               '.', 'r', 'i', 'n', 'g'};
  unsigned char out[crypto_shorthash_BYTES];
  crypto_shorthash(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), key);
  uint64_t h = 0;
  for (unsigned char b : out) h = (h << 8) | b;
  return h;
}

Ring::Ring(std::vector<std::string> members) : members_(std::move(members)) {
  std::sort(members_.begin(), members_.end());
  members_.erase(std::unique(members_.begin(), members_.end()), members_.end());
  points_.reserve(members_.size() * kPoints);
  for (uint32_t m = 0; m < members_.size(); ++m)
    for (int i = 0; i < kPoints; ++i)
      points_.emplace_back(hash(members_[m] + "#" + std::to_string(i)), m);
  // Ties (astronomically rare) go to the smaller name on every node alike.
  std::sort(points_.begin(), points_.end());
}

std::vector<std::pair<std::string, double>> Ring::shares() const {
  std::vector<double> arc(members_.size(), 0.0);
  for (size_t i = 0; i < points_.size(); ++i) {
    // The arc up to a point belongs to that point's member; the first point's
    // arc wraps around from the last one.
    const uint64_t from = i == 0 ? points_.back().first : points_[i - 1].first;
    const uint64_t length = points_[i].first - from;  // modulo 2^64
    arc[points_[i].second] += static_cast<double>(length);
  }
  std::vector<std::pair<std::string, double>> out;
  for (size_t m = 0; m < members_.size(); ++m)
    out.emplace_back(members_[m], arc[m] / 18446744073709551616.0);  // of 2^64
  return out;
}

const std::string& Ring::owner(std::string_view entity_id) const {
  if (points_.empty()) return kNobody;
  const uint64_t h = hash(entity_id);
  auto it = std::lower_bound(points_.begin(), points_.end(), std::make_pair(h, uint32_t{0}));
  if (it == points_.end()) it = points_.begin();  // past the last point: the circle wraps
  return members_[it->second];
}

}  // namespace parley::cluster
