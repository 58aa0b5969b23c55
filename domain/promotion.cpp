#include "domain/promotion.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "domain/limits.hpp"
#include "domain/overloaded.hpp"

namespace parley::domain::promotion {
namespace {

constexpr size_t kMinCodeBytes = 3;
constexpr size_t kMaxCodeBytes = 32;
constexpr size_t kMaxDescriptionBytes = 200;
constexpr int64_t kMaxPercent = 90;

std::string trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Trimmed (and upper-cased for SKUs), without empties or repeats: an empty
// category would cover every line stored before lines had one.
std::vector<std::string> clean_list(const std::vector<std::string>& in, bool to_upper) {
  std::vector<std::string> out;
  for (const auto& v : in) {
    auto t = trim(v);
    if (to_upper) t = upper(t);
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  return out;
}

bool code_char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool valid_code(const std::string& code) {
  return code.size() >= kMinCodeBytes && code.size() <= kMaxCodeBytes &&
         std::all_of(code.begin(), code.end(), [](unsigned char c) { return code_char(c); });
}

bool valid_currency(const std::string& currency) {
  return currency.size() == 3 && std::all_of(currency.begin(), currency.end(),
                                             [](unsigned char c) { return c >= 'A' && c <= 'Z'; });
}

// A percentage carries no amount or currency; an amount no percentage.
bool valid_discount(const Promotion& p) {
  switch (p.kind) {
    case Kind::percent:
      return p.percent >= 1 && p.percent <= kMaxPercent && p.amount_cents == 0 &&
             p.currency.empty();
    case Kind::amount:
      return p.amount_cents >= 1 && p.amount_cents <= kMaxPriceCents &&
             valid_currency(p.currency) && p.percent == 0;
  }
  return false;
}

bool valid_window(const Promotion& p) {
  if (p.starts_us < 0 || p.ends_us < 0) return false;
  return p.ends_us == 0 || p.ends_us > p.starts_us;
}

// "Hardware" covers "Hardware" and "Hardware > Screws", not "Hardwarex".
bool at_or_below(const std::string& category, const std::string& c) {
  if (category == c) return true;
  const std::string prefix = c + " > ";
  return category.compare(0, prefix.size(), prefix) == 0;
}

// The covered lines' total in the cart's currency, saturated at INT64_MAX
// (a cart the deciders built never gets near it).
int64_t covered_total(const Promotion& p, const std::vector<CartLine>& cart) {
  const std::string& currency = cart.front().currency;
  int64_t total = 0;
  for (const auto& line : cart) {
    if (line.currency != currency || !covers(p, line)) continue;
    int64_t line_total = 0;
    if (__builtin_mul_overflow(line.quantity, line.unit_price_cents, &line_total) ||
        __builtin_add_overflow(total, std::max<int64_t>(line_total, 0), &total))
      return INT64_MAX;
  }
  return total;
}

}  // namespace

bool operator==(const Promotion& a, const Promotion& b) {
  return a.code == b.code && a.description == b.description && a.kind == b.kind &&
         a.percent == b.percent && a.amount_cents == b.amount_cents && a.currency == b.currency &&
         a.starts_us == b.starts_us && a.ends_us == b.ends_us && a.skus == b.skus &&
         a.categories == b.categories;
}

const char* to_string(Kind k) {
  switch (k) {
    case Kind::percent:
      return "percent";
    case Kind::amount:
      return "amount";
  }
  return "percent";
}

bool kind_from(const std::string& name, Kind* out) {
  if (name == "percent")
    *out = Kind::percent;
  else if (name == "amount")
    *out = Kind::amount;
  else
    return false;
  return true;
}

const char* to_string(Error e) {
  switch (e) {
    case Error::invalid_code:
      return "invalid_code";
    case Error::invalid_description:
      return "invalid_description";
    case Error::invalid_discount:
      return "invalid_discount";
    case Error::invalid_window:
      return "invalid_window";
    case Error::too_many_targets:
      return "too_many_targets";
    case Error::not_found:
      return "not_found";
  }
  return "unknown";
}

Promotion normalize(Promotion p) {
  p.code = upper(trim(p.code));
  p.description = trim(p.description);
  p.currency = upper(trim(p.currency));
  p.skus = clean_list(p.skus, true);
  p.categories = clean_list(p.categories, false);
  return p;
}

bool valid_at(const Promotion& p, int64_t now_us) {
  return now_us >= p.starts_us && (p.ends_us == 0 || now_us < p.ends_us);
}

bool covers(const Promotion& p, const CartLine& line) {
  if (p.skus.empty() && p.categories.empty()) return true;  // the whole catalog
  if (std::find(p.skus.begin(), p.skus.end(), line.sku) != p.skus.end()) return true;
  return std::any_of(p.categories.begin(), p.categories.end(),
                     [&](const std::string& c) { return at_or_below(line.category, c); });
}

int64_t discount_cents(const Promotion& p, const std::vector<CartLine>& cart) {
  if (cart.empty()) return 0;
  const int64_t covered = covered_total(p, cart);
  if (covered <= 0) return 0;
  switch (p.kind) {
    case Kind::percent: {
      // floor(covered * percent / 100) without the product overflowing.
      const int64_t percent = std::clamp<int64_t>(p.percent, 0, 100);
      return covered / 100 * percent + covered % 100 * percent / 100;
    }
    case Kind::amount:
      if (p.currency != cart.front().currency) return 0;
      return std::clamp<int64_t>(p.amount_cents, 0, covered);
  }
  return 0;
}

std::optional<Error> validate(const Promotion& p) {
  if (!valid_code(p.code)) return Error::invalid_code;
  if (p.description.size() > kMaxDescriptionBytes) return Error::invalid_description;
  if (!valid_discount(p)) return Error::invalid_discount;
  if (!valid_window(p)) return Error::invalid_window;
  if (p.skus.size() + p.categories.size() > kMaxTargets) return Error::too_many_targets;
  return std::nullopt;
}

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  using Events = Result<std::vector<Event>, Error>;
  return std::visit(
      overloaded{[&](const Save& save) -> Events {
                   Promotion p = normalize(save.promotion);
                   if (auto e = validate(p)) return fail(*e);
                   // Saving what runs already decides nothing, so an admin's retry is safe.
                   if (state.running && state.promotion == p) return std::vector<Event>{};
                   return std::vector<Event>{PromotionSaved{std::move(p), save.by, save.at_us}};
                 },
                 [&](const End& end) -> Events {
                   if (!state.exists) return fail(Error::not_found);
                   if (!state.running) return std::vector<Event>{};
                   return std::vector<Event>{PromotionEnded{end.by, end.at_us}};
                 }},
      command);
}

State evolve(State s, const Event& event) {
  std::visit(overloaded{[&](const PromotionSaved& e) {
                          s.exists = true;
                          s.running = true;
                          s.promotion = e.promotion;
                          s.updated_by = e.by;
                          s.updated_us = e.at_us;
                        },
                        [&](const PromotionEnded& e) {
                          s.running = false;
                          s.updated_by = e.by;
                          s.updated_us = e.at_us;
                        }},
             event);
  return s;
}

}  // namespace parley::domain::promotion
