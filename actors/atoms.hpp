// Atoms of the actor layer (CAF 0.17: at most 10 characters, [0-9A-Za-z_ ]).
#pragma once

#include <caf/atom.hpp>

namespace parley::actors {

using route_atom = caf::atom_constant<caf::atom("route")>;          // registry: deliver to entity
using passivate_atom = caf::atom_constant<caf::atom("passivate")>;  // entity -> registry: idle
using stop_atom = caf::atom_constant<caf::atom("stop")>;            // registry -> entity
using loaded_atom = caf::atom_constant<caf::atom("loaded")>;        // executor -> entity
using appended_atom = caf::atom_constant<caf::atom("appended")>;    // writer -> entity
using live_atom = caf::atom_constant<caf::atom("live")>;            // registry: live entities
using rebalance_atom = caf::atom_constant<caf::atom("rebalance")>;  // registry: owners moved
using idle_atom = caf::atom_constant<caf::atom("idle")>;            // entity -> itself: quiet yet?

}  // namespace parley::actors
