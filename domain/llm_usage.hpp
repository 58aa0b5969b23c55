// One call to a language model, as billing records it (event llm.usage) and
// why a turn went to the offline brain instead (event llm.fallback). Pure
// value types; events/llm_codec.hpp stores them.
#pragma once

#include <cstdint>
#include <string>

namespace parley::domain::llm_usage {

struct Call {
  std::string
      provider;       // openai, anthropic, gemini, or a preset: groq, ollama … (llm/provider.hpp)
  std::string model;  // as asked for, or as the provider named it in its answer
  std::string agent;  // responder, extractor …
  std::string conversation_id;
  int64_t input_tokens = 0;
  int64_t output_tokens = 0;
  int64_t latency_ms = 0;  // the call, retries included
  int attempts = 1;        // HTTP attempts
  // "ok", or the error kind (llm::to_string(ErrorCode)): a failed call is
  // recorded too, with the tokens the provider reported (usually none).
  std::string outcome = "ok";
  int64_t at_us = 0;
};

// The model's turn was not used; the offline brain answered.
// reason: a provider error kind ("timeout", "unavailable", "rate_limited",
// "auth", "bad_request", "bad_response"), "too_many_rounds", "no_answer",
// "deadline" (the turn's time ran out between calls), or "state_changed"
// (the conversation moved on while the model thought).
struct Fallback {
  std::string conversation_id;
  std::string provider;
  std::string model;
  std::string reason;
  std::string detail;
  int64_t at_us = 0;
};

// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kUsage = "llm.usage";
inline constexpr const char* kFallback = "llm.fallback";
}  // namespace types

}  // namespace parley::domain::llm_usage
