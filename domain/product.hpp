// The product entity: one sellable item of the catalog, keyed by SKU.
// Decider: decide(state, command) -> events | error; evolve(state, event).
// Re-importing an unchanged product decides no events, so imports are idempotent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace parley::domain::product {

inline constexpr const char* kEntityType = "product";

struct Product {
  std::string sku;  // upper case
  std::string name;
  std::string category;  // "Top > Sub"
  int64_t price_cents = 0;
  std::string currency;  // ISO 4217, upper case
  int64_t stock = 0;
  std::vector<std::string> colors;  // lower case
  std::vector<std::string> sizes;
  std::vector<std::string> tags;  // lower case
  std::string description;
  std::string image_url;

  friend bool operator==(const Product& a, const Product& b);
  friend bool operator!=(const Product& a, const Product& b) { return !(a == b); }
};

// ---- events -------------------------------------------------------------
struct ProductUpserted {
  Product product;
};
struct StockChanged {
  std::string sku;
  int64_t stock = 0;
};
struct ProductRemoved {
  std::string sku;
};
// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kUpserted = "catalog.product_upserted";
inline constexpr const char* kStockChanged = "catalog.stock_changed";
inline constexpr const char* kRemoved = "catalog.product_removed";
}  // namespace types
using Event = std::variant<ProductUpserted, StockChanged, ProductRemoved>;

// ---- state --------------------------------------------------------------
struct State {
  bool exists = false;  // upserted and not removed since
  Product product;
};

// ---- commands -----------------------------------------------------------
struct Upsert {
  Product product;
};
struct SetStock {
  int64_t stock = 0;
};
struct Remove {};
using Command = std::variant<Upsert, SetStock, Remove>;

enum class Error : uint8_t {
  invalid_sku = 1,  // empty, too long, or not [A-Z0-9-_.]
  missing_name,
  invalid_price,     // negative, or over kMaxPriceCents
  invalid_currency,  // not three letters
  invalid_stock,     // negative, or over kMaxStock
  not_found,         // stock change or removal of a product that does not exist
  too_long,          // a field over its limit (domain/limits.hpp: kMaxProduct…)
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

// Upper-cases the SKU and currency, lower-cases colours and tags, trims every
// field and drops empty list values. Pure.
Product normalize(Product p);
// The first rule `p` breaks, if any.
std::optional<Error> validate(const Product& p);

Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::product
