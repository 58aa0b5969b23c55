// The conversation entity as the shell hosts it: the pure decider of
// domain/conversation.hpp, the codec of events/conversation_codec.hpp, and
// the chat turn — understand the message, let the sales policy decide, record
// the inbound message, the journey's events and the replies as one atomic
// append (with the order's stream when an order is placed).
#pragma once

#include <caf/fwd.hpp>
#include <functional>
#include <memory>
#include <string>

#include "actors/chat_types.hpp"
#include "actors/conversation_deps.hpp"
#include "actors/runtime.hpp"

namespace parley::actors {

// Spawns the conversation `id` as a child of `parent`, reporting idleness to `registry`.
caf::actor spawn_conversation(caf::local_actor* parent, const std::string& id,
                              const caf::actor& registry, std::shared_ptr<Runtime> rt,
                              std::shared_ptr<const ConversationDeps> deps);

}  // namespace parley::actors
