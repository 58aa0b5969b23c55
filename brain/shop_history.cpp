// A shopper's past orders in the offline brain: "what did I order last
// time?" lists them, "same as before" puts the last one back in the cart at
// today's prices and stock, a returning shopper is reminded of it when they
// say hello, and a product just added brings one that others bought with it.
// The orders come from every channel the shopper used (brain/order_history.hpp).
#include <cstdio>

#include "brain/nlu_cues.hpp"
#include "brain/shop_turn.hpp"
#include "domain/civil_date.hpp"

namespace parley::brain::shop {
namespace {

using domain::CartLine;
using domain::product::Product;

// "same as before", "lo mismo que la última vez", "как в прошлый раз",
// "pesan lagi", "wahi order": the last order again.
const nlu::Cues& reorder_cues() {
  static const nlu::Cues kCues = {"reorder",
                                  "re order",
                                  "order again",
                                  "same again",
                                  "same as before",
                                  "same as last time",
                                  "repeat my order",
                                  "repeat the order",
                                  "repeat order",
                                  "buy again",
                                  "the usual",
                                  "repetir pedido",
                                  "repetir el pedido",
                                  "repite el pedido",
                                  "repite mi pedido",
                                  "lo mismo que la ultima vez",
                                  "lo mismo que antes",
                                  "lo mismo de antes",
                                  "lo de siempre",
                                  "volver a pedir",
                                  "pedir de nuevo",
                                  "pedir otra vez",
                                  "повтори* заказ",
                                  "повторить заказ",
                                  "то же самое",
                                  "как в прошлый раз",
                                  "как обычно",
                                  "pesan lagi",
                                  "order lagi",
                                  "beli lagi",
                                  "sama seperti sebelumnya",
                                  "sama kayak kemarin",
                                  "sama kaya kemarin",
                                  "ulangi pesanan",
                                  "seperti biasa",
                                  "wahi order",
                                  "dobara order",
                                  "phir se order",
                                  "pichhli baar wala",
                                  "pichli baar wala",
                                  "वही ऑर्डर",
                                  "दोबारा ऑर्डर",
                                  "फिर से ऑर्डर"};
  return kCues;
}

// "what did I order last time?", "¿qué pedí?", "что я заказывал?",
// "riwayat pesanan", "maine kya order kiya". Not "my orders" or "mis
// pedidos": those usually ask where the orders are (order_status).
const nlu::Cues& history_cues() {
  static const nlu::Cues kCues = {
      "what did i order",   "what i ordered",      "what did i buy",       "order history",
      "previous order",     "previous orders",     "past orders",          "what was my last order",
      "que pedi",           "que compre",          "historial de pedidos", "pedido anterior",
      "pedidos anteriores", "что я заказывал",     "что я заказывала",     "что я заказал*",
      "история заказов",    "прошлый заказ",       "предыдущий заказ",     "riwayat pesanan",
      "pesanan sebelumnya", "apa yang saya pesan", "aku pesan apa",        "maine kya order kiya",
      "maine kya mangaya",  "pichhla order",       "pichla order",         "purane order",
      "मैंने क्या ऑर्डर",        "पिछला ऑर्डर"};
  return kCues;
}

std::string day_of(int64_t at_us) {
  const auto d = domain::civil_from_days(at_us / 86'400'000'000LL);
  char out[40];  // room for any int the compiler imagines
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", static_cast<int>(d.year), d.month, d.day);
  return out;
}

std::string lines_of(const std::vector<CartLine>& lines) {
  std::vector<std::string> parts;
  for (const auto& l : lines) {
    std::string part = std::to_string(l.quantity) + " × " + l.name;
    if (!l.color.empty() || !l.size.empty())
      part += " (" + l.color + (l.color.empty() || l.size.empty() ? "" : ", ") + l.size + ")";
    parts.push_back(std::move(part));
  }
  return join(parts, ", ");
}

const PastOrder* last_kept(const std::vector<PastOrder>& orders) {
  for (const auto& o : orders)
    if (!o.cancelled) return &o;
  return nullptr;
}

void list_orders(Turn& t, const std::vector<PastOrder>& orders) {
  std::string list;
  for (const auto& o : orders) {
    list += "\n" + o.order_id + " (" + day_of(o.placed_at_us) + "): " + lines_of(o.lines) + " — " +
            money(o.total_cents, o.currency);
    if (o.cancelled) list += " ×";
  }
  t.reply(Say::past_orders, {list});
}

// The order's lines again, at today's price and stock: a line no longer sold
// or sold out is named, one with less stock is cut to what is left, a colour
// or size no longer offered is asked again at checkout.
void reorder(Turn& t, const PastOrder& order, const Catalog& catalog) {
  std::vector<std::string> missing;
  for (const auto& old : order.lines) {
    const Product* p = catalog.find(old.sku);
    if (!p || p->stock <= 0) {
      missing.push_back(old.name);
      continue;
    }
    CartLine line = cart_line_for(*p, std::min(old.quantity, p->stock));
    for (const auto& c : p->colors)
      if (c == old.color) line.color = c;
    for (const auto& s : p->sizes)
      if (s == old.size) line.size = s;
    if (!t.apply(conv::AddItem{line})) missing.push_back(old.name);
  }
  if (t.state.cart.empty()) return t.reply(Say::reorder_nothing, {order.order_id});
  t.reply(Say::reordered, {order.order_id, cart_lines(t.state), total(t.state)});
  if (!missing.empty()) t.reply(Say::reorder_missing, {join(missing, ", ")});
  t.stage(domain::Stage::cart);
}

}  // namespace

bool answer_order_history(Turn& t, const Catalog& catalog) {
  if (!t.history) return false;
  const auto& tk = t.words;
  const bool again = nlu::has_cue(tk, reorder_cues());
  if (!again && !nlu::has_cue(tk, history_cues())) return false;
  const auto orders = t.history->orders_of(t.state, 5);
  if (orders.empty()) return (t.reply(Say::no_orders), true);
  if (!again) return (list_orders(t, orders), true);
  const PastOrder* last = last_kept(orders);
  if (!last) return (t.reply(Say::reorder_nothing, {orders.front().order_id}), true);
  reorder(t, *last, catalog);
  return true;
}

void welcome_back(Turn& t) {
  if (!t.history) return;
  const auto orders = t.history->orders_of(t.state, 5);
  if (const PastOrder* last = last_kept(orders))
    t.reply(Say::welcome_back, {lines_of(last->lines)});
}

void suggest_bought_with(Turn& t, const Catalog& catalog) {
  if (!t.history) return;
  std::string added;
  for (const auto& e : t.plan.events)
    if (const auto* a = std::get_if<conv::ItemAdded>(&e)) added = a->line.sku;
  if (added.empty()) return;
  for (const auto& sku : t.history->bought_with(added, 5)) {
    const Product* p = catalog.find(sku);
    if (!p || p->stock <= 0 || t.state.line(sku)) continue;
    if (!t.state.cart.empty() && p->currency != t.state.cart.front().currency) continue;
    t.reply(Say::bought_together, {p->name, money(p->price_cents, p->currency)});
    return;
  }
}

}  // namespace parley::brain::shop
