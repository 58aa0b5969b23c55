#include "domain/product.hpp"

#include "domain/overloaded.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "domain/limits.hpp"

namespace parley::domain::product {
namespace {

std::string trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string ascii_case(std::string s, bool upper) {
  for (auto& c : s)
    c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                : std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> clean_list(const std::vector<std::string>& in, bool lower) {
  std::vector<std::string> out;
  for (const auto& v : in) {
    auto t = trim(v);
    if (lower) t = ascii_case(t, false);
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  return out;
}

}  // namespace

bool operator==(const Product& a, const Product& b) {
  return a.sku == b.sku && a.name == b.name && a.category == b.category &&
         a.price_cents == b.price_cents && a.currency == b.currency && a.stock == b.stock &&
         a.colors == b.colors && a.sizes == b.sizes && a.tags == b.tags &&
         a.description == b.description && a.image_url == b.image_url;
}

const char* to_string(Error e) {
  switch (e) {
    case Error::invalid_sku:
      return "invalid_sku";
    case Error::missing_name:
      return "missing_name";
    case Error::too_long:
      return "too_long";
    case Error::invalid_price:
      return "invalid_price";
    case Error::invalid_currency:
      return "invalid_currency";
    case Error::invalid_stock:
      return "invalid_stock";
    case Error::not_found:
      return "not_found";
  }
  return "unknown";
}

Product normalize(Product p) {
  p.sku = ascii_case(trim(p.sku), true);
  p.name = trim(p.name);
  p.category = trim(p.category);
  p.currency = ascii_case(trim(p.currency), true);
  p.colors = clean_list(p.colors, true);
  p.sizes = clean_list(p.sizes, false);
  p.tags = clean_list(p.tags, true);
  p.description = trim(p.description);
  p.image_url = trim(p.image_url);
  return p;
}

std::optional<Error> validate(const Product& p) {
  if (p.sku.empty() || p.sku.size() > 64) return Error::invalid_sku;
  for (unsigned char c : p.sku)
    if (!(std::isupper(c) || std::isdigit(c) || c == '-' || c == '_' || c == '.'))
      return Error::invalid_sku;
  if (p.name.empty()) return Error::missing_name;
  // Every product is indexed for search and shown in chats: a 200 KB
  // description took ~10 s to save and every restart ~20 s (our probe).
  if (p.name.size() > kMaxProductNameBytes || p.category.size() > kMaxProductNameBytes ||
      p.description.size() > kMaxProductDescriptionBytes ||
      p.image_url.size() > kMaxProductDescriptionBytes ||
      p.colors.size() + p.sizes.size() + p.tags.size() > kMaxProductListValues)
    return Error::too_long;
  for (const auto* list : {&p.colors, &p.sizes, &p.tags})
    for (const auto& v : *list)
      if (v.size() > kMaxProductNameBytes) return Error::too_long;
  if (p.price_cents < 0 || p.price_cents > kMaxPriceCents) return Error::invalid_price;
  if (p.currency.size() != 3 || !std::all_of(p.currency.begin(), p.currency.end(),
                                             [](unsigned char c) { return std::isupper(c); }))
    return Error::invalid_currency;
  if (p.stock < 0 || p.stock > kMaxStock) return Error::invalid_stock;
  return std::nullopt;
}

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  using Events = Result<std::vector<Event>, Error>;
  if (!std::holds_alternative<Upsert>(command) && !state.exists) return fail(Error::not_found);
  return std::visit(
      overloaded{[&](const Upsert& up) -> Events {
                   Product p = normalize(up.product);
                   if (auto e = validate(p)) return fail(*e);
                   if (state.exists && state.product == p) return std::vector<Event>{};
                   return std::vector<Event>{ProductUpserted{std::move(p)}};
                 },
                 [&](const SetStock& set) -> Events {
                   if (set.stock < 0 || set.stock > kMaxStock) return fail(Error::invalid_stock);
                   if (set.stock == state.product.stock) return std::vector<Event>{};
                   return std::vector<Event>{StockChanged{state.product.sku, set.stock}};
                 },
                 [&](const Remove&) -> Events {
                   return std::vector<Event>{ProductRemoved{state.product.sku}};
                 }},
      command);
}

State evolve(State s, const Event& event) {
  std::visit(overloaded{[&](const ProductUpserted& u) {
                          s.exists = true;
                          s.product = u.product;
                        },
                        [&](const StockChanged& c) { s.product.stock = c.stock; },
                        [&](const ProductRemoved&) { s.exists = false; }},
             event);
  return s;
}

}  // namespace parley::domain::product
