#include "projections/fields.hpp"

namespace parley::projections {

bool Fields::lookup(std::string_view key, simdjson::dom::element* out) const {
  if (!valid_) return false;
  return object_.at_key(key).get(*out) == simdjson::SUCCESS;
}

bool Fields::has(std::string_view key) const {
  simdjson::dom::element e;
  return lookup(key, &e);
}

std::string_view Fields::str(std::string_view key) const {
  simdjson::dom::element e;
  std::string_view v;
  if (lookup(key, &e) && e.get(v) == simdjson::SUCCESS) return v;
  return {};
}

int64_t Fields::i64(std::string_view key, int64_t otherwise) const {
  simdjson::dom::element e;
  if (!lookup(key, &e)) return otherwise;
  int64_t i = 0;
  if (e.get(i) == simdjson::SUCCESS) return i;
  uint64_t u = 0;
  if (e.get(u) == simdjson::SUCCESS) return static_cast<int64_t>(u);
  double d = 0;
  if (e.get(d) == simdjson::SUCCESS) return static_cast<int64_t>(d);
  return otherwise;
}

Fields Fields::object(std::string_view key) const {
  simdjson::dom::element e;
  simdjson::dom::object o;
  if (lookup(key, &e) && e.get(o) == simdjson::SUCCESS) return Fields(o);
  return Fields();
}

nlohmann::json Fields::json(std::string_view key) const {
  simdjson::dom::element e;
  return lookup(key, &e) ? to_json(e) : nlohmann::json();
}

std::vector<std::string_view> Fields::keys() const {
  std::vector<std::string_view> out;
  if (!valid_) return out;
  for (auto field : object_) out.push_back(field.key);
  return out;
}

nlohmann::json to_json(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::OBJECT: {
      nlohmann::json out = nlohmann::json::object();
      for (auto field : simdjson::dom::object(e))
        out[std::string(field.key)] = to_json(field.value);
      return out;
    }
    case element_type::ARRAY: {
      nlohmann::json out = nlohmann::json::array();
      for (auto item : simdjson::dom::array(e)) out.push_back(to_json(item));
      return out;
    }
    case element_type::STRING:
      return std::string(std::string_view(e));
    case element_type::INT64:
      return int64_t(e);
    case element_type::UINT64:
      return uint64_t(e);
    case element_type::DOUBLE:
      return double(e);
    case element_type::BOOL:
      return bool(e);
    case element_type::NULL_VALUE:
      return nullptr;
  }
  return nullptr;
}

}  // namespace parley::projections
