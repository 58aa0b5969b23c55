// A provider's wire format, pure: the HTTP request for a completion, and the
// completion read back from a whole answer or from its stream of events.
// One implementation per API family (wire_openai, wire_anthropic,
// wire_gemini); Provider (provider.hpp) adds the HTTP, the retries and the
// deadline.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "llm/llm_types.hpp"
#include "llm/sse.hpp"
#include "llm/transport.hpp"

namespace parley::llm {

// Receives the answer's text as it streams, piece by piece.
using TextSink = std::function<void(std::string_view delta)>;

struct Endpoint {
  std::string base_url;  // no trailing slash
  std::string api_key;
};

class Wire {
 public:
  virtual ~Wire() = default;
  virtual HttpCall build(const Endpoint& endpoint, const CompletionRequest& request,
                         bool stream) const = 0;
  // A whole answer (status 200).
  virtual Result parse(std::string_view body) const = 0;

  // A streamed answer, event by event.
  class Stream {
   public:
    virtual ~Stream() = default;
    // Hands text deltas to `text`; an error message for an error event or
    // one that cannot be read.
    virtual std::optional<std::string> on_event(const SseEvent& event, const TextSink& text) = 0;
    // After the last event: the completion it added up to.
    virtual Result finish() = 0;
  };
  virtual std::unique_ptr<Stream> stream() const = 0;

  // A voice note to text, where the API has an endpoint for it (OpenAI's
  // /audio/transcriptions); nullopt where it has none.
  virtual std::optional<HttpCall> build_transcription(const Endpoint& endpoint,
                                                      const TranscriptionRequest& request) const {
    return std::nullopt;
  }
  // The transcription's answer (status 200): its text in Completion::text.
  virtual Result parse_transcription(std::string_view body) const;
};

// Standard base64 (libsodium), for photos and voice notes in JSON bodies.
std::string base64(const std::string& bytes);

// The message a provider put in an error answer ({"error":{"message":…}}),
// or the body's start when it has none.
std::string error_message(std::string_view body);

// Arguments as the model wrote them: an object, or an invalid call.
ToolCall tool_call(std::string id, std::string name, std::string_view arguments);

std::unique_ptr<Wire> openai_wire();
std::unique_ptr<Wire> anthropic_wire();
std::unique_ptr<Wire> gemini_wire();

}  // namespace parley::llm
