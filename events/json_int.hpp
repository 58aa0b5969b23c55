// Integer members of stored payloads. nlohmann converts a JSON float (a number
// with a fraction or an exponent) to an integer type with static_cast, which
// is undefined behaviour when the value does not fit: "due_us":1.8e20 (found by
// fuzz/event_codecs). The codecs write only integers there, so a float is a
// payload of the wrong shape: it throws json::type_error like any other, and
// the codec answers Corruption.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>

namespace parley::events {

// Converts to the integer type it is assigned to, as json's own conversion does.
class JsonInteger {
 public:
  explicit JsonInteger(const nlohmann::json& j) : j_(j) {}
  template <class Int,
            std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>, int> = 0>
  operator Int() const {
    if (!j_.is_number_integer())
      throw nlohmann::json::type_error::create(
          302,
          std::string("type must be an integer, but is ") +
              (j_.is_number_float() ? "a float" : j_.type_name()),
          &j_);
    return j_.get<Int>();
  }

 private:
  const nlohmann::json& j_;
};

inline JsonInteger integer(const nlohmann::json& j) {
  return JsonInteger(j);
}
// The member `key` of object `j`, or `fallback` when it is absent.
template <class Int>
Int integer(const nlohmann::json& j, const char* key, Int fallback) {
  auto it = j.find(key);
  return it == j.end() ? fallback : static_cast<Int>(JsonInteger(*it));
}

}  // namespace parley::events
