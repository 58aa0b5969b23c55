// Google Gemini: POST {base}/v1beta/models/{model}:generateContent (streamed:
// :streamGenerateContent?alt=sse) with x-goog-api-key. Function calls carry
// no id; Parley numbers them, and answers them by name.
#include <nlohmann/json.hpp>

#include "llm/wire.hpp"
#include "llm/wire_json.hpp"

namespace parley::llm {
namespace {

using nlohmann::json;

void add(json& contents, const char* role, json part) {
  if (contents.empty() || contents.back()["role"] != role)
    contents.push_back({{"role", role}, {"parts", json::array()}});
  contents.back()["parts"].push_back(std::move(part));
}

// A functionResponse's response must be an object.
json response_object(const Message& m) {
  auto j = json::parse(m.text, nullptr, false);
  if (m.tool_error) return {{"error", j.is_discarded() ? json(m.text) : j}};
  if (j.is_object()) return j;
  return {{"result", j.is_discarded() ? json(m.text) : j}};
}

// Reads one answer (or one streamed chunk) into `c`; false if it is not one.
bool read_chunk(const json& j, Completion* c, std::string* text_piece, int* calls_seen) {
  if (!j.is_object()) return false;
  if (j.contains("usageMetadata") && j["usageMetadata"].is_object()) {
    const json& u = j["usageMetadata"];
    c->usage = {num(u, "promptTokenCount"), num(u, "candidatesTokenCount")};
  }
  if (!str(j, "modelVersion").empty()) c->model = str(j, "modelVersion");
  if (!j.contains("candidates")) return j.contains("usageMetadata");
  if (!j["candidates"].is_array() || j["candidates"].empty()) return false;
  const json& cand = j["candidates"][0];
  if (!str(cand, "finishReason").empty()) c->finish_reason = str(cand, "finishReason");
  const json content = cand.value("content", json::object());
  if (!content.contains("parts") || !content["parts"].is_array()) return true;
  for (const auto& part : content["parts"]) {
    if (part.contains("text") && part["text"].is_string()) {
      text_piece->append(part["text"].get<std::string>());
    } else if (part.contains("functionCall") && part["functionCall"].is_object()) {
      const json& f = part["functionCall"];
      ToolCall t{"gemini-call-" + std::to_string(++*calls_seen), str(f, "name"), json::object(),
                 ""};
      if (f.contains("args") && f["args"].is_object())
        t.arguments = f["args"];
      else if (f.contains("args"))
        t.invalid_arguments = f["args"].dump();
      c->tool_calls.push_back(std::move(t));
    }
  }
  return true;
}

class GeminiWire final : public Wire {
 public:
  HttpCall build(const Endpoint& ep, const CompletionRequest& r, bool stream) const override {
    json contents = json::array();
    for (const auto& m : r.messages) {
      switch (m.role) {
        case Message::Role::user:
          for (const auto& a : m.attachments)  // Gemini reads photos and audio alike
            add(contents, "user",
                {{"inline_data", {{"mime_type", a.mime}, {"data", base64(a.data)}}}});
          if (!m.text.empty() || m.attachments.empty()) add(contents, "user", {{"text", m.text}});
          break;
        case Message::Role::assistant:
          if (!m.text.empty()) add(contents, "model", {{"text", m.text}});
          for (const auto& c : m.tool_calls)
            add(contents, "model",
                {{"functionCall",
                  {{"name", c.name}, {"args", c.valid() ? c.arguments : json::object()}}}});
          break;
        case Message::Role::tool:
          add(contents, "user",
              {{"functionResponse", {{"name", m.tool_name}, {"response", response_object(m)}}}});
          break;
      }
    }
    json body = {
        {"contents", std::move(contents)},
        {"generationConfig", {{"maxOutputTokens", r.max_tokens}, {"temperature", r.temperature}}}};
    if (!r.system.empty()) body["systemInstruction"] = {{"parts", {{{"text", r.system}}}}};
    if (!r.tools.empty()) {
      json decls = json::array();
      for (const auto& t : r.tools)
        decls.push_back(
            {{"name", t.name}, {"description", t.description}, {"parameters", t.parameters}});
      body["tools"] = {{{"functionDeclarations", std::move(decls)}}};
    }
    const std::string url = ep.base_url + "/v1beta/models/" + r.model +
                            (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
    return net::json_post(url, body.dump(-1, ' ', false, json::error_handler_t::replace),
                          {{"x-goog-api-key", ep.api_key}});
  }

  Result parse(std::string_view body) const override {
    Completion c;
    std::string text;
    int calls = 0;
    if (!read_chunk(json::parse(body, nullptr, false), &c, &text, &calls))
      return domain::fail(Error{ErrorCode::bad_response, "no candidates in the answer", 200, 0});
    c.text = std::move(text);
    return c;
  }

  class Stream final : public Wire::Stream {
   public:
    std::optional<std::string> on_event(const SseEvent& e, const TextSink& text) override {
      auto j = json::parse(e.data, nullptr, false);
      if (j.is_object() && j.contains("error")) return error_message(e.data);
      std::string piece;
      if (!read_chunk(j, &c_, &piece, &calls_)) return "a streamed chunk is not an answer";
      if (!piece.empty()) {
        c_.text += piece;
        text(piece);
      }
      return std::nullopt;
    }
    Result finish() override { return c_; }

   private:
    Completion c_;
    int calls_ = 0;
  };
  std::unique_ptr<Wire::Stream> stream() const override { return std::make_unique<Stream>(); }
};

}  // namespace

std::unique_ptr<Wire> gemini_wire() {
  return std::make_unique<GeminiWire>();
}

}  // namespace parley::llm
