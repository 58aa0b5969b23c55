// Activity history of a conversation or a lead: every event of the entity's
// stream that a person would care about, oldest first, in words, as
// {at_us, type, by, text}.
//
// Read from the entity's stream when asked, not kept as a view. The stream is
// already the entity's history in order; a view held a second copy of every
// message (issue 22: 3.3 of the 9.2 CPU seconds of a 1M-event rebuild, and
// two to three sealed rows written per chat turn). Read from the log, the
// history is never behind it, and a customer the shop forgot reads as erased
// at once: the sealed log no longer opens their members.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "events/event_store.hpp"
#include "projections/calendar.hpp"

namespace parley::projections {

class Fields;

// The entity's entries ("conversation", "telegram:42"), oldest first.
// NotFound when it has none.
events::Expected<nlohmann::json> activity_history(events::EventStore& log, const std::string& kind,
                                                  const std::string& id, const Calendar& calendar);

// The words for one event; "" for events the history leaves out.
std::string activity_words(const std::string& type, const Fields& payload,
                           const Calendar& calendar);

}  // namespace parley::projections
