// OpenAI chat completions (and every server that speaks them: xAI, Groq,
// Ollama, vLLM, llama.cpp): POST {base}/chat/completions.
#include <map>
#include <nlohmann/json.hpp>

#include "llm/wire.hpp"
#include "llm/wire_json.hpp"

namespace parley::llm {
namespace {

using nlohmann::json;

Usage usage_of(const json& u) {
  return u.is_object() ? Usage{num(u, "prompt_tokens"), num(u, "completion_tokens")} : Usage{};
}

// Text alone is a string; with photos, OpenAI's content parts, each photo a
// data: URL. Audio is not sent here: it goes to /audio/transcriptions.
json user_content(const Message& m) {
  if (m.attachments.empty()) return m.text;
  json parts = json::array();
  if (!m.text.empty()) parts.push_back({{"type", "text"}, {"text", m.text}});
  for (const auto& a : m.attachments)
    if (a.mime.rfind("image/", 0) == 0)
      parts.push_back({{"type", "image_url"},
                       {"image_url", {{"url", "data:" + a.mime + ";base64," + base64(a.data)}}}});
  return parts;
}

// The file name tells the server the format (it does not trust the part's type).
std::string audio_file_name(const std::string& mime) {
  static const std::map<std::string, std::string> ext = {
      {"audio/ogg", "ogg"}, {"audio/opus", "ogg"}, {"audio/mpeg", "mp3"},  {"audio/mp4", "m4a"},
      {"audio/aac", "m4a"}, {"audio/wav", "wav"},  {"audio/x-wav", "wav"}, {"audio/webm", "webm"},
      {"audio/amr", "amr"}, {"audio/flac", "flac"}};
  auto it = ext.find(mime.substr(0, mime.find(';')));
  return "voice." + (it == ext.end() ? std::string("ogg") : it->second);
}

// A multipart/form-data body whose boundary occurs in none of its parts.
std::string multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                      const Attachment& file, std::string* boundary) {
  for (int n = 0;; ++n) {
    *boundary = "parley-form-" + std::to_string(n) + "-7f3a9c";
    bool clash = file.data.find(*boundary) != std::string::npos;
    for (const auto& f : fields) clash = clash || f.second.find(*boundary) != std::string::npos;
    if (!clash) break;
  }
  std::string body;
  for (const auto& [name, value] : fields)
    body += "--" + *boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
            value + "\r\n";
  body += "--" + *boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
          audio_file_name(file.mime) + "\"\r\nContent-Type: " + file.mime + "\r\n\r\n";
  body += file.data;
  body += "\r\n--" + *boundary + "--\r\n";
  return body;
}

class OpenAiWire final : public Wire {
 public:
  std::optional<HttpCall> build_transcription(const Endpoint& ep,
                                              const TranscriptionRequest& r) const override {
    std::vector<std::pair<std::string, std::string>> fields = {{"model", r.model},
                                                               {"response_format", "json"}};
    if (!r.language.empty()) fields.push_back({"language", r.language});
    std::string boundary;
    HttpCall call;
    call.url = ep.base_url + "/audio/transcriptions";
    call.body = multipart(fields, r.audio, &boundary);
    call.headers = {{"Content-Type", "multipart/form-data; boundary=" + boundary}};
    if (!ep.api_key.empty()) call.headers.push_back({"Authorization", "Bearer " + ep.api_key});
    return call;
  }

  // {"text":"…"} and, from the gpt-4o transcribers, token usage.
  Result parse_transcription(std::string_view body) const override {
    auto j = json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
      return domain::fail(Error{ErrorCode::bad_response, "no text in the transcription", 200, 0});
    Completion c;
    c.text = j["text"].get<std::string>();
    c.finish_reason = "stop";
    if (j.contains("usage") && j["usage"].is_object())
      c.usage = {num(j["usage"], "input_tokens"), num(j["usage"], "output_tokens")};
    return c;
  }

