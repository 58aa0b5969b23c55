// A view row written field by field as canonical() writes the same object
// (projections/projection.hpp): the caller gives the members in sorted key
// order; strings escaped as canonical() escapes them, integers in decimal.
// For folds kept as plain structs (carts, timers), which write their rows
// by hand instead of building an nlohmann object per row (issue 22).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "projections/projection.hpp"

namespace parley::projections {

class RowWriter {
 public:
  explicit RowWriter(size_t reserve = 128) {
    out_.reserve(reserve);
    out_.push_back('{');
  }
  RowWriter& str(std::string_view key, std::string_view value) {
    name(key);
    append_canonical_string(&out_, value);
    return *this;
  }
  RowWriter& num(std::string_view key, int64_t value) {
    name(key);
    out_.append(std::to_string(value));
    return *this;
  }
  // `text` is already canonical JSON (an object, an array of them, a value).
  RowWriter& raw(std::string_view key, std::string_view text) {
    name(key);
    out_.append(text);
    return *this;
  }
  // The row; the writer is spent.
  std::string done() {
    out_.push_back('}');
    return std::move(out_);
  }

 private:
  void name(std::string_view key) {
    if (out_.size() > 1) out_.push_back(',');
    append_canonical_string(&out_, key);
    out_.push_back(':');
  }
  std::string out_;
};

// Hands the rows named in `changed` that are still marked changed to `out`
// as (key, row_json(key, row)), clearing the marks and `changed`.
template <class Rows, class Write>
void take_changed_rows(Rows& rows, std::vector<std::string>& changed, std::vector<ViewWrite>* out,
                       Write row_json) {
  for (auto& key : changed) {
    auto it = rows.find(key);
    if (it == rows.end() || !it->second.changed) continue;
    it->second.changed = false;
    std::string value = row_json(key, it->second);
    out->push_back({std::move(key), std::move(value)});
  }
  changed.clear();
}

}  // namespace parley::projections
