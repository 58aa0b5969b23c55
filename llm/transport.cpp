#include "llm/transport.hpp"

#include <algorithm>
#include <cstdlib>

namespace parley::llm {
std::optional<std::chrono::milliseconds> retry_delay(const HttpResponse& answer, int attempts,
                                                     const RetryPolicy& policy) {
  if (attempts >= policy.max_attempts) return std::nullopt;
  const long s = answer.status;
  const bool retryable =
      (s == 0 && !answer.timed_out) || s == 429 || s == 408 || (s >= 500 && s <= 599);
  if (!retryable) return std::nullopt;
  std::chrono::milliseconds wait = policy.base_delay;
  for (int i = 1; i < attempts && wait < policy.max_delay; ++i) wait *= 2;
  auto header = [&](const char* name) -> const std::string* {
    auto it = answer.headers.find(name);
    return it == answer.headers.end() ? nullptr : &it->second;
  };
  if (const auto* ms = header("retry-after-ms")) {
    char* end = nullptr;
    const double v = std::strtod(ms->c_str(), &end);
    if (end != ms->c_str() && v >= 0) wait = std::chrono::milliseconds(static_cast<int64_t>(v));
  } else if (const auto* secs = header("retry-after")) {
    char* end = nullptr;
    const double v = std::strtod(secs->c_str(), &end);
    if (end != secs->c_str() && v >= 0)
      wait = std::chrono::milliseconds(static_cast<int64_t>(v * 1000));
  }
  return std::min(wait, policy.max_delay);
}

}  // namespace parley::llm
