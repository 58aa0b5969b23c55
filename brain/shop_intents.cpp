// What each request asks of the shop, one handler per intent of
// ../shared/spec/nlu-labels.md, and the table plan_turn dispatches on.
// Checkout answers, slash commands, cancellations, browsing and clarifying
// questions are decided before (brain/shop_policy.cpp).
#include <algorithm>
#include <cctype>
#include <map>

#include "brain/lexicon.hpp"
#include "brain/order_texts.hpp"
#include "brain/shop_turn.hpp"

namespace parley::brain::shop {
namespace {

using domain::CartLine;
using domain::Stage;
using domain::product::Product;

void greet(Turn& t, const TurnInput&) {
  greet_in_shop_words(t);
  t.stage(Stage::greeting);
}

void search(Turn& t, const TurnInput& in) {
  show_products(t, in.text, in.catalog, in.u);
}

void describe_product(Turn& t, const TurnInput& in) {
  const Product* p = target_product(t, in.u, in.text, in.catalog);
  if (!p) return t.reply(Say::which_one);
  std::string extra = p->description;
  if (!p->colors.empty()) extra += " [" + join(p->colors, ", ") + "]";
  if (!p->sizes.empty() && p->sizes.size() > 1) extra += " [" + join(p->sizes, ", ") + "]";
  PolicyReply r{say(t.lang, Say::info, {p->name, money(p->price_cents, p->currency), extra}) +
                    " (" + say(t.lang, p->stock > 0 ? Say::in_stock : Say::sold_out) + ")",
                {}};
  if (!p->image_url.empty()) r.media.push_back({p->image_url, p->name});
  t.plan.replies.push_back(std::move(r));
  t.stage(Stage::consultation);
}

void add(Turn& t, const TurnInput& in) {
  add_to_cart(t, target_product(t, in.u, in.text, in.catalog), in.u);
}

// The one cart line a message points at, or a reply saying which it could be.
const CartLine* one_line(Turn& t, const TurnInput& in) {
  const auto lines = target_lines(t, in.u, in.text);
  if (lines.empty()) return (t.reply(Say::not_in_cart), nullptr);
  if (lines.size() > 1)
    return (t.reply(Say::which_line, {numbered_lines(t.state.cart, lines)}), nullptr);
  return lines.front();
}

void remove(Turn& t, const TurnInput& in) {
  const CartLine* l = one_line(t, in);
  if (!l) return;
  const std::string name = l->name;
  t.apply(conv::RemoveItem{l->sku});
  t.reply(Say::removed, {name, total(t.state)});
}

void change_quantity(Turn& t, const TurnInput& in) {
  const CartLine* l = one_line(t, in);
  if (!l) return;
  auto q = in.u.number_slots.find("quantity");
  if (q == in.u.number_slots.end()) return t.reply(Say::ask_quantity, {l->name});
  const Product* p = in.catalog.find(l->sku);
  const auto qty = static_cast<int64_t>(q->second);
  if (p && qty > p->stock) return t.reply(Say::only_left, {std::to_string(p->stock), p->name});
  const std::string sku = l->sku, name = l->name;
  t.apply(conv::SetQuantity{sku, qty});
  t.reply(Say::quantity_changed, {std::to_string(qty), name, total(t.state)});
}

void show_cart(Turn& t, const TurnInput&) {
  if (t.state.cart.empty()) return t.reply(Say::cart_empty);
  t.reply(Say::cart, {cart_lines(t.state), total(t.state)});
}

void clear(Turn& t, const TurnInput&) {
  t.apply(conv::ClearCart{});
  t.reply(Say::cleared);
}

void checkout(Turn& t, const TurnInput&) {
  if (!t.apply(conv::StartCheckout{})) return t.reply(Say::cart_empty);
  t.stage(Stage::checkout);
  advance_checkout(t, t.state.customer.complete());
}

// Whether a message that gives details also asks for products: the model's
// second reading is a search, or it names things the shop sells.
bool asks_for_products(const Understanding& u, const std::string& text) {
  return u.runner_up == "product_search" || Lexicon::builtin().goods_words(text) > 0;
}

void take_details(Turn& t, const TurnInput& in) {
  const auto rules = read_details(in.text, in.u, t.state.customer);
  if (!provide_details(t, rules)) t.apply(conv::ProvideDetails{rules});
  // "Hi, I am Maria and I need running shoes size 39": the name is kept
  // and the request in the same message is still served.
  if (asks_for_products(in.u, in.text))
    show_products(t, in.text, in.catalog, in.u);
  else
    t.reply(Say::ok);
}

// The order named ("status of order X"), else the last one, with the
// conversation's latest news of it (recorded by the order worker); an
// order with none yet is still "placed".
template <std::string (*Text)(const std::string&, const std::string&, const conv::OrderNote&,
                              const std::string&)>
void about_order(Turn& t, const TurnInput& in) {
  if (t.state.orders.empty()) return t.reply(Say::no_orders);
  const std::string id = order_named(in.u, t.state);
  if (id.empty()) return t.reply(Say::no_such_order, {in.u.text_slots.at("order_id")});
  const bool last = id == t.state.orders.back();
  const std::string amount =
      last ? money(t.state.last_order_total_cents, t.state.last_order_currency) : "";
  auto note_it = t.state.order_notes.find(id);
  const conv::OrderNote note =
      note_it == t.state.order_notes.end() ? conv::OrderNote{"placed"} : note_it->second;
  t.reply_text(Text(t.lang, id, note, amount));
}

void hand_over(Turn& t, const TurnInput& in) {
  t.apply(conv::RequestHandoff{"shopper", in.now_us});
  t.reply(Say::handoff);
}

template <Say Key>
void answer(Turn& t, const TurnInput&) {
  t.reply(Key);
}

}  // namespace

std::string order_named(const Understanding& u, const conv::State& s) {
  auto it = u.text_slots.find("order_id");
  if (it == u.text_slots.end() || s.orders.empty()) return s.orders.empty() ? "" : s.orders.back();
  std::string want = it->second;
  for (auto& c : want) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto& id : s.orders)
    if (id == want || (want.size() >= 4 && id.size() > want.size() &&
                       id.compare(id.size() - want.size(), want.size(), want) == 0))
      return id;
  return "";
}

IntentHandler handler_for(const std::string& intent) {
  static const std::map<std::string, IntentHandler> kHandlers = {
      {"greet", greet},
      {"product_search", search},
      {"product_info", describe_product},
      {"add_to_cart", add},
      {"remove_from_cart", remove},
      {"update_quantity", change_quantity},
      {"view_cart", show_cart},
      {"clear_cart", clear},
      {"checkout", checkout},
      {"provide_details", take_details},
      {"order_status", about_order<order_status_reply>},
      {"payment_link", about_order<payment_reply>},
      {"human_handoff", hand_over},
      {"thanks", [](Turn& t, const TurnInput&) { answer_in_voice(t, Say::thanks); }},
      {"goodbye", [](Turn& t, const TurnInput&) { answer_in_voice(t, Say::goodbye); }},
      {"affirm", answer<Say::ok>},  // nothing was asked that a yes or no answers
      {"deny", answer<Say::ok>},
      {"out_of_scope", answer<Say::out_of_scope>},
  };
  auto it = kHandlers.find(intent);
  return it == kHandlers.end() ? answer<Say::out_of_scope> : it->second;
}

}  // namespace parley::brain::shop
