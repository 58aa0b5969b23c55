// Where an entity lives now (issue 23): the ring over the live members that
// others can reach (a peer address), as the last heartbeat saw them. Any
// thread may ask while the heartbeat updates it.
//
//   update(members)  true when the owners changed (someone joined or left)
//   peer_of(key)     "" when this node owns `key` (also before the first
//                    update, or when no member can be reached), else the
//                    owner's peer address
//   owns(key)        peer_of(key).empty()
//
// A key is "<entity type>/<entity id>" (key_of), the same on every node.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cluster/membership.hpp"
#include "cluster/ring.hpp"

namespace parley::cluster {

class Placement {
 public:
  explicit Placement(std::string self) : self_(std::move(self)) {}

  bool update(const std::vector<Member>& members);
  std::string peer_of(std::string_view key) const;
  bool owns(std::string_view key) const { return peer_of(key).empty(); }
  const std::string& self() const { return self_; }
  // The live members in the ring now, sorted.
  std::vector<std::string> members() const;

  static std::string key_of(std::string_view type, std::string_view id);

 private:
  struct View {
    Ring ring;
    std::unordered_map<std::string, std::string> peers;  // node id -> peer address
  };
  const std::string self_;
  std::shared_ptr<const View> view_;  // std::atomic_load / atomic_store
};

}  // namespace parley::cluster
