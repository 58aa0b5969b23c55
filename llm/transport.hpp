// Outbound HTTP for the LLM providers: one blocking POST over libcurl whose
// body can be read as it streams, and the retry rule. Called only from the
// LLM worker threads, never on a CAF scheduler or HTTP thread.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::llm {

struct HttpPost {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct HttpAnswer {
  long status = 0;  // 0: no HTTP answer (see transport_error)
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string transport_error;                 // "" when an answer came
  bool timed_out = false;
};

using ChunkSink = std::function<void(std::string_view)>;

// POSTs and waits for the whole answer, at most `total` (connect included);
// with a sink, each piece of the body is handed to it as it arrives (and is
// kept in `body` too).
HttpAnswer post(const HttpPost& request, std::chrono::milliseconds connect_timeout,
                std::chrono::milliseconds total, const ChunkSink& sink = {});

struct RetryPolicy {
  int max_attempts = 3;
  std::chrono::milliseconds base_delay{250};  // doubled each retry
  std::chrono::milliseconds max_delay{4000};
};

// How long to wait before attempt `attempts + 1` after `answer`, or nothing
// when it must not be retried: 429, 5xx (529 too) and refused or reset
// connections are retried; timeouts and other 4xx are not. A 429's or 503's
// Retry-After (seconds) or retry-after-ms is honoured, capped by max_delay.
std::optional<std::chrono::milliseconds> retry_delay(const HttpAnswer& answer, int attempts,
                                                     const RetryPolicy& policy);

}  // namespace parley::llm
