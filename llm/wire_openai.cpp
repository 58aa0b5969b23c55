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

class OpenAiWire final : public Wire {
 public:
  HttpCall build(const Endpoint& ep, const CompletionRequest& r, bool stream) const override {
    json messages = json::array();
    if (!r.system.empty()) messages.push_back({{"role", "system"}, {"content", r.system}});
    for (const auto& m : r.messages) {
      switch (m.role) {
        case Message::Role::user:
          messages.push_back({{"role", "user"}, {"content", m.text}});
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