  HttpCall build(const Endpoint& ep, const CompletionRequest& r, bool stream) const override {
    json messages = json::array();
    if (!r.system.empty()) messages.push_back({{"role", "system"}, {"content", r.system}});
    for (const auto& m : r.messages) {
      switch (m.role) {
        case Message::Role::user:
          messages.push_back({{"role", "user"}, {"content", user_content(m)}});
          break;
        case Message::Role::assistant: {
          json a = {{"role", "assistant"}};
          a["content"] = m.text.empty() ? json(nullptr) : json(m.text);
          if (!m.tool_calls.empty()) {
            a["tool_calls"] = json::array();
            for (const auto& c : m.tool_calls)
              a["tool_calls"].push_back(
                  {{"id", c.id},
                   {"type", "function"},
                   {"function",
                    {{"name", c.name},
                     {"arguments", c.valid() ? c.arguments.dump() : c.invalid_arguments}}}});
          }
          messages.push_back(std::move(a));
          break;
        }
        case Message::Role::tool:
          messages.push_back(
              {{"role", "tool"}, {"tool_call_id", m.tool_call_id}, {"content", m.text}});
          break;
      }
    }
    json body = {{"model", r.model},
                 {"messages", std::move(messages)},
                 {"max_tokens", r.max_tokens},
                 {"temperature", r.temperature}};
    if (!r.tools.empty()) {
      body["tools"] = json::array();
      for (const auto& t : r.tools)
        body["tools"].push_back(
            {{"type", "function"},
             {"function",
              {{"name", t.name}, {"description", t.description}, {"parameters", t.parameters}}}});
    }
    if (stream) {
      body["stream"] = true;
      body["stream_options"] = {{"include_usage", true}};
    }
    HttpCall p = net::json_post(ep.base_url + "/chat/completions",
                                body.dump(-1, ' ', false, json::error_handler_t::replace));
    if (!ep.api_key.empty()) p.headers.push_back({"Authorization", "Bearer " + ep.api_key});
    return p;
  }

  Result parse(std::string_view body) const override {
    auto j = json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("choices") || !j["choices"].is_array() ||
        j["choices"].empty() || !j["choices"][0].is_object())
      return domain::fail(Error{ErrorCode::bad_response, "no choices in the answer", 200, 0});
    const json& choice = j["choices"][0];
    const json message = choice.value("message", json::object());
    Completion c;
    c.text = str(message, "content");
    c.finish_reason = str(choice, "finish_reason");
    c.model = str(j, "model");
    c.usage = usage_of(j.value("usage", json()));
    if (message.contains("tool_calls") && message["tool_calls"].is_array()) {
      for (const auto& t : message["tool_calls"]) {
        const json f = t.value("function", json::object());
        c.tool_calls.push_back(tool_call(str(t, "id"), str(f, "name"), str(f, "arguments")));
      }
    }
    return c;
  }

  class Stream final : public Wire::Stream {
   public:
    std::optional<std::string> on_event(const SseEvent& e, const TextSink& text) override {
      if (e.data == "[DONE]") return std::nullopt;
      auto j = json::parse(e.data, nullptr, false);
      if (!j.is_object()) return "a streamed chunk is not JSON";
      if (j.contains("error")) return error_message(e.data);
      if (!str(j, "model").empty()) c_.model = str(j, "model");
      if (j.contains("usage") && j["usage"].is_object()) c_.usage = usage_of(j["usage"]);
      if (!j.contains("choices") || !j["choices"].is_array()) return std::nullopt;
      for (const auto& choice : j["choices"]) {
        if (!str(choice, "finish_reason").empty()) c_.finish_reason = str(choice, "finish_reason");
        const json delta = choice.value("delta", json::object());
        const std::string piece = str(delta, "content");
        if (!piece.empty()) {
          c_.text += piece;
          text(piece);
        }
        if (!delta.contains("tool_calls") || !delta["tool_calls"].is_array()) continue;
        for (const auto& t : delta["tool_calls"]) {
          Partial& p = calls_[t.value("index", 0)];
          if (!str(t, "id").empty()) p.id = str(t, "id");
          const json f = t.value("function", json::object());
          if (!str(f, "name").empty()) p.name = str(f, "name");
          p.arguments += str(f, "arguments");
        }
      }
      return std::nullopt;
    }
    Result finish() override {
      for (auto& [index, p] : calls_) c_.tool_calls.push_back(tool_call(p.id, p.name, p.arguments));
      return c_;
    }

   private:
    struct Partial {
      std::string id, name, arguments;
    };
    Completion c_;
    std::map<int, Partial> calls_;
  };
  std::unique_ptr<Wire::Stream> stream() const override { return std::make_unique<Stream>(); }
};

}  // namespace

std::unique_ptr<Wire> openai_wire() {
  return std::make_unique<OpenAiWire>();
}

}  // namespace parley::llm
