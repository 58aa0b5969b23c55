// Read access to an event payload for the projections, parsed with
// simdjson's DOM parser: one pass into a tape owned by the folding lane, no
// allocation per value. A projection reads the fields it needs and copies
// what it keeps; the views into the payload (string_view, Fields) are valid
// only while the ProjectedEvent is being applied.
//
// Reading never throws: an absent key or a value of another type reads as
// the default ("" for strings, the given number, an empty object).
#pragma once

#include <simdjson.h>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace parley::projections {

class Fields {
 public:
  Fields() = default;  // an empty object
  explicit Fields(simdjson::dom::object object) : object_(object), valid_(true) {}

  bool has(std::string_view key) const;
  std::string_view str(std::string_view key) const;
  std::string string(std::string_view key) const { return std::string(str(key)); }
  // Integers as they are; a floating-point value truncated toward zero.
  int64_t i64(std::string_view key, int64_t otherwise = 0) const;
  Fields object(std::string_view key) const;
  // A copy of the value as nlohmann JSON (for rows that keep it whole);
  // null when absent.
  nlohmann::json json(std::string_view key) const;
  // The keys, in payload order.
  std::vector<std::string_view> keys() const;

 private:
  bool lookup(std::string_view key, simdjson::dom::element* out) const;
  simdjson::dom::object object_;
  bool valid_ = false;
};

// simdjson's DOM value converted to nlohmann JSON.
nlohmann::json to_json(simdjson::dom::element element);

}  // namespace parley::projections
