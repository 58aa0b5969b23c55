#include "events/json_text.hpp"

#include <simdjson.h>

namespace parley::events {

using nlohmann::json;

namespace {

std::string nlohmann_text(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

void append_json_string(std::string* out, std::string_view v) {
  if (!simdjson::validate_utf8(v.data(), v.size())) {
    out->append(nlohmann_text(json(std::string(v))));  // its replacement characters
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t plain = 0;  // start of the run not yet copied
  for (size_t i = 0; i < v.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(v[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(v.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xf]);
    }
  }
  out->append(v.substr(plain));
  out->push_back('"');
}

void append_json(std::string* out, const json& value) {
  switch (value.type()) {
    case json::value_t::object: {
      out->push_back('{');
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (!first) out->push_back(',');
        first = false;
        append_json_string(out, it.key());
        out->push_back(':');
        append_json(out, it.value());
      }
      out->push_back('}');
      return;
    }
    case json::value_t::array: {
      out->push_back('[');
      bool first = true;
      for (const auto& element : value) {
        if (!first) out->push_back(',');
        first = false;
        append_json(out, element);
      }
      out->push_back(']');
      return;
    }
    case json::value_t::string:
      return append_json_string(out, value.get_ref<const std::string&>());
    case json::value_t::number_integer:
      out->append(std::to_string(value.get<int64_t>()));
      return;
    case json::value_t::number_unsigned:
      out->append(std::to_string(value.get<uint64_t>()));
      return;
    case json::value_t::boolean:
      out->append(value.get<bool>() ? "true" : "false");
      return;
    case json::value_t::null:
      out->append("null");
      return;
    default:  // floating point, binary, discarded: as nlohmann prints them
      out->append(nlohmann_text(value));
  }
}

std::string json_text(const json& value) {
  std::string out;
  append_json(&out, value);
  return out;
}

}  // namespace parley::events
