#include "projections/carts_view.hpp"

#include <algorithm>
#include <map>
#include <shared_mutex>

#include "events/conversation_codec.hpp"
#include "projections/fields.hpp"

namespace parley::projections {

namespace ct = events::conversation_codec::types;

using nlohmann::json;

std::string channel_of(const std::string& conversation_id) {
  auto colon = conversation_id.find(':');
  return colon == std::string::npos ? std::string() : conversation_id.substr(0, colon);
}

bool CartsView::wants(std::string_view type) const {
  return type.substr(0, 5) == "cart." || type == ct::kOrderPlaced;
}

namespace {

void total(json& cart) {
  int64_t value = 0, items = 0;
  std::string currency;
  for (const auto& l : cart["lines"]) {
    const int64_t q = l.value("quantity", int64_t{0});
    value += q * l.value("unit_price_cents", int64_t{0});
    items += q;
    if (currency.empty()) currency = l.value("currency", "");
  }
  cart["value_cents"] = value;
  cart["items"] = items;
  if (!currency.empty()) cart["currency"] = currency;
  if (cart["status"] != "ordered") cart["status"] = cart["lines"].empty() ? "emptied" : "open";
}

}  // namespace

void CartsView::apply(const ProjectedEvent& e) {
  const auto& id = e.env.entity_id;
  const auto& type = e.env.type;
  const Fields p = e.payload();
  json* existing = row(id);
  if (!existing && type != ct::kItemAdded) return;  // nothing to change
  json& cart = existing ? *existing : touch(id);
  if (!existing)
    cart = {{"conversation_id", id},
            {"channel", channel_of(id)},
            {"lines", json::array()},
            {"status", "open"},
            {"currency", ""}};
  cart["updated_us"] = e.env.timestamp_us;
  if (type == ct::kItemAdded) {
    if (cart["status"] == "ordered") {  // a new cart after an order
      cart["lines"] = json::array();
      cart["status"] = "open";
      cart.erase("order_id");
    }
    const Fields l = p.object("line");
    cart["lines"].push_back({{"sku", l.str("sku")},
                             {"name", l.str("name")},
                             {"quantity", l.i64("quantity")},
                             {"unit_price_cents", l.i64("unit_price_cents")},
                             {"currency", l.str("currency")},
                             {"color", l.str("color")},
                             {"size", l.str("size")}});
  } else if (type == ct::kItemRemoved) {
    auto& lines = cart["lines"];
    const std::string_view sku = p.str("sku");
    json kept = json::array();
    for (auto& l : lines)
      if (l.value("sku", "") != sku) kept.push_back(std::move(l));
    lines = std::move(kept);
  } else if (type == ct::kQuantityChanged) {
    for (auto& l : cart["lines"])
      if (l.value("sku", "") == p.str("sku")) l["quantity"] = p.i64("quantity");
  } else if (type == ct::kVariantChosen) {
    for (auto& l : cart["lines"])
      if (l.value("sku", "") == p.str("sku")) {
        if (!p.str("color").empty()) l["color"] = p.str("color");
        if (!p.str("size").empty()) l["size"] = p.str("size");
      }
  } else if (type == ct::kCartCleared) {
    cart["lines"] = json::array();
    if (cart["status"] == "ordered") cart["status"] = "emptied";
  } else if (type == ct::kOrderPlaced) {
    cart["status"] = "ordered";
    cart["order_id"] = p.str("order_id");
  }
  total(cart);
}

CartsView::Carts CartsView::carts(const RowFilter& f, const std::string& state,
                                  int64_t abandoned_before_us, const Calendar& cal) const {
  using nlohmann::json;
  Carts out;
  std::shared_lock lock(mutex());
  each("", [&](const std::string&, const json& r) {
    if (!f.day_ok(cal.date(r.value("updated_us", int64_t{0}))) || !f.channel_ok(r)) return;
    json row = r;
    const bool abandoned =
        r.value("status", "") == "open" && r.value("updated_us", int64_t{0}) < abandoned_before_us;
    row["abandoned"] = abandoned;
    if (abandoned) out.abandoned_value_cents += r.value("value_cents", int64_t{0});
    if (state == "abandoned" ? !abandoned : (!state.empty() && r.value("status", "") != state))
      return;
    out.rows.push_back(std::move(row));
  });
  return out;
}

std::map<std::string, CartsView::OpenCart> CartsView::open_carts() const {
  std::shared_lock lock(mutex());
  std::map<std::string, OpenCart> out;
  each("", [&](const std::string& id, const json& cart) {
    if (cart.value("status", "") == "open")
      out[id] = {cart.value("value_cents", int64_t{0}), cart.value("currency", "")};
  });
  return out;
}

}  // namespace parley::projections
