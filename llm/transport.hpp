// The retry rule for the LLM providers' calls (sent by net::send, whose body
// can be read as it streams). Called only from the
// LLM worker threads, never on a CAF scheduler or HTTP thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "net/http_call.hpp"

namespace parley::llm {

using net::ChunkSink;
using net::HttpCall;
using net::HttpResponse;

struct RetryPolicy {
  int max_attempts = 3;
  std::chrono::milliseconds base_delay{250};  // doubled each retry
  std::chrono::milliseconds max_delay{4000};
};

// How long to wait before attempt `attempts + 1` after `answer`, or nothing
// when it must not be retried: 429, 5xx (529 too) and refused or reset
// connections are retried; timeouts and other 4xx are not. A 429's or 503's
// Retry-After (seconds) or retry-after-ms is honoured, capped by max_delay.
std::optional<std::chrono::milliseconds> retry_delay(const HttpResponse& answer, int attempts,
                                                     const RetryPolicy& policy);

}  // namespace parley::llm
