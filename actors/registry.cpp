#include "actors/registry.hpp"

#include <caf/all.hpp>
#include <list>
#include <vector>

#include "actors/atoms.hpp"

namespace parley::actors {
namespace {

struct Slot {
  caf::actor handle;
  bool stopping = false;
  std::vector<std::pair<caf::response_promise, caf::message>> stash;  // while stopping
  std::list<std::string>::iterator recent;                            // in `lru` unless stopping
};

struct RegistryState {
  EntityFactories factories;
  std::shared_ptr<Runtime> rt;
  std::unordered_map<std::string, Slot> slots;  // by key(type, id)
  std::unordered_map<caf::actor_addr, std::string> keys;
  // Live entities not stopping, most recently routed to first: past
  // rt->max_live the last ones are passivated (issue 17, item 10: 93k
  // distinct users in 55 s made 93k live actors, 663 MB).
  std::list<std::string> lru;
  static inline const char* name = "parley.registry";
};

std::string key_of(const std::string& type, const std::string& id) {
  std::string k;
  k.reserve(type.size() + id.size() + 1);
  k.append(type).push_back('\0');
  k.append(id);
  return k;
}

using Self = caf::stateful_actor<RegistryState>;

Slot* start(Self* self, const std::string& key, const std::string& type, const std::string& id) {
  auto f = self->state.factories.find(type);
  if (f == self->state.factories.end()) return nullptr;
  auto& slot = self->state.slots[key];
  slot.handle = f->second(self, id, caf::actor_cast<caf::actor>(self));
  slot.stopping = false;
  self->state.lru.push_front(key);
  slot.recent = self->state.lru.begin();
  self->monitor(slot.handle);
  self->state.keys.emplace(slot.handle.address(), key);
  self->state.rt->counters.live.store(self->state.slots.size(), std::memory_order_relaxed);
  return &slot;
}

// Asks the entity to snapshot and stop; requests for it are stashed meanwhile.
void passivate(Self* self, Slot& slot) {
  if (slot.stopping) return;
  slot.stopping = true;
  self->state.lru.erase(slot.recent);
  self->send(slot.handle, stop_atom::value);
}

// Passivates the least recently used entities beyond the cap, never `keep`.
void enforce_cap(Self* self, const std::string& keep) {
  const size_t cap = self->state.rt->max_live;
  auto& lru = self->state.lru;
  while (cap > 0 && lru.size() > cap && lru.back() != keep) {
    auto victim = self->state.slots.find(lru.back());
    if (victim == self->state.slots.end()) {
      lru.pop_back();
      continue;
    }
    self->state.rt->counters.evicted.fetch_add(1, std::memory_order_relaxed);
    passivate(self, victim->second);
  }
}

caf::behavior registry(Self* self, EntityFactories factories, std::shared_ptr<Runtime> rt) {
  self->state.factories = std::move(factories);
  self->state.rt = std::move(rt);
  self->set_exit_handler([=](caf::exit_msg& msg) {
    for (auto& kv : self->state.slots) self->send_exit(kv.second.handle, msg.reason);
    self->quit(msg.reason);
  });
  self->set_down_handler([=](caf::down_msg& msg) {
    auto i = self->state.keys.find(msg.source);
    if (i == self->state.keys.end()) return;
    auto key = std::move(i->second);
    self->state.keys.erase(i);
    auto s = self->state.slots.find(key);
    if (s == self->state.slots.end()) return;
    auto stash = std::move(s->second.stash);
    if (!s->second.stopping) self->state.lru.erase(s->second.recent);
    self->state.slots.erase(s);
    self->state.rt->counters.live.store(self->state.slots.size(), std::memory_order_relaxed);
    if (stash.empty()) return;
    // Requests arrived while it stopped: bring the entity back for them.
    auto sep = key.find('\0');
    auto* fresh = start(self, key, key.substr(0, sep), key.substr(sep + 1));
    for (auto& [rp, payload] : stash) rp.delegate(fresh->handle, std::move(payload));
    enforce_cap(self, key);
  });
  return {
      [=](route_atom, const std::string& type, const std::string& id,
          caf::message& payload) -> caf::result<caf::message> {
        auto key = key_of(type, id);
        auto i = self->state.slots.find(key);
        Slot* slot = nullptr;
        if (i != self->state.slots.end()) {
          slot = &i->second;
          if (!slot->stopping)  // the most recently used now
            self->state.lru.splice(self->state.lru.begin(), self->state.lru, slot->recent);
        } else {
          slot = start(self, key, type, id);
          if (slot == nullptr)
            return caf::make_error(caf::sec::invalid_argument, "unknown entity type " + type);
          enforce_cap(self, key);
          slot = &self->state.slots.at(key);
        }
        auto rp = self->make_response_promise();
        if (slot->stopping) {
          slot->stash.emplace_back(rp, std::move(payload));
        } else {
          rp.delegate(slot->handle, std::move(payload));
        }
        return rp;
      },
      [=](passivate_atom, const std::string& type, const std::string& id) {
        auto i = self->state.slots.find(key_of(type, id));
        if (i != self->state.slots.end()) passivate(self, i->second);
      },
      [=](live_atom) { return static_cast<uint64_t>(self->state.slots.size()); },
      [=](rebalance_atom) {
        const auto& owns = self->state.rt->owns;
        if (!owns) return;
        for (auto& [key, slot] : self->state.slots) {
          const auto sep = key.find('\0');
          if (!slot.stopping && !owns(key.substr(0, sep), key.substr(sep + 1)))
            passivate(self, slot);
        }
      },
  };
}

}  // namespace

caf::actor spawn_registry(caf::actor_system& sys, EntityFactories factories,
                          std::shared_ptr<Runtime> rt) {
  return sys.spawn(registry, std::move(factories), std::move(rt));
}

}  // namespace parley::actors
