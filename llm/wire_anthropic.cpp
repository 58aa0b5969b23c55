// Anthropic Messages: POST {base}/v1/messages with x-api-key and
// anthropic-version. Tool calls are tool_use blocks; their results go back as
// tool_result blocks in one user message.
#include <map>
#include <nlohmann/json.hpp>

#include "llm/wire.hpp"
#include "llm/wire_json.hpp"

namespace parley::llm {
namespace {

using nlohmann::json;

constexpr const char* kVersion = "2023-06-01";

// Appends `block` to the last message if it has `role`, else starts one:
// the API wants user and assistant turns to alternate.
void add(json& messages, const char* role, json block) {
  if (messages.empty() || messages.back()["role"] != role)
    messages.push_back({{"role", role}, {"content", json::array()}});
  messages.back()["content"].push_back(std::move(block));
}

class AnthropicWire final : public Wire {
 public:
  HttpCall build(const Endpoint& ep, const CompletionRequest& r, bool stream) const override {
    json messages = json::array();
    for (const auto& m : r.messages) {
      switch (m.role) {
        case Message::Role::user:
          for (const auto& a : m.attachments)  // Claude reads photos, not audio
            if (a.mime.rfind("image/", 0) == 0)
              add(messages, "user",
                  {{"type", "image"},
                   {"source",
                    {{"type", "base64"}, {"media_type", a.mime}, {"data", base64(a.data)}}}});
          if (!m.text.empty() || m.attachments.empty())
            add(messages, "user", {{"type", "text"}, {"text", m.text}});
          break;
        case Message::Role::assistant:
          if (!m.text.empty()) add(messages, "assistant", {{"type", "text"}, {"text", m.text}});
          for (const auto& c : m.tool_calls)
            add(messages, "assistant",
                {{"type", "tool_use"},
                 {"id", c.id},
                 {"name", c.name},
                 {"input", c.valid() ? c.arguments : json::object()}});
          break;
        case Message::Role::tool:
          add(messages, "user",
              {{"type", "tool_result"},
               {"tool_use_id", m.tool_call_id},
               {"content", m.text},
               {"is_error", m.tool_error}});
          break;
      }
    }
    json body = {{"model", r.model},
                 {"max_tokens", r.max_tokens},
                 {"temperature", r.temperature},
                 {"messages", std::move(messages)}};
    if (!r.system.empty()) body["system"] = r.system;
    if (!r.tools.empty()) {
      body["tools"] = json::array();
      for (const auto& t : r.tools)
        body["tools"].push_back(
            {{"name", t.name}, {"description", t.description}, {"input_schema", t.parameters}});
    }
    if (stream) body["stream"] = true;
    return net::json_post(ep.base_url + "/v1/messages",
                          body.dump(-1, ' ', false, json::error_handler_t::replace),
                          {{"x-api-key", ep.api_key}, {"anthropic-version", kVersion}});
  }

  Result parse(std::string_view body) const override {
    auto j = json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("content") || !j["content"].is_array())
      return domain::fail(Error{ErrorCode::bad_response, "no content in the answer", 200, 0});
    Completion c;
    c.model = str(j, "model");
    c.finish_reason = str(j, "stop_reason");
    const json u = j.value("usage", json::object());
    c.usage = {num(u, "input_tokens"), num(u, "output_tokens")};
    for (const auto& b : j["content"]) {
      if (str(b, "type") == "text") c.text += str(b, "text");
      if (str(b, "type") == "tool_use") {
        ToolCall t{str(b, "id"), str(b, "name"), json::object(), ""};
        if (b.contains("input") && b["input"].is_object())
          t.arguments = b["input"];
        else if (b.contains("input"))
          t.invalid_arguments = b["input"].dump();
        c.tool_calls.push_back(std::move(t));
      }
    }
    return c;
  }

  class Stream final : public Wire::Stream {
   public:
    std::optional<std::string> on_event(const SseEvent& e, const TextSink& text) override {
      auto j = json::parse(e.data, nullptr, false);
      if (!j.is_object()) return "a streamed event is not JSON";
      const std::string type = e.event.empty() ? str(j, "type") : e.event;
      if (type == "error") return error_message(e.data);
      if (type == "message_start") {
        const json m = j.value("message", json::object());
        c_.model = str(m, "model");
        const json u = m.value("usage", json::object());
        c_.usage.input_tokens = num(u, "input_tokens");
        c_.usage.output_tokens = num(u, "output_tokens");
      } else if (type == "content_block_start") {
        const json b = j.value("content_block", json::object());
        if (str(b, "type") == "tool_use")
          tools_[num(j, "index")] = {str(b, "id"), str(b, "name"), ""};
      } else if (type == "content_block_delta") {
        const json d = j.value("delta", json::object());
        if (str(d, "type") == "text_delta") {
          const std::string piece = str(d, "text");
          c_.text += piece;
          if (!piece.empty()) text(piece);
        } else if (str(d, "type") == "input_json_delta") {
          tools_[num(j, "index")].arguments += str(d, "partial_json");
        }
      } else if (type == "message_delta") {
        const json d = j.value("delta", json::object());
        if (!str(d, "stop_reason").empty()) c_.finish_reason = str(d, "stop_reason");
        const json u = j.value("usage", json::object());
        if (u.contains("output_tokens")) c_.usage.output_tokens = num(u, "output_tokens");
        if (u.contains("input_tokens")) c_.usage.input_tokens = num(u, "input_tokens");
      }
      return std::nullopt;
    }
    Result finish() override {
      for (auto& [index, t] : tools_) c_.tool_calls.push_back(tool_call(t.id, t.name, t.arguments));
      return c_;
    }

   private:
    struct Partial {
      std::string id, name, arguments;
    };
    Completion c_;
    std::map<int64_t, Partial> tools_;
  };
  std::unique_ptr<Wire::Stream> stream() const override { return std::make_unique<Stream>(); }
};

}  // namespace

std::unique_ptr<Wire> anthropic_wire() {
  return std::make_unique<AnthropicWire>();
}

}  // namespace parley::llm
