// A chat turn sent to the node that owns its conversation, and the answer
// that comes back (issue 23; carried by cluster/peer_link.hpp). The turn is
// what arrived, before any understanding: the owner understands, advises and
// decides it as if its own edge had received it. What the owner worked out
// (understanding, advice, stock) stays there; the voice note or photo as the
// receiving node's media agent read it travels with the turn.
//
// JSON, read back strictly: a field of the wrong type fails the whole
// message (false), and a caller answers that as a failure, never as a turn.
#pragma once

#include <string>

#include "actors/chat_types.hpp"
#include "actors/engine.hpp"

namespace parley::actors {

// The time the owner has travels beside it (cluster/peer_link.hpp).
std::string encode_forwarded_turn(const ChatTurn& turn);
bool decode_forwarded_turn(const std::string& bytes, ChatTurn* turn);

std::string encode_forwarded_result(const EngineResult<ChatTurnResult>& result);
bool decode_forwarded_result(const std::string& bytes, EngineResult<ChatTurnResult>* result);

}  // namespace parley::actors
