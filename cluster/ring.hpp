// Which node owns an entity (issue 23): a consistent-hash ring over the live
// members. Each member stands at kPoints places on a 64-bit circle (the hash
// of "<member>#<i>"); an entity belongs to the first point at or after its
// id's hash. So a member joining or leaving moves only the entities between
// its points and the points before them (about 1/N of them), and every node
// with the same member list computes the same owners. Pure: names in, owner
// out; the hash is SipHash-2-4 (libsodium) under a fixed key, the same on
// every machine and build.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::cluster {

class Ring {
 public:
  static constexpr int kPoints = 128;

  // Members in any order, duplicates ignored.
  explicit Ring(std::vector<std::string> members);

  // The member that owns `entity_id`; "" when there is none.
  const std::string& owner(std::string_view entity_id) const;
  const std::vector<std::string>& members() const { return members_; }
  // Each member's share of the circle (of the entities, on average), by name.
  std::vector<std::pair<std::string, double>> shares() const;
  bool empty() const { return members_.empty(); }

  // The stable hash the ring places members and ids with.
  static uint64_t hash(std::string_view bytes);

 private:
  std::vector<std::string> members_;                   // sorted
  std::vector<std::pair<uint64_t, uint32_t>> points_;  // sorted: hash, member index
};

}  // namespace parley::cluster
