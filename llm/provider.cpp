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

Result Provider::transcribe(const TranscriptionRequest&, Clock::time_point) const {
  return domain::fail(Error{ErrorCode::bad_request, name() + " cannot transcribe", 0, 0});
}

Result HttpProvider::transcribe(const TranscriptionRequest& request,
                                Clock::time_point deadline) const {
  const auto call = wire_->build_transcription(endpoint_, request);
  if (!call) return Provider::transcribe(request, deadline);
  for (int attempt = 1;; ++attempt) {
    HttpResponse answer = net::send(*call, connect_timeout_, left(deadline));
    if (answer.status == 200) {
      Result r = wire_->parse_transcription(answer.body);
      if (r) {
        r.value().attempts = attempt;
        r.value().model = request.model;
        return r;
      }
      Error e = r.error();
      e.attempts = attempt;
      return domain::fail(e);
    }
    auto wait = retry_delay(answer, attempt, retry_);
    if (!wait || *wait >= left(deadline)) return domain::fail(failure(answer, attempt));
    std::this_thread::sleep_for(*wait);
  }
}

const std::vector<ProviderPreset>& provider_presets() {
  // Base URLs and variable names from each provider's API reference (2025).
  // A local server's port is its own default: llama.cpp's llama-server
  // listens on 8080, as parley does, so one of the two is moved in practice.
  static const std::vector<ProviderPreset> t = {
      {"openai", WireFormat::openai, "https://api.openai.com/v1", "OPENAI_API_KEY",
       "OPENAI_BASE_URL", true, "gpt-4o-mini", "gpt-4o-mini", "gpt-4o-mini-transcribe"},
      {"anthropic", WireFormat::anthropic, "https://api.anthropic.com", "ANTHROPIC_API_KEY",
       "ANTHROPIC_BASE_URL", true, "claude-3-5-haiku-latest", "claude-3-5-haiku-latest", ""},
      {"gemini", WireFormat::gemini, "https://generativelanguage.googleapis.com", "GEMINI_API_KEY",
       "GEMINI_BASE_URL", true, "gemini-2.0-flash", "gemini-2.0-flash", "gemini-2.0-flash"},
      {"xai", WireFormat::openai, "https://api.x.ai/v1", "XAI_API_KEY", "XAI_BASE_URL", true,
       "grok-3-mini", "grok-2-vision-1212", ""},
      {"openrouter", WireFormat::openai, "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY",
       "OPENROUTER_BASE_URL", true, "openai/gpt-4o-mini", "openai/gpt-4o-mini", ""},
      {"groq", WireFormat::openai, "https://api.groq.com/openai/v1", "GROQ_API_KEY",
       "GROQ_BASE_URL", true, "llama-3.3-70b-versatile",
       "meta-llama/llama-4-scout-17b-16e-instruct", "whisper-large-v3-turbo"},
      {"ollama", WireFormat::openai, "http://127.0.0.1:11434/v1", "OLLAMA_API_KEY",
       "OLLAMA_BASE_URL", false, "llama3.2", "llama3.2-vision", ""},
      // llama-server answers with the model it was started with, whatever the
      // name; whether it sees depends on that model, so photos are not sent.
      {"llamacpp", WireFormat::openai, "http://127.0.0.1:8080/v1", "LLAMACPP_API_KEY",
       "LLAMACPP_BASE_URL", false, "default", "", ""},
  };
  return t;
}

const ProviderPreset* find_preset(const std::string& name) {
  for (const auto& p : provider_presets())
    if (name == p.name) return &p;
  return nullptr;
}

std::string default_base_url(const std::string& provider) {
  const ProviderPreset* p = find_preset(provider);
  return p ? p->base_url : "";
}

std::unique_ptr<Provider> make_provider(const ProviderSettings& s) {
  const ProviderPreset* preset = find_preset(s.name);
  if (preset == nullptr) return nullptr;
  std::unique_ptr<Wire> wire;
  switch (preset->wire) {
    case WireFormat::openai:
      wire = openai_wire();
      break;
    case WireFormat::anthropic:
      wire = anthropic_wire();
      break;
    case WireFormat::gemini:
      wire = gemini_wire();
      break;
  }
  std::string base = s.base_url.empty() ? std::string(preset->base_url) : s.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return std::make_unique<HttpProvider>(s.name, std::move(wire), Endpoint{base, s.api_key},
                                        s.connect_timeout, s.retry);
}

}  // namespace parley::llm
