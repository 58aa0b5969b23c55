#include "brain/shop_policy.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "brain/browse.hpp"
#include "brain/lexicon.hpp"
#include "brain/nlu_cues.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/order_texts.hpp"
#include "brain/shop_turn.hpp"
#include "brain/text.hpp"
#include "brain/turn_context.hpp"

namespace parley::brain {

using namespace shop;
using domain::CartLine;
using domain::Stage;
using domain::product::Product;

namespace {

// Whether a message that gives details also asks for products: the model's
// second reading is a search, or it names things the shop sells.
bool asks_for_products(const Understanding& u, const std::string& text) {
  return u.runner_up == "product_search" || Lexicon::builtin().goods_words(text) > 0;
}

// A guess under kAskBelowConfidence that would change the cart or the order,
// or say it understood nothing, becomes a short question between the two
// readings the model found likeliest; a search or a question is just answered.
bool ask_what_was_meant(Turn& t, const Understanding& u) {
  static const char* const kActs[] = {"add_to_cart",     "remove_from_cart", "update_quantity",
                                      "clear_cart",      "checkout",         "human_handoff",
                                      "provide_details", "out_of_scope"};
  if (u.confidence >= kAskBelowConfidence) return false;
  if (std::none_of(std::begin(kActs), std::end(kActs),
                   [&](const char* i) { return u.intent == i; }))
    return false;
  const std::string a = intent_phrase(t.lang, u.intent), b = intent_phrase(t.lang, u.runner_up);
  if (a.empty() || b.empty()) return false;
  t.reply(Say::clarify, {a, b});
  return true;
}

// The order a message names ("ORD-7K2…", or its tail "7K2…"), else the
// conversation's last; "" when it names one this conversation did not place.
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

// "cancel my order", "cancela mi pedido", "отмените заказ", "batalkan
// pesanan", "order cancel kar do": an unpaid order is cancelled (the order
// worker does it and the shopper hears of it); a paid one is a request to
// the team. True when the message was such a request.
bool cancel_order(Turn& t, const Understanding& u, const std::string& text, int64_t now_us) {
  static const nlu::Cues kCancel = {"cancel",  "cancela*", "cancelar",  "anula*",    "anular",
                                    "отмени*", "отмен*",   "batal*",    "batalkan",  "radd",
                                    "रद्द",     "कैंसल",      "cancelled", "cancelling"};
  const auto tk = nlu::tokenize_message(text);
  if (!nlu::has_cue(tk, kCancel) || !nlu::has_cue(tk, nlu::cues::order_word)) return false;
  if (t.state.orders.empty()) return (t.reply(Say::no_orders), true);
  const std::string id = order_named(u, t.state);
  if (id.empty()) return (t.reply(Say::no_such_order, {u.text_slots.at("order_id")}), true);
  auto note_it = t.state.order_notes.find(id);
  const std::string status =
      note_it == t.state.order_notes.end() ? "placed" : note_it->second.status;
  if (status == "cancelled" || status == "refunded")
    return (t.reply(Say::already_cancelled, {id}), true);
  if (status == "placed" || status == "awaiting_payment") {
    t.apply(conv::RequestOrderCancel{id, now_us});
    t.reply(Say::cancelling, {id});
  } else {
    t.plan.team_request =
        "Order " + id + " (" + status + "): the shopper asks to cancel it. They wrote: " + text;
    t.reply(Say::cancel_to_team, {id});
  }
  return true;
}

// "Hardware: Screws (39), Bolts (12)…", one line per department.
std::string category_list(const Catalog& catalog) {
  std::string out, top;
  for (const auto& [path, count] : catalog.categories()) {
    const auto sep = path.find(" > ");
    const std::string head = path.substr(0, sep);
    const std::string leaf = sep == std::string::npos ? path : path.substr(sep + 3);
    if (head != top) {
      out += (out.empty() ? "" : "\n") + head + ": ";
      top = head;
    } else {
      out += ", ";
    }
    out += leaf + " (" + std::to_string(count) + ")";
  }
  return out;
}

// Browsing requests (brain/browse.hpp); true when the turn was one.
bool browse(Turn& t, const Understanding& u, const std::string& text, const Catalog& catalog) {
  const Browse b = browse_request(u, text, t.state);
  const auto& s = t.state;
  switch (b.kind) {
    case BrowseKind::none:
      return false;
    case BrowseKind::categories:
      t.reply(Say::categories, {category_list(catalog)});
      return true;
    case BrowseKind::more:
      show_products(t, s.last_query, catalog, u, s.shown_offset + s.last_shown.size());
      return true;
    case BrowseKind::cheaper: {
      int64_t cheapest = INT64_MAX;
      for (const auto& sku : s.last_shown)
        if (const Product* p = catalog.find(sku)) cheapest = std::min(cheapest, p->price_cents);
      if (cheapest == INT64_MAX) return false;
      char bound[32];
      std::snprintf(bound, sizeof bound, " under %lld.%02lld",
                    static_cast<long long>(cheapest / 100), static_cast<long long>(cheapest % 100));
      show_products(t, s.last_query + bound, catalog, u);
      return true;
    }
    case BrowseKind::refine:
      show_products(t, s.last_query + b.refinement, catalog, u);
      return true;
  }
  return false;
}

}  // namespace

TurnPlan plan_turn(const conv::State& state, const std::string& text,
                   const Understanding& understood, const Catalog& catalog, int64_t now_us,
                   const std::string& order_id, const LiveStock* live_stock,
                   const SearchRewrite* rewrite) {
  const Understanding u = in_context(understood, state, text);
  // The conversation's language: a message in another language changed it
  // already; one without any (a name and an address) keeps it.
  Turn t{state, {}, state.language, std::nullopt, rewrite};
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

  // A name given beside a request ("soy Lucía y busco botas") is kept.
  if (intent != "provide_details" && t.state.customer.name.empty()) {
    domain::Customer named;
    named.name = nlu::given_name(nlu::tokenize_message(text));
    if (!named.name.empty()) t.apply(conv::ProvideDetails{named});
  }

  if (cancel_order(t, u, text, now_us)) return std::move(t.plan);
  if (browse(t, u, text, catalog)) return std::move(t.plan);
  if (ask_what_was_meant(t, u)) return std::move(t.plan);

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
  } else if (intent == "remove_from_cart" || intent == "update_quantity") {
    const auto lines = target_lines(t, u, text);
    if (lines.empty()) return (t.reply(Say::not_in_cart), std::move(t.plan));
    if (lines.size() > 1)
      return (t.reply(Say::which_line, {numbered_lines(t.state.cart, lines)}), std::move(t.plan));
    const CartLine* l = lines.front();
    if (intent == "remove_from_cart") {
      std::string name = l->name;
      t.apply(conv::RemoveItem{l->sku});
      t.reply(Say::removed, {name, total(t.state)});
      return std::move(t.plan);
    }
    auto q = u.number_slots.find("quantity");
    if (q == u.number_slots.end())
      return (t.reply(Say::ask_quantity, {l->name}), std::move(t.plan));
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
    // "Hi, I am Maria and I need running shoes size 39": the name is kept
    // and the request in the same message is still served.
    if (asks_for_products(u, text))
      show_products(t, text, catalog, u);
    else
      t.reply(Say::ok);
  } else if (intent == "order_status" || intent == "payment_link") {
    if (t.state.orders.empty()) return (t.reply(Say::no_orders), std::move(t.plan));
    // The order named ("status of order X"), else the last one; the
    // conversation's latest news of it (recorded by the order worker); an
    // order with none yet is still "placed".
    const std::string id = order_named(u, t.state);
    if (id.empty())
      return (t.reply(Say::no_such_order, {u.text_slots.at("order_id")}), std::move(t.plan));
    const bool last = id == t.state.orders.back();
    const std::string amount =
        last ? money(t.state.last_order_total_cents, t.state.last_order_currency) : "";
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
