// The lead entity as the shell hosts it: the pure decider of domain/lead.hpp
// and the codec of events/lead_codec.hpp. Notifications its events cause
// (a new owner, a moved appointment, a follow-up due) are queued as
// notification streams in the same atomic append, so none is lost or sent
// for something that did not happen.
#pragma once

#include <caf/fwd.hpp>
#include <memory>
#include <string>
#include <vector>

#include "actors/lead_types.hpp"
#include "actors/runtime.hpp"
#include "domain/delivery.hpp"

namespace parley::actors {

caf::actor spawn_lead(caf::local_actor* parent, const std::string& id, const caf::actor& registry,
                      std::shared_ptr<Runtime> rt, std::shared_ptr<const LeadDeps> deps);

// The notifications `events` cause, given the lead after them (pure but for
// the deps' lookups): at most one per person, never to `by`, who acted.
// Ids are "<lead id>/<lead version>/<username>", so each is queued once.
std::vector<domain::delivery::NotificationQueued> lead_notifications(
    const domain::lead::State& after, const std::vector<domain::lead::Event>& events,
    const std::string& by, const LeadDeps& deps);

}  // namespace parley::actors
