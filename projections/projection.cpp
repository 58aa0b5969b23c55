#include "projections/projection.hpp"

#include <algorithm>

#include "events/json_text.hpp"
#include "projections/fields.hpp"

namespace parley::projections {

using nlohmann::json;

Fields ProjectedEvent::payload() const {
  if (!parsed_) {
    simdjson::dom::element root;
    object_ = parser_.parse(env.payload).get(root) == simdjson::SUCCESS && root.is_object();
    parsed_ = true;
  }
  return object_ ? Fields(simdjson::dom::object(parser_.doc.root())) : Fields();
}

std::string canonical(const json& j) {
  return events::json_text(j);
}

void append_canonical_string(std::string* out, std::string_view v) {
  events::append_json_string(out, v);
}

void JsonRowProjection::take_changes(std::vector<ViewWrite>* out) {
  std::sort(erased_.begin(), erased_.end());
  erased_.erase(std::unique(erased_.begin(), erased_.end()), erased_.end());
  for (auto& key : erased_)
    if (!rows_.count(key)) out->push_back({std::move(key), std::nullopt});
  erased_.clear();
  for (auto& key : changed_) {
    auto it = rows_.find(key);
    if (it == rows_.end() || !it->second.changed) continue;
    it->second.changed = false;
    out->push_back({std::move(key), canonical(it->second.value)});
  }
  changed_.clear();
}

events::Status JsonRowProjection::load_row(std::string_view key, std::string_view value) {
  auto j = json::parse(value, nullptr, false);
  if (j.is_discarded())
    return events::Status::Corruption(name_ + " row " + std::string(key) + " is not JSON");
  rows_.insert_or_assign(std::string(key), Row{std::move(j), false});
  return events::Status::Ok();
}

void JsonRowProjection::clear() {
  rows_.clear();
  changed_.clear();
  erased_.clear();
}

const json* JsonRowProjection::find(const std::string& key) const {
  auto it = rows_.find(key);
  return it == rows_.end() ? nullptr : &it->second.value;
}

json* JsonRowProjection::row(const std::string& key) {
  auto it = rows_.find(key);
  if (it == rows_.end()) return nullptr;
  if (!it->second.changed) {
    it->second.changed = true;
    changed_.push_back(key);
  }
  return &it->second.value;
}

json& JsonRowProjection::touch(const std::string& key) {
  auto [it, inserted] = rows_.try_emplace(key, Row{json::object(), false});
  if (!it->second.changed) {
    it->second.changed = true;
    changed_.push_back(key);
  }
  return it->second.value;
}

void JsonRowProjection::erase(const std::string& key) {
  if (rows_.erase(key)) erased_.push_back(key);
}

}  // namespace parley::projections
