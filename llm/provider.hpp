// One interface for every LLM provider: messages and tool definitions in,
// text and/or tool calls and token usage out, within a deadline.
// HttpProvider speaks a Wire format over libcurl with connect and total
// timeouts and retries (429, 5xx, refused; Retry-After honoured), streaming
// when asked for text as it comes. complete() blocks: it runs on the thread
// waiting for the turn (HTTP or channel intake), never a CAF scheduler thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "llm/wire.hpp"

namespace parley::llm {

class Provider {
 public:
  virtual ~Provider() = default;
  // A preset's name ("openai", "groq", "ollama" …): usage is recorded under it.
  virtual const std::string& name() const = 0;
  // With `on_text`, the answer is streamed and its text handed over as it
  // arrives; a stream that fails after text went out is not retried.
  virtual Result complete(const CompletionRequest& request,
                          std::chrono::steady_clock::time_point deadline,
                          const TextSink& on_text = {}) const = 0;
  // A voice note written down, where the provider's API has a transcription
  // endpoint; else bad_request ("cannot transcribe").
  virtual Result transcribe(const TranscriptionRequest& request,
                            std::chrono::steady_clock::time_point deadline) const;
};

struct ProviderSettings {
  std::string name;      // a preset's name (provider_presets())
  std::string base_url;  // "" for the provider's own
  std::string api_key;
  std::chrono::milliseconds connect_timeout{3000};
  RetryPolicy retry;
};

class HttpProvider final : public Provider {
 public:
  HttpProvider(std::string name, std::unique_ptr<Wire> wire, Endpoint endpoint,
               std::chrono::milliseconds connect_timeout, RetryPolicy retry);
  const std::string& name() const override { return name_; }
  Result complete(const CompletionRequest& request, std::chrono::steady_clock::time_point deadline,
                  const TextSink& on_text) const override;
  Result transcribe(const TranscriptionRequest& request,
                    std::chrono::steady_clock::time_point deadline) const override;

 private:
  std::string name_;
  std::unique_ptr<Wire> wire_;
  Endpoint endpoint_;
  std::chrono::milliseconds connect_timeout_;
  RetryPolicy retry_;
};

// The API family a provider speaks (wire.hpp).
enum class WireFormat : uint8_t { openai, anthropic, gemini };

// Every provider a shop can name, in one table: the three native APIs and
// the servers that speak OpenAI's chat completions, hosted (xai, openrouter,
// groq) or local (ollama, llamacpp). PARLEY_LLM, the admin's per-agent
// setting and the billing view's prices all use these names.
struct ProviderPreset {
  const char* name;           // PARLEY_LLM=<name>; the provider of its usage records
  WireFormat wire;            // how it is spoken to
  const char* base_url;       // the default base URL (no trailing slash)
  const char* key_env;        // the variable of its API key: XAI_API_KEY …
  const char* base_url_env;   // the variable that overrides base_url: XAI_BASE_URL …
  bool key_required;          // false: a local server, usable at its default URL without a key
  const char* default_model;  // the agents' model unless PARLEY_LLM_MODEL or the admin names one
  // The models that read a shopper's photo and write down a voice note (the
  // "media" agent, assistant/media_reader.hpp), unless the admin names one;
  // "": this provider has none by default. Gemini hears through its chat
  // model (audio input); the OpenAI-compatible ones through /audio/transcriptions.
  const char* vision_model;
  const char* transcribe_model;
};
const std::vector<ProviderPreset>& provider_presets();
// nullptr for an unknown name.
const ProviderPreset* find_preset(const std::string& name);

// The default base URL of a provider ("" for an unknown name).
std::string default_base_url(const std::string& provider);
// A preset's wire format at `settings.base_url` (else the preset's own) with
// `settings.api_key`, named after the preset; nullptr for an unknown name.
std::unique_ptr<Provider> make_provider(const ProviderSettings& settings);

}  // namespace parley::llm
