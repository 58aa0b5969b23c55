#include "actors/registry.hpp"

#include <caf/all.hpp>
#include <vector>

#include "actors/atoms.hpp"

namespace parley::actors {
namespace {

struct Slot {
  caf::actor handle;
  bool stopping = false;
  std::vector<std::pair<caf::response_promise, caf::message>> stash;  // while stopping
};

struct RegistryState {
  EntityFactories factories;
  std::shared_ptr<Runtime> rt;
  std::unordered_map<std::string, Slot> slots;  // by key(type, id)
  std::unordered_map<caf::actor_addr, std::string> keys;
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
  self->monitor(slot.handle);
  self->state.keys.emplace(slot.handle.address(), key);
  self->state.rt->counters.live.store(self->state.slots.size(), std::memory_order_relaxed);
  return &slot;
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
    self->state.slots.erase(s);
    self->state.rt->counters.live.store(self->state.slots.size(), std::memory_order_relaxed);
    if (stash.empty()) return;
    // Requests arrived while it stopped: bring the entity back for them.
    auto sep = key.find('\0');
    auto* fresh = start(self, key, key.substr(0, sep), key.substr(sep + 1));
    for (auto& [rp, payload] : stash) rp.delegate(fresh->handle, std::move(payload));
  });
  return {
      [=](route_atom, const std::string& type, const std::string& id,
          caf::message& payload) -> caf::result<caf::message> {
        auto key = key_of(type, id);
        auto i = self->state.slots.find(key);
        Slot* slot = i != self->state.slots.end() ? &i->second : start(self, key, type, id);
        if (slot == nullptr)
          return caf::make_error(caf::sec::invalid_argument, "unknown entity type " + type);
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
        if (i == self->state.slots.end() || i->second.stopping) return;
        i->second.stopping = true;
        self->send(i->second.handle, stop_atom::value);
      },
      [=](live_atom) { return static_cast<uint64_t>(self->state.slots.size()); },
  };
}

}  // namespace

caf::actor spawn_registry(caf::actor_system& sys, EntityFactories factories,
                          std::shared_ptr<Runtime> rt) {
  return sys.spawn(registry, std::move(factories), std::move(rt));
}

}  // namespace parley::actors
