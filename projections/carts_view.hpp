// Carts: one row per conversation that ever had a cart, keyed by the
// conversation id. A row: channel, lines (sku, name, quantity, unit price,
// currency, colour, size), value_cents, currency, items, updated_us (the
// last cart event), status: "open" (has lines), "emptied" (cleared or every
// line removed) or "ordered" (order_id set, lines as ordered).
// Abandoned is a question asked at read time: open and not touched for a
// while (the API's abandoned_after_hours, default 24).
#pragma once

#include <map>

#include "projections/calendar.hpp"
#include "projections/projection.hpp"
#include "projections/row_filter.hpp"

namespace parley::projections {

class CartsView final : public JsonRowProjection {
 public:
  CartsView() : JsonRowProjection("carts", "carts/1") {}
  bool wants(std::string_view type) const override;
  void apply(const ProjectedEvent& event) override;

  // Carts updated on the days asked for. An open cart untouched since
  // `abandoned_before_us` is abandoned; `state` is open, abandoned, ordered,
  // emptied or "" for any. Takes the view's lock.
  struct Carts {
    nlohmann::json rows = nlohmann::json::array();
    int64_t abandoned_value_cents = 0;
  };
  Carts carts(const RowFilter& filter, const std::string& state, int64_t abandoned_before_us,
              const Calendar& calendar) const;

  // Every open cart's value, by conversation id (the inbox's join). Takes the view's lock.
  struct OpenCart {
    int64_t value_cents = 0;
    std::string currency;
  };
  std::map<std::string, OpenCart> open_carts() const;
};

// "telegram" of "telegram:4242".
std::string channel_of(const std::string& conversation_id);

}  // namespace parley::projections
