// JSON text as every stored payload and view row is written: the bytes of
// nlohmann's dump(-1, ' ', false, error_handler_t::replace) — compact, object
// keys in nlohmann's (sorted) order, valid UTF-8 as it is, invalid bytes
// replaced — written directly instead of through nlohmann's serializer, which
// checks UTF-8 with a state machine per byte: encoding a chat turn's events
// was 7 % of its instructions, most of it the reply's text (callgrind, issue
// 22). Floating-point numbers are still printed by nlohmann, byte for byte.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace parley::events {

std::string json_text(const nlohmann::json& value);
void append_json(std::string* out, const nlohmann::json& value);
// A string value, quoted: '"', '\\' and control characters escaped.
void append_json_string(std::string* out, std::string_view value);

}  // namespace parley::events
