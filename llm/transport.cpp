#include "llm/transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>

namespace parley::llm {
namespace {

struct Transfer {
  HttpAnswer* answer;
  const ChunkSink* sink;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * n;
  t->answer->body.append(data, bytes);
  if (*t->sink) (*t->sink)(std::string_view(data, bytes));
  return bytes;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * n;
  std::string_view line(data, bytes);
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
      value.remove_suffix(1);
    t->answer->headers[name] = std::string(value);
  }
  return bytes;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

HttpAnswer post(const HttpPost& request, std::chrono::milliseconds connect_timeout,
                std::chrono::milliseconds total, const ChunkSink& sink) {
  HttpAnswer answer;
  if (total.count() <= 0) {
    answer.transport_error = "no time left";
    answer.timed_out = true;
    return answer;
  }
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    answer.transport_error = "curl_easy_init failed";
    return answer;
  }
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  curl_slist* list = nullptr;
  for (const auto& [k, v] : request.headers) list = curl_slist_append(list, (k + ": " + v).c_str());
  list = curl_slist_append(list, "Expect:");
  headers.reset(list);
  Transfer t{&answer, &sink};
  CURL* e = curl.get();
  curl_easy_setopt(e, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min(connect_timeout, total).count()));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(total.count()));
  curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, request.body.c_str());
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
  const CURLcode rc = curl_easy_perform(e);
  if (rc != CURLE_OK) {
    answer.transport_error = curl_easy_strerror(rc);
    answer.timed_out = rc == CURLE_OPERATION_TIMEDOUT;
    answer.status = 0;
    return answer;
  }
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &answer.status);
  return answer;
}

std::optional<std::chrono::milliseconds> retry_delay(const HttpAnswer& answer, int attempts,
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
