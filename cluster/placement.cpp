#include "cluster/placement.hpp"

#include <atomic>

namespace parley::cluster {

bool Placement::update(const std::vector<Member>& members) {
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::string> peers;
  for (const auto& m : members) {
    if (!m.live || m.peer.empty()) continue;
    ids.push_back(m.node_id);
    peers[m.node_id] = m.peer;
  }
  std::shared_ptr<const View> next = std::make_shared<View>(View{Ring(ids), std::move(peers)});
  const auto before = std::atomic_exchange(&view_, next);
  if (!before) return !next->ring.empty();
  return before->ring.members() != next->ring.members() || before->peers != next->peers;
}

std::string Placement::peer_of(std::string_view key) const {
  const auto view = std::atomic_load(&view_);
  if (!view || view->ring.empty()) return "";
  const auto& owner = view->ring.owner(key);
  if (owner == self_) return "";
  auto i = view->peers.find(owner);
  return i == view->peers.end() ? "" : i->second;
}

std::vector<std::string> Placement::members() const {
  const auto view = std::atomic_load(&view_);
  return view ? view->ring.members() : std::vector<std::string>{};
}

std::string Placement::key_of(std::string_view type, std::string_view id) {
  std::string key;
  key.reserve(type.size() + id.size() + 1);
  key.append(type).push_back('/');
  key.append(id);
  return key;
}

}  // namespace parley::cluster
