// A promotion the shop runs: a code, a discount (a percentage, or an amount
// in one currency), when it is valid, and what it covers (products by SKU,
// categories, or the whole catalog). Stream ("promotion", <code>). Saving the
// same promotion again decides nothing; saving another under the same code
// replaces it; ending it is for good until it is saved again.
// Decider: decide(state, command) -> events | error; evolve(state, event).
// discount_cents() is what a cart saves with it: pure, in the cart's currency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"
#include "domain/shop.hpp"

namespace parley::domain::promotion {

inline constexpr const char* kEntityType = "promotion";

enum class Kind : uint8_t { percent, amount };
const char* to_string(Kind k);  // "percent", "amount"
bool kind_from(const std::string& name, Kind* out);

inline constexpr size_t kMaxTargets = 200;  // SKUs plus categories

struct Promotion {
  std::string code;         // 3..32 of A-Z, 0-9, '-', '_' (saved in upper case): the stream id
  std::string description;  // 0..200 bytes, told to shoppers ("10% off every screw")
  Kind kind = Kind::percent;
  int64_t percent = 0;       // percent: 1..90
  int64_t amount_cents = 0;  // amount: 1..kMaxPriceCents, off the covered lines' total
  std::string currency;      // amount: its three-letter currency; percent: ""
  int64_t starts_us = 0;     // 0: from when it is saved
  int64_t ends_us = 0;       // 0: until it is ended; else after starts_us
  // What it covers: a line whose SKU is listed, or whose category is one of
  // these or below one ("Hardware" covers "Hardware > Screws"). Both empty:
  // every line.
  std::vector<std::string> skus;
  std::vector<std::string> categories;

  friend bool operator==(const Promotion& a, const Promotion& b);
};

// Trims and upper-cases the code, the currency and the SKUs, trims the
// description and the categories, and drops empty or repeated SKUs and
// categories (an empty category would cover every line stored before lines
// had one).
Promotion normalize(Promotion p);

// Started and not past its end at `now_us` (it is the caller's to know it
// was not ended: State::running).
bool valid_at(const Promotion& p, int64_t now_us);
bool covers(const Promotion& p, const CartLine& line);
// What `cart` saves with `p`: a percentage of the covered lines' total
// (rounded down to the cent), or the amount, at most that total and only in
// its currency. 0 when nothing is covered.
int64_t discount_cents(const Promotion& p, const std::vector<CartLine>& cart);

// ---- events -------------------------------------------------------------
struct PromotionSaved {
  Promotion promotion;
  std::string by;
  int64_t at_us = 0;
};
struct PromotionEnded {
  std::string by;
  int64_t at_us = 0;
};
namespace types {
inline constexpr const char* kSaved = "promotion.saved";
inline constexpr const char* kEnded = "promotion.ended";
}  // namespace types
using Event = std::variant<PromotionSaved, PromotionEnded>;

// ---- state --------------------------------------------------------------
struct State {
  bool exists = false;   // saved at least once
  bool running = false;  // saved and not ended since
  Promotion promotion;
  std::string updated_by;
  int64_t updated_us = 0;
};

// ---- commands -----------------------------------------------------------
struct Save {
  Promotion promotion;
  std::string by;
  int64_t at_us = 0;
};
struct End {
  std::string by;
  int64_t at_us = 0;
};
using Command = std::variant<Save, End>;

enum class Error : uint8_t {
  invalid_code = 1,     // not 3..32 of A-Z, 0-9, '-', '_'
  invalid_description,  // over 200 bytes
  invalid_discount,     // percent not 1..90; amount not positive or without a currency
  invalid_window,       // ends_us not after starts_us
  too_many_targets,     // over kMaxTargets SKUs and categories
  not_found,            // ending a promotion never saved
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

std::optional<Error> validate(const Promotion& p);
Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::promotion
