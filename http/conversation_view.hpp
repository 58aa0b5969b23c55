// The read view of one conversation, folded from its stream. Pure.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "events/envelope.hpp"

namespace parley::http {

// GET /api/v1/conversations/{id}: who, stage, cart, handoff and the last
// `max_messages` messages, oldest first. Events it does not know are skipped.
nlohmann::json conversation_view(const std::string& conversation_id,
                                 const std::vector<events::EventEnvelope>& stream,
                                 size_t max_messages);

}  // namespace parley::http
