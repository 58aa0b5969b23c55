// One interface for every LLM provider: messages and tool definitions in,
// text and/or tool calls and token usage out, within a deadline.
// HttpProvider speaks a Wire format over libcurl with connect and total
// timeouts and retries (429, 5xx, refused; Retry-After honoured), streaming
// when asked for text as it comes. complete() blocks: it runs on the thread
// waiting for the turn (HTTP or channel intake), never a CAF scheduler thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "llm/wire.hpp"

namespace parley::llm {

class Provider {
 public:
  virtual ~Provider() = default;
  virtual const std::string& name() const = 0;  // "openai", "anthropic", "gemini"
  // With `on_text`, the answer is streamed and its text handed over as it
  // arrives; a stream that fails after text went out is not retried.
  virtual Result complete(const CompletionRequest& request,
                          std::chrono::steady_clock::time_point deadline,
                          const TextSink& on_text = {}) const = 0;
};

struct ProviderSettings {
  std::string name;      // openai, anthropic or gemini
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

 private:
  std::string name_;
  std::unique_ptr<Wire> wire_;
  Endpoint endpoint_;
  std::chrono::milliseconds connect_timeout_;
  RetryPolicy retry_;
};

// The default base URL of a provider ("" for an unknown name).
std::string default_base_url(const std::string& provider);
// nullptr for an unknown provider name.
std::unique_ptr<Provider> make_provider(const ProviderSettings& settings);

}  // namespace parley::llm
