// Language-model events <-> stored form. Each turn a model took part in has
// its own stream ("llm_turn", <the inbound message id>), appended with the
// conversation's events in one atomic batch:
//
//   llm.usage v1     {"provider","model","agent","conversation_id",
//                     "input_tokens","output_tokens","latency_ms","attempts",
//                     "outcome"}  one per model call, failed calls too
//                     ("outcome": "ok" or the error kind)
//   llm.fallback v1  {"conversation_id","provider","model","reason","detail"}
//                     the model's turn was not used; the offline brain answered
//
// The envelope's time is the turn's; the causation id is the inbound message id.
#pragma once

#include <string>

#include "domain/llm_usage.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::llm_codec {

// The stored type names live beside the events (domain/llm_usage.hpp).
namespace types = parley::domain::llm_usage::types;

inline constexpr const char* kTurnStream = "llm_turn";

NewEvent encode(const domain::llm_usage::Call& call, const std::string& causation_id);
NewEvent encode(const domain::llm_usage::Fallback& fallback, const std::string& causation_id);
Expected<domain::llm_usage::Call> decode_call(const EventEnvelope& envelope);
Expected<domain::llm_usage::Fallback> decode_fallback(const EventEnvelope& envelope);

}  // namespace parley::events::llm_codec
