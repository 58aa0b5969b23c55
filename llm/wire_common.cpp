#include <sodium.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "llm/wire.hpp"

namespace parley::llm {

using nlohmann::json;

std::string base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

Result Wire::parse_transcription(std::string_view) const {
  return domain::fail(Error{ErrorCode::bad_response, "this API has no transcription", 200, 0});
}

std::string error_message(std::string_view body) {
  auto j = json::parse(body, nullptr, false);
  if (j.is_object()) {
    const json* e = j.contains("error") ? &j["error"] : &j;
    if (e->is_object() && e->contains("message") && (*e)["message"].is_string())
      return (*e)["message"].get<std::string>();
    if (e->is_string()) return e->get<std::string>();
  }
  if (j.is_array() && !j.empty()) return error_message(j[0].dump());  // Gemini's error list
  return std::string(body.substr(0, 200));
}

ToolCall tool_call(std::string id, std::string name, std::string_view arguments) {
  ToolCall c;
  c.id = std::move(id);
  c.name = std::move(name);
  std::string_view trimmed = arguments;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())))
    trimmed.remove_prefix(1);
  if (trimmed.empty()) return c;  // no arguments: {}
  auto j = json::parse(arguments, nullptr, false);
  if (j.is_object())
    c.arguments = std::move(j);
  else
    c.invalid_arguments = std::string(arguments);
  return c;
}

}  // namespace parley::llm
