// The provider-neutral shape of a chat completion with tools: what Parley
// sends (a system prompt, the messages so far, tool definitions) and what a
// provider answers (text and/or tool calls, token usage). Each provider's
// wire format (llm/wire_*.hpp) maps to and from these.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/result.hpp"

namespace parley::llm {

struct ToolCall {
  std::string id;  // the provider's call id ("call_…", "toolu_…"); made up for Gemini
  std::string name;
  nlohmann::json arguments = nlohmann::json::object();
  // The arguments as the model wrote them, when they were not a JSON object:
  // the call is then answered with a tool error, never executed.
  std::string invalid_arguments;
  bool valid() const { return invalid_arguments.empty(); }
};

// A file a user message carries: a photo (every wire) or a voice note
// (Gemini only; OpenAI-compatible servers transcribe through
// Provider::transcribe). The bytes as they are; the wires encode them.
struct Attachment {
  std::string mime;  // image/jpeg, image/png, image/webp, audio/ogg …
  std::string data;
};

struct Message {
  enum class Role { user, assistant, tool };
  Role role = Role::user;
  std::string text;                          // user or assistant text; a tool's result (JSON text)
  std::vector<ToolCall> tool_calls = {};     // assistant: the calls it made
  std::string tool_call_id = "";             // tool: the call this answers
  std::string tool_name = "";                // tool: the function's name (Gemini matches by name)
  bool tool_error = false;                   // tool: the result is an error
  std::vector<Attachment> attachments = {};  // user: photos, voice notes
};

// A voice note to be written down (OpenAI's /audio/transcriptions).
struct TranscriptionRequest {
  std::string model;     // whisper-1, gpt-4o-mini-transcribe, whisper-large-v3-turbo …
  Attachment audio;      // audio/ogg, audio/mpeg, audio/mp4, audio/wav …
  std::string language;  // ISO-639-1 ("ru"), or "" to let the model tell
};

struct ToolDef {
  std::string name;
  std::string description;
  nlohmann::json parameters;  // a JSON Schema object
};

struct CompletionRequest {
  std::string model;
  std::string system;
  std::vector<Message> messages;
  std::vector<ToolDef> tools;
  int max_tokens = 1024;
  double temperature = 0.2;
};

struct Usage {
  int64_t input_tokens = 0;
  int64_t output_tokens = 0;
};

struct Completion {
  std::string text;
  std::vector<ToolCall> tool_calls;
  Usage usage;
  std::string finish_reason;  // as the provider says it: "stop", "tool_calls", "end_turn" …
  std::string model;          // the model that answered, when the provider names it
  int attempts = 1;           // HTTP attempts, retries included
};

enum class ErrorCode {
  timeout,       // no complete answer within the deadline
  unavailable,   // refused, reset, or 5xx after the retries
  rate_limited,  // 429 after the retries
  auth,          // 401/403: the key is wrong
  bad_request,   // 4xx: the request was refused
  bad_response,  // an answer that is not the provider's format
};
const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::unavailable;
  std::string message;
  long status = 0;  // the last HTTP status, 0 if none
  int attempts = 0;
};

using Result = domain::Result<Completion, Error>;

}  // namespace parley::llm
