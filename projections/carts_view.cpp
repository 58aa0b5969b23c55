#include "projections/carts_view.hpp"

#include <algorithm>
#include <map>
#include <shared_mutex>

#include "events/conversation_codec.hpp"
#include "projections/fields.hpp"
#include "projections/row_writer.hpp"

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

void total(CartsView::Cart& cart) {
  int64_t value = 0, items = 0;
  const std::string* currency = nullptr;
  for (const auto& l : cart.lines) {
    value += l.quantity * l.unit_price_cents;
    items += l.quantity;
    if (!currency && !l.currency.empty()) currency = &l.currency;
  }
  cart.value_cents = value;
  cart.items = items;
  if (currency) cart.currency = *currency;
  if (cart.status != "ordered") cart.status = cart.lines.empty() ? "emptied" : "open";
}

}  // namespace

void CartsView::apply(const ProjectedEvent& e) {
  const auto& id = e.env.entity_id;
  const auto& type = e.env.type;
  auto it = rows_.find(id);
  if (it == rows_.end()) {
    if (type != ct::kItemAdded) return;  // nothing to change
    it = rows_.emplace(id, Cart{}).first;
    it->second.channel = channel_of(id);
  }
  Cart& cart = it->second;
  if (!cart.changed) {
    cart.changed = true;
    changed_.push_back(id);
  }
  const Fields p = e.payload();
  cart.updated_us = e.env.timestamp_us;
  auto each_line = [&](auto f) {
    const std::string_view sku = p.str("sku");
    for (auto& l : cart.lines)
      if (l.sku == sku) f(l);
  };
  if (type == ct::kItemAdded) {
    if (cart.status == "ordered") {  // a new cart after an order
      cart.lines.clear();
      cart.status = "open";
      cart.order_id.reset();
    }
    const Fields l = p.object("line");
    cart.lines.push_back({l.string("sku"), l.string("name"), l.string("currency"),
                          l.string("color"), l.string("size"), l.i64("quantity"),
                          l.i64("unit_price_cents")});
  } else if (type == ct::kItemRemoved) {
    const std::string_view sku = p.str("sku");
    cart.lines.erase(std::remove_if(cart.lines.begin(), cart.lines.end(),
                                    [&](const Line& l) { return l.sku == sku; }),
                     cart.lines.end());
  } else if (type == ct::kQuantityChanged) {
    each_line([&](Line& l) { l.quantity = p.i64("quantity"); });
  } else if (type == ct::kVariantChosen) {
    each_line([&](Line& l) {
      if (!p.str("color").empty()) l.color = p.string("color");
      if (!p.str("size").empty()) l.size = p.string("size");
    });
  } else if (type == ct::kCartCleared) {
    cart.lines.clear();
    if (cart.status == "ordered") cart.status = "emptied";
  } else if (type == ct::kOrderPlaced) {
    cart.status = "ordered";
    cart.order_id = p.string("order_id");
  }
  total(cart);
}

// Keys in sorted order, as canonical() writes an nlohmann row; "order_id"
// only while ordered.
std::string CartsView::row_json(const std::string& id, const Cart& cart) {
  std::string lines = "[";
  for (const Line& l : cart.lines) {
    if (lines.size() > 1) lines.push_back(',');
    lines += RowWriter()
                 .str("color", l.color)
                 .str("currency", l.currency)
                 .str("name", l.name)
                 .num("quantity", l.quantity)
                 .str("size", l.size)
                 .str("sku", l.sku)
                 .num("unit_price_cents", l.unit_price_cents)
                 .done();
  }
  lines.push_back(']');
  RowWriter row(160 + lines.size());
  row.str("channel", cart.channel)
      .str("conversation_id", id)
      .str("currency", cart.currency)
      .num("items", cart.items)
      .raw("lines", lines);
  if (cart.order_id) row.str("order_id", *cart.order_id);
  return row.str("status", cart.status)
      .num("updated_us", cart.updated_us)
      .num("value_cents", cart.value_cents)
      .done();
}

void CartsView::take_changes(std::vector<ViewWrite>* out) {
  take_changed_rows(rows_, changed_, out, row_json);
}

events::Status CartsView::load_row(std::string_view key, std::string_view value) {
  auto j = json::parse(value, nullptr, false);
  if (!j.is_object() || !j.contains("lines") || !j["lines"].is_array())
    return events::Status::Corruption("carts row " + std::string(key) + " is not a cart");
  Cart cart;
  cart.channel = j.value("channel", "");
  cart.currency = j.value("currency", "");
  cart.status = j.value("status", "open");
  if (j.contains("order_id")) cart.order_id = j.value("order_id", "");
  cart.updated_us = j.value("updated_us", int64_t{0});
  cart.value_cents = j.value("value_cents", int64_t{0});
  cart.items = j.value("items", int64_t{0});
  for (const auto& l : j["lines"]) {
    if (!l.is_object()) return events::Status::Corruption("carts row " + std::string(key));
    cart.lines.push_back({l.value("sku", ""), l.value("name", ""), l.value("currency", ""),
                          l.value("color", ""), l.value("size", ""),
                          l.value("quantity", int64_t{0}),
                          l.value("unit_price_cents", int64_t{0})});
  }
  rows_.insert_or_assign(std::string(key), std::move(cart));
  return events::Status::Ok();
}

void CartsView::clear() {
  rows_.clear();
  changed_.clear();
}

CartsView::Carts CartsView::carts(const RowFilter& f, const std::string& state,
                                  int64_t abandoned_before_us, const Calendar& cal) const {
  Carts out;
  std::shared_lock lock(mutex());
  std::vector<const std::pair<const std::string, Cart>*> sorted;  // by conversation id
  for (const auto& r : rows_) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* r : sorted) {
    const Cart& c = r->second;
    if (!f.day_ok(cal.date(c.updated_us)) || (!f.channel.empty() && c.channel != f.channel))
      continue;
    const bool abandoned = c.status == "open" && c.updated_us < abandoned_before_us;
    if (abandoned) out.abandoned_value_cents += c.value_cents;
    if (state == "abandoned" ? !abandoned : (!state.empty() && c.status != state)) continue;
    json row = json::parse(row_json(r->first, c));
    row["abandoned"] = abandoned;
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::optional<json> CartsView::cart(const std::string& conversation_id) const {
  auto it = rows_.find(conversation_id);
  if (it == rows_.end()) return std::nullopt;
  return json::parse(row_json(it->first, it->second));
}

std::map<std::string, CartsView::OpenCart> CartsView::open_carts() const {
  std::shared_lock lock(mutex());
  std::map<std::string, OpenCart> out;
  for (const auto& [id, cart] : rows_)
    if (cart.status == "open") out[id] = {cart.value_cents, cart.currency};
  return out;
}

}  // namespace parley::projections
