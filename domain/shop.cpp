#include "domain/shop.hpp"

namespace parley::domain {

const char* to_string(Stage s) {
  switch (s) {
    case Stage::greeting:
      return "greeting";
    case Stage::discovery:
      return "discovery";
    case Stage::consultation:
      return "consultation";
    case Stage::cart:
      return "cart";
    case Stage::checkout:
      return "checkout";
    case Stage::closing:
      return "closing";
  }
  return "greeting";
}

bool parse_stage(const std::string& text, Stage* out) {
  for (Stage s : {Stage::greeting, Stage::discovery, Stage::consultation, Stage::cart,
                  Stage::checkout, Stage::closing})
    if (text == to_string(s)) {
      *out = s;
      return true;
    }
  return false;
}

bool operator==(const CartLine& a, const CartLine& b) {
  return a.sku == b.sku && a.name == b.name && a.quantity == b.quantity &&
         a.unit_price_cents == b.unit_price_cents && a.currency == b.currency &&
         a.color == b.color && a.size == b.size && a.colors == b.colors && a.sizes == b.sizes &&
         a.footwear == b.footwear && a.category == b.category;
}

std::vector<std::string> Customer::missing() const {
  std::vector<std::string> out;
  if (name.empty()) out.push_back("name");
  if (phone.empty()) out.push_back("phone");
  if (email.empty()) out.push_back("email");
  if (address.empty()) out.push_back("address");
  if (city.empty()) out.push_back("city");
  return out;
}

Customer Customer::merged(const Customer& o) const {
  Customer c = *this;
  if (!o.name.empty()) c.name = o.name;
  if (!o.phone.empty()) c.phone = o.phone;
  if (!o.email.empty()) c.email = o.email;
  if (!o.address.empty()) c.address = o.address;
  if (!o.city.empty()) c.city = o.city;
  return c;
}

bool operator==(const Customer& a, const Customer& b) {
  return a.name == b.name && a.phone == b.phone && a.email == b.email && a.address == b.address &&
         a.city == b.city;
}

std::optional<int64_t> checked_cart_total(const std::vector<CartLine>& cart) {
  int64_t total = 0;
  for (const auto& l : cart) {
    int64_t line = 0;
    if (__builtin_mul_overflow(l.quantity, l.unit_price_cents, &line) ||
        __builtin_add_overflow(total, line, &total))
      return std::nullopt;
  }
  return total;
}

int64_t cart_total_cents(const std::vector<CartLine>& cart) {
  return checked_cart_total(cart).value_or(INT64_MAX);
}

}  // namespace parley::domain
