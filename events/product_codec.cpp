#include "events/product_codec.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "events/json_int.hpp"
#include "events/schema_table.hpp"

namespace parley::events::product_codec {
using nlohmann::json;

json to_json(const product::Product& p) {
  return {{"sku", p.sku},
          {"name", p.name},
          {"category", p.category},
          {"price_cents", p.price_cents},
          {"currency", p.currency},
          {"stock", p.stock},
          {"colors", p.colors},
          {"sizes", p.sizes},
          {"tags", p.tags},
          {"description", p.description},
          {"image_url", p.image_url}};
}

namespace {

product::Product from_stored(const json& j) {
  product::Product p;
  p.sku = j.at("sku");
  p.name = j.at("name");
  p.category = j.value("category", "");
  p.price_cents = integer(j.at("price_cents"));
  p.currency = j.at("currency");
  p.stock = integer(j.at("stock"));
  p.colors = j.value("colors", std::vector<std::string>{});
  p.sizes = j.value("sizes", std::vector<std::string>{});
  p.tags = j.value("tags", std::vector<std::string>{});
  p.description = j.value("description", "");
  p.image_url = j.value("image_url", "");
  return p;
}

template <class E>
struct Schema;
template <>
struct Schema<product::ProductUpserted> {
  static constexpr const char* kType = types::kUpserted;
  static json to(const product::ProductUpserted& e) { return to_json(e.product); }
  static product::ProductUpserted from(const json& p, const EventEnvelope&) {
    return {from_stored(p)};
  }
};
template <>
struct Schema<product::StockChanged> {
  static constexpr const char* kType = types::kStockChanged;
  static json to(const product::StockChanged& e) { return {{"sku", e.sku}, {"stock", e.stock}}; }
  static product::StockChanged from(const json& p, const EventEnvelope&) {
    return {p.at("sku"), integer(p.at("stock"))};
  }
};
template <>
struct Schema<product::ProductRemoved> {
  static constexpr const char* kType = types::kRemoved;
  static json to(const product::ProductRemoved& e) { return {{"sku", e.sku}}; }
  static product::ProductRemoved from(const json& p, const EventEnvelope&) { return {p.at("sku")}; }
};
using Table = SchemaTable<product::Event, Schema>;

}  // namespace

NewEvent encode(const product::Event& event, int64_t at_us, const std::string& causation_id) {
  NewEvent out = Table::encode(event);
  out.timestamp_us = at_us;
  out.causation_id = causation_id;
  return out;
}

Expected<product::Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "a product");
}

bool is_product_event(std::string_view type) {
  return Table::knows(type);
}

Expected<product::Product> product_from_json(const json& j) {
  if (!j.is_object()) return Status::InvalidArgument("a product must be a JSON object");
  auto str = [&](const char* k, std::string* out, bool required) -> std::optional<Status> {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) {
      if (required) return Status::InvalidArgument(std::string("'") + k + "' is required");
      return std::nullopt;
    }
    if (!it->is_string())
      return Status::InvalidArgument(std::string("'") + k + "' must be a string");
    *out = it->get<std::string>();
    return std::nullopt;
  };
  auto list = [&](const char* k, std::vector<std::string>* out) -> std::optional<Status> {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_array())
      return Status::InvalidArgument(std::string("'") + k + "' must be an array of strings");
    for (const auto& v : *it) {
      if (!v.is_string())
        return Status::InvalidArgument(std::string("'") + k + "' must be an array of strings");
      out->push_back(v.get<std::string>());
    }
    return std::nullopt;
  };
  product::Product p;
  std::string currency = "EUR";
  for (auto e : {str("sku", &p.sku, true), str("name", &p.name, true),
                 str("category", &p.category, false), str("currency", &currency, false),
                 str("description", &p.description, false), str("image_url", &p.image_url, false),
                 list("colors", &p.colors), list("sizes", &p.sizes), list("tags", &p.tags)})
    if (e) return *e;
  p.currency = currency;
  if (auto it = j.find("price_cents"); it != j.end()) {
    if (!it->is_number_integer())
      return Status::InvalidArgument("'price_cents' must be an integer");
    p.price_cents = it->get<int64_t>();
  } else if (auto pr = j.find("price"); pr != j.end()) {
    if (!pr->is_number()) return Status::InvalidArgument("'price' must be a number");
    const double price = pr->get<double>();
    if (!(std::fabs(price) <= 1e12))  // also NaN; llround is undefined past int64
      return Status::InvalidArgument("'price' is out of range");
    p.price_cents = static_cast<int64_t>(std::llround(price * 100));
  } else {
    return Status::InvalidArgument("'price' is required");
  }
  if (auto it = j.find("stock"); it != j.end()) {
    if (!it->is_number_integer()) return Status::InvalidArgument("'stock' must be an integer");
    p.stock = it->get<int64_t>();
  }
  return p;
}

}  // namespace parley::events::product_codec
