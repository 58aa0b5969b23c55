#include "llm/provider.hpp"

#include <thread>

namespace parley::llm {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::timeout:
      return "timeout";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::rate_limited:
      return "rate_limited";
    case ErrorCode::auth:
      return "auth";
    case ErrorCode::bad_request:
      return "bad_request";
    case ErrorCode::bad_response:
      return "bad_response";
  }
  return "unavailable";
}

namespace {

Error failure(const HttpResponse& a, int attempts) {
  Error e;
  e.status = a.status;
  e.attempts = attempts;
  if (a.status == 0) {
    e.code = a.timed_out ? ErrorCode::timeout : ErrorCode::unavailable;
    e.message = a.transport_error;
  } else {
    e.message = "HTTP " + std::to_string(a.status) + ": " + error_message(a.body);
    if (a.status == 401 || a.status == 403)
      e.code = ErrorCode::auth;
    else if (a.status == 429)
      e.code = ErrorCode::rate_limited;
    else if (a.status >= 500)
      e.code = ErrorCode::unavailable;
    else
      e.code = ErrorCode::bad_request;
  }
  return e;
}

milliseconds left(Clock::time_point deadline) {
  return std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
}

}  // namespace

HttpProvider::HttpProvider(std::string name, std::unique_ptr<Wire> wire, Endpoint endpoint,
                           milliseconds connect_timeout, RetryPolicy retry)
    : name_(std::move(name)),
      wire_(std::move(wire)),
      endpoint_(std::move(endpoint)),
      connect_timeout_(connect_timeout),
      retry_(retry) {}

Result HttpProvider::complete(const CompletionRequest& request, Clock::time_point deadline,
                              const TextSink& on_text) const {
  const bool streaming = static_cast<bool>(on_text);
  const HttpCall call = wire_->build(endpoint_, request, streaming);
  for (int attempt = 1;; ++attempt) {
    std::unique_ptr<Wire::Stream> stream;
    SseParser sse;
    std::optional<std::string> stream_error;
    bool delivered = false;  // text went to the caller: no retry from here
    ChunkSink sink;
    if (streaming) {
      stream = wire_->stream();
      sink = [&](std::string_view chunk) {
        std::vector<SseEvent> events;
        sse.feed(chunk, &events);
        for (const auto& ev : events) {
          if (stream_error) return;
          stream_error = stream->on_event(ev, [&](std::string_view delta) {
            delivered = true;
            on_text(delta);
          });
        }
      };
    }
    HttpResponse answer = net::send(call, connect_timeout_, left(deadline), sink);
    if (answer.status == 200) {
      Result r = domain::fail(Error{ErrorCode::bad_response, "", 200, attempt});
      if (streaming) {
        SseEvent last;
        if (!stream_error && sse.finish(&last))
          stream_error = stream->on_event(last, [&](std::string_view d) { on_text(d); });
        if (stream_error)
          r = domain::fail(Error{ErrorCode::bad_response, *stream_error, 200, attempt});
        else
          r = stream->finish();
      } else {
        r = wire_->parse(answer.body);
      }
      if (r) {
        r.value().attempts = attempt;
        return r;
      }
      Error e = r.error();
      e.attempts = attempt;
      e.status = 200;
      return domain::fail(e);
    }
    auto wait = delivered ? std::nullopt : retry_delay(answer, attempt, retry_);
    if (!wait || *wait >= left(deadline)) {
      return domain::fail(failure(answer, attempt));
    }
    std::this_thread::sleep_for(*wait);
  }
}

std::string default_base_url(const std::string& provider) {
  if (provider == "openai") return "https://api.openai.com/v1";
  if (provider == "anthropic") return "https://api.anthropic.com";
  if (provider == "gemini") return "https://generativelanguage.googleapis.com";
  return "";
}

std::unique_ptr<Provider> make_provider(const ProviderSettings& s) {
  std::unique_ptr<Wire> wire;
  if (s.name == "openai")
    wire = openai_wire();
  else if (s.name == "anthropic")
    wire = anthropic_wire();
  else if (s.name == "gemini")
    wire = gemini_wire();
  else
    return nullptr;
  std::string base = s.base_url.empty() ? default_base_url(s.name) : s.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return std::make_unique<HttpProvider>(s.name, std::move(wire), Endpoint{base, s.api_key},
                                        s.connect_timeout, s.retry);
}

}  // namespace parley::llm
