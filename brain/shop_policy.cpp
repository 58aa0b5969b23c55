#include "brain/shop_policy.hpp"

#include <algorithm>
#include <cstdio>

#include "brain/order_texts.hpp"
#include "brain/shop_turn.hpp"
#include "brain/turn_context.hpp"

namespace parley::brain {

using namespace shop;
using domain::CartLine;
using domain::Stage;
using domain::product::Product;

TurnPlan plan_turn(const conv::State& state, const std::string& text,
                   const Understanding& understood, const Catalog& catalog, int64_t now_us,
                   const std::string& order_id, const LiveStock* live_stock) {
  const Understanding u = in_context(understood, state);
  // The conversation's language: a message in another language changed it
  // already; one without any (a name and an address) keeps it.
  Turn t{state, {}, state.language, std::nullopt};
  const std::string& intent = u.intent;

  if (!text.empty() && text[0] == '/') {
    handle_slash(t, text, catalog);
    return std::move(t.plan);
  }

  // Answers to the checkout's questions come first.
  if (t.state.awaiting_confirmation) {
    if (intent == "affirm" || intent == "checkout") {
      // Someone else may have bought the last units since the cart was filled:
      // offer what is left rather than sell what is gone (issue 17, item 15).
      if (live_stock && offer_what_is_left(t, *live_stock)) return std::move(t.plan);
      const std::string& id = order_id;
      domain::order::Order order{id,
                                 state.id,
                                 t.state.customer,
                                 t.state.cart,
                                 domain::cart_total_cents(t.state.cart),
                                 t.state.cart.front().currency,
                                 now_us};
      if (t.apply(conv::PlaceOrder{id})) {
        t.plan.order = order;
        t.reply(Say::placed, {id, money(order.total_cents, order.currency)});
        t.stage(Stage::closing);
      }
      return std::move(t.plan);
    }
    if (intent == "deny") {
      t.apply(conv::CancelCheckout{});
      t.reply(Say::cancelled);
      t.stage(Stage::cart);
      return std::move(t.plan);
    }
  }
  if (t.state.checkout_open && !t.state.awaiting_confirmation) {
    bool answered = false;
    for (const auto& l : t.state.cart) {
      if (!l.needs_size() && !l.needs_color()) continue;
      auto size = l.needs_size() ? pick_option(text, l.sizes) : "";
      auto color = l.needs_color() ? pick_option(text, l.colors) : "";
      if (!size.empty() || !color.empty()) {
        answered = t.apply(conv::ChooseVariant{l.sku, color, size}) || answered;
      }
      break;
    }
    // Only what this identity wrote itself: a phone typed here never brings
    // in another identity's name and address (issue 17, item 5).
    auto details = read_details(text, u, t.state.customer);
    if (!details.empty() && t.apply(conv::ProvideDetails{details})) answered = true;
    // An answer, or anything that is not a new request: ask what is still missing.
    static const char* const kNewRequest[] = {
        "product_search", "product_info", "add_to_cart",  "remove_from_cart", "update_quantity",
        "view_cart",      "clear_cart",   "order_status", "human_handoff"};
    bool new_request = std::any_of(std::begin(kNewRequest), std::end(kNewRequest),
                                   [&](const char* i) { return intent == i; });
    if (answered || !new_request) {
      advance_checkout(t, false);
      return std::move(t.plan);
    }
  }

  if (intent == "greet") {
    t.reply(Say::greet);
    t.stage(Stage::greeting);
  } else if (intent == "product_search") {
    show_products(t, text, catalog, u);
  } else if (intent == "product_info") {
    const Product* p = target_product(t, u, text, catalog);
    if (!p) return (t.reply(Say::which_one), std::move(t.plan));
    std::string extra = p->description;
    if (!p->colors.empty()) extra += " [" + join(p->colors, ", ") + "]";
    if (!p->sizes.empty() && p->sizes.size() > 1) extra += " [" + join(p->sizes, ", ") + "]";
    PolicyReply r{say(t.lang, Say::info, {p->name, money(p->price_cents, p->currency), extra}) +
                      " (" + say(t.lang, p->stock > 0 ? Say::in_stock : Say::sold_out) + ")",
                  {}};
    if (!p->image_url.empty()) r.media.push_back({p->image_url, p->name});
    t.plan.replies.push_back(std::move(r));
    t.stage(Stage::consultation);
  } else if (intent == "add_to_cart") {
    add_to_cart(t, target_product(t, u, text, catalog), u);
  } else if (intent == "remove_from_cart") {
    const CartLine* l = target_line(t, u);
    if (!l) return (t.reply(Say::not_in_cart), std::move(t.plan));
    std::string name = l->name;
    t.apply(conv::RemoveItem{l->sku});
    t.reply(Say::removed, {name, total(t.state)});
  } else if (intent == "update_quantity") {
    const CartLine* l = target_line(t, u);
    auto q = u.number_slots.find("quantity");
    if (!l || q == u.number_slots.end()) return (t.reply(Say::not_in_cart), std::move(t.plan));
    const Product* p = catalog.find(l->sku);
    int64_t qty = static_cast<int64_t>(q->second);
    if (p && qty > p->stock)
      return (t.reply(Say::only_left, {std::to_string(p->stock), p->name}), std::move(t.plan));
    std::string sku = l->sku, name = l->name;
    t.apply(conv::SetQuantity{sku, qty});
    t.reply(Say::quantity_changed, {std::to_string(qty), name, total(t.state)});
  } else if (intent == "view_cart") {
    if (t.state.cart.empty()) return (t.reply(Say::cart_empty), std::move(t.plan));
    t.reply(Say::cart, {cart_lines(t.state), total(t.state)});
  } else if (intent == "clear_cart") {
    t.apply(conv::ClearCart{});
    t.reply(Say::cleared);
  } else if (intent == "checkout") {
    if (!t.apply(conv::StartCheckout{})) return (t.reply(Say::cart_empty), std::move(t.plan));
    t.stage(Stage::checkout);
    advance_checkout(t, t.state.customer.complete());
  } else if (intent == "provide_details") {
    auto details = read_details(text, u, t.state.customer);
    t.apply(conv::ProvideDetails{details});
    t.reply(Say::ok);
  } else if (intent == "order_status" || intent == "payment_link") {
    if (t.state.orders.empty()) return (t.reply(Say::no_orders), std::move(t.plan));
    // The conversation's latest news of its last order (recorded by the
    // order worker); an order with none yet is still "placed".
    const std::string id = t.state.orders.back();
    const std::string amount = money(t.state.last_order_total_cents, t.state.last_order_currency);
    auto note_it = t.state.order_notes.find(id);
    const conv::OrderNote note =
        note_it == t.state.order_notes.end() ? conv::OrderNote{"placed"} : note_it->second;
    if (intent == "order_status")
      t.reply_text(order_status_reply(t.lang, id, note, amount));
    else
      t.reply_text(payment_reply(t.lang, id, note, amount));
  } else if (intent == "human_handoff") {
    t.apply(conv::RequestHandoff{"shopper", now_us});
    t.reply(Say::handoff);
  } else if (intent == "thanks") {
    t.reply(Say::thanks);
  } else if (intent == "goodbye") {
    t.reply(Say::goodbye);
  } else if (intent == "affirm" || intent == "deny") {
    t.reply(Say::ok);
  } else {
    t.reply(Say::out_of_scope);
  }
  return std::move(t.plan);
}

}  // namespace parley::brain
