// Small JSON helpers the adapters share (nlohmann::json).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace parley::channels::jsonu {

using nlohmann::json;

// The member `key` of `j` as text: strings as they are, numbers printed, else "".
inline std::string text(const json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  if (it == j.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  if (it->is_number_unsigned()) return std::to_string(it->get<uint64_t>());
  return "";
}
inline const json& member(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}
// The member `key` of `j` if it is a string, else "". Unlike
// json::value(key, ""), which throws on a member of another type
// (fuzz/webhook_stripe: {"error":{"message":6666…}}).
inline std::string string_member(const json& j, const char* key) {
  const auto& v = member(j, key);
  return v.is_string() ? v.get<std::string>() : "";
}
// The boolean member `key`, or `fallback` when it is absent or of another type.
// json::value() throws on another type, and classify() runs on the outbox's
// thread, where an exception ends the process (fuzz/webhook_maytapi).
inline bool flag(const json& j, const char* key, bool fallback) {
  const auto& v = member(j, key);
  return v.is_boolean() ? v.get<bool>() : fallback;
}
inline double number(const json& j, const char* key) {
  const auto& v = member(j, key);
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) return std::strtod(v.get<std::string>().c_str(), nullptr);
  return 0;
}
// A time the platform sent as seconds since the epoch, in µs; 0 (none) unless
// it is one, from 1970 to the end of year 9999. Cast unchecked, a number past
// int64_t was undefined (fuzz/webhook_greenapi: "timestamp":1.7e83) and 1e13 s
// overflowed the multiplication.
inline int64_t epoch_us(const json& j, const char* key) {
  const double s = number(j, key);
  if (!(s >= 0 && s < 253402300800.0)) return 0;
  return static_cast<int64_t>(s) * 1000000;
}
inline std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace parley::channels::jsonu
