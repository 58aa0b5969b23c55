// The entity registry: the one way to reach an entity.
//
//   (route, type, id, payload)  delivers `payload` to the live entity (type,
//                               id), spawning it if needed; the entity
//                               answers the original requester directly
//   (passivate, type, id)       sent by an idle entity; the registry stops
//                               routing to it, stashes what arrives, sends
//                               stop, and respawns it for the stash once down
//   (live)                      -> number of live entities
//   (rebalance)                 passivates every entity Runtime::owns says
//                               this node no longer owns (cluster mode)
//
// Entities are monitored, not linked: a crashed entity is forgotten and the
// next message spawns it again from the log. An exit message stops every
// entity, then the registry.
#pragma once

#include <caf/fwd.hpp>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "actors/runtime.hpp"

namespace parley::actors {

// Spawns the entity `id` of one type as a child of `parent`.
using EntityFactory = std::function<caf::actor(caf::local_actor* parent, const std::string& id,
                                               const caf::actor& registry)>;
using EntityFactories = std::unordered_map<std::string, EntityFactory>;

caf::actor spawn_registry(caf::actor_system& sys, EntityFactories factories,
                          std::shared_ptr<Runtime> rt);

}  // namespace parley::actors
