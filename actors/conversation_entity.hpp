// The conversation entity as the shell hosts it: the pure decider of
// domain/conversation.hpp, the codec of events/conversation_codec.hpp and the
// chat turn (record the inbound message, decide the replies, record them) as
// one atomic append.
#pragma once

#include <caf/fwd.hpp>
#include <memory>
#include <string>

#include "actors/chat_types.hpp"
#include "actors/runtime.hpp"
#include "brain/responder.hpp"

namespace parley::actors {

struct ConversationDeps {
  brain::Responder responder = brain::acknowledge;
};

// Spawns the conversation `id` as a child of `parent`, reporting idleness to `registry`.
caf::actor spawn_conversation(caf::local_actor* parent, const std::string& id,
                              const caf::actor& registry, std::shared_ptr<Runtime> rt,
                              std::shared_ptr<const ConversationDeps> deps);

}  // namespace parley::actors
