// What a shopping conversation keeps: its sales stage, cart lines and the
// customer's delivery details. Pure value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/limits.hpp"

namespace parley::domain {

enum class Stage : uint8_t { greeting, discovery, consultation, cart, checkout, closing };
const char* to_string(Stage s);
bool parse_stage(const std::string& text, Stage* out);

struct CartLine {
  std::string sku;
  std::string name;
  int64_t quantity = 1;
  int64_t unit_price_cents = 0;
  std::string currency = "EUR";
  std::string color;                // chosen colour; "" while not chosen
  std::string size;                 // chosen size; "" while not chosen
  std::vector<std::string> colors;  // the product's choices, copied when added
  std::vector<std::string> sizes;
  bool footwear = false;
  std::string category = "";  // the product's, copied when added ("" on lines from before)

  int64_t total_cents() const { return quantity * unit_price_cents; }
  // A colour must be chosen when there are several; a size for footwear.
  bool needs_color() const { return color.empty() && colors.size() > 1; }
  bool needs_size() const { return size.empty() && footwear && sizes.size() > 1; }
  friend bool operator==(const CartLine& a, const CartLine& b);
};

struct Customer {
  std::string name, phone, email, address, city;

  // The fields still empty, in the order they are asked for.
  std::vector<std::string> missing() const;
  bool complete() const { return missing().empty(); }
  // `other`'s non-empty fields over these.
  Customer merged(const Customer& other) const;
  bool empty() const {
    return name.empty() && phone.empty() && email.empty() && address.empty() && city.empty();
  }
  friend bool operator==(const Customer& a, const Customer& b);
};

// The cart's total; nullopt when it would overflow int64 (never for a cart the
// deciders built).
std::optional<int64_t> checked_cart_total(const std::vector<CartLine>& cart);
// The same for display: saturates instead of wrapping round to a negative.
int64_t cart_total_cents(const std::vector<CartLine>& cart);

}  // namespace parley::domain
