#include "brain/shop_policy.hpp"

#include <algorithm>
#include <cstdio>

#include "brain/browse.hpp"
#include "brain/lexicon.hpp"
#include "brain/nlu_cues.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/shop_turn.hpp"
#include "brain/text.hpp"
#include "brain/turn_context.hpp"

namespace parley::brain {

using namespace shop;
using domain::CartLine;
using domain::Stage;
using domain::product::Product;

namespace {

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

// A question about the shop — delivery, returns, hours, payment — that the
// shop's own documents answer: the passage, quoted and attributed, in place
// of "I can only help with products". Asked when nothing else was understood
// (out of scope); when an unsure guess is only small talk (a greeting, thanks,
// a yes or no; a handoff only when so unsure it would be asked about) or
// details given with no checkout open — never
// a search, a cart or an order the shopper may mean; and when a question
// about orders or the cart finds none ("can I pay in installments?" before
// any order: its handler would only say there is none). A
// knowledge that holds no clear answer says so (nullopt), and then the turn
// goes on as before. Nothing is ever made up here.
bool answer_from_knowledge(Turn& t, const Understanding& u, const std::string& text,
                           const Knowledge* knowledge) {
  static const char* const kSmallTalk[] = {"greet", "thanks", "goodbye", "affirm", "deny"};
  if (!knowledge) return false;
  const bool small_talk = std::any_of(std::begin(kSmallTalk), std::end(kSmallTalk),
                                      [&](const char* i) { return u.intent == i; });
  // Details given with no checkout open, and not surely: "do you ship to
  // Bali?" reads as an address to a model that has seen addresses after
  // "to"; its handler would only say "OK".
  const bool stray_details = u.intent == "provide_details" && !t.state.checkout_open &&
                             u.confidence < kKnowledgeBelowConfidence;
  const bool unsure = (small_talk && u.confidence < kKnowledgeBelowConfidence) ||
                      (u.intent == "human_handoff" && u.confidence < kAskBelowConfidence) ||
                      stray_details;
  // A question whose handler would only say there is nothing yet.
  const bool nothing_to_show =
      ((u.intent == "order_status" || u.intent == "payment_link") && t.state.orders.empty()) ||
      (u.intent == "view_cart" && t.state.cart.empty());
  if (u.intent != "out_of_scope" && !unsure && !nothing_to_show) return false;
  const auto quote = knowledge->answer(text, t.lang);
  if (!quote) return false;
  t.reply(Say::knowledge_quote, {quote->text, quote->title});
  t.plan.replies.back().cited = quote->document_id + ":" + std::to_string(quote->line);
  return true;
}

// "cancel my order", "cancela mi pedido", "отмените заказ", "batalkan
// pesanan", "order cancel kar do": an unpaid order is cancelled (the order
// worker does it and the shopper hears of it); a paid one is a request to
// the team. True when the message was such a request.
bool cancel_order(Turn& t, const Understanding& u, const std::string& text, int64_t now_us) {
  static const nlu::Cues kCancel = {"cancel",  "cancela*", "cancelar",  "anula*",    "anular",
                                    "отмени*", "отмен*",   "batal*",    "batalkan",  "radd",
                                    "रद्द",     "कैंसल",      "cancelled", "cancelling"};
  const auto& tk = t.words;
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
    t.plan.team_request = TeamAlert{Say::cancel_alert, {t.state.id, text, id, status}};
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

// A yes (or "checkout" again) to the confirmation places the order, unless
// someone else bought the last units since the cart was filled: then what is
// left is offered (issue 17, item 15). A no goes back to the cart.
bool answer_confirmation(Turn& t, const TurnInput& in) {
  if (!t.state.awaiting_confirmation) return false;
  const std::string& intent = in.u.intent;
  if (intent == "affirm" || intent == "checkout") {
    if (in.live_stock && offer_what_is_left(t, *in.live_stock)) return true;
    if (!promo_still_valid(t, in.now_us)) return true;
    domain::order::Order order;
    order.order_id = in.order_id;
    order.conversation_id = t.state.id;
    order.customer = t.state.customer;
    order.lines = t.state.cart;
    order.currency = t.state.cart.front().currency;
    order.placed_at_us = in.now_us;
    if (t.apply(conv::PlaceOrder{in.order_id})) {
      // The total and discount as the decider placed them.
      const auto& placed = std::get<conv::OrderPlaced>(t.plan.events.back());
      order.total_cents = placed.total_cents;
      order.discount_cents = placed.discount_cents;
      order.promo_code = placed.promo_code;
      t.plan.order = order;
      t.reply(Say::placed, {in.order_id, money(order.total_cents, order.currency)});
      follow_with_shop_words(t, "closing");
      t.stage(Stage::closing);
    }
    return true;
  }
  if (intent == "deny") {
    t.apply(conv::CancelCheckout{});
    t.reply(Say::cancelled);
    t.stage(Stage::cart);
    return true;
  }
  return false;
}

// During checkout, a variant or details answer the open question; so does
// anything that is not a new request. Then the next question is asked.
bool answer_checkout_question(Turn& t, const TurnInput& in) {
  if (!t.state.checkout_open || t.state.awaiting_confirmation) return false;
  bool answered = false;
  for (const auto& l : t.state.cart) {
    if (!l.needs_size() && !l.needs_color()) continue;
    auto size = l.needs_size() ? pick_option(in.text, l.sizes) : "";
    auto color = l.needs_color() ? pick_option(in.text, l.colors) : "";
    if (!size.empty() || !color.empty())
      answered = t.apply(conv::ChooseVariant{l.sku, color, size}) || answered;
    break;
  }
  // Only what this identity wrote itself: a phone typed here never brings
  // in another identity's name and address (issue 17, item 5).
  if (provide_details(t, read_details(in.text, in.u, t.state.customer))) answered = true;
  static const char* const kNewRequest[] = {"product_search",   "product_info",    "add_to_cart",
                                            "remove_from_cart", "update_quantity", "view_cart",
                                            "clear_cart",       "order_status",    "human_handoff"};
  const bool new_request = std::any_of(std::begin(kNewRequest), std::end(kNewRequest),
                                       [&](const char* i) { return in.u.intent == i; });
  if (!answered && new_request) return false;
  advance_checkout(t, false);
  return true;
}

// A name given beside a request ("soy Lucía y busco botas") is kept.
void keep_given_name(Turn& t, const TurnInput& in) {
  if (in.u.intent == "provide_details" || !t.state.customer.name.empty()) return;
  domain::Customer named;
  named.name = nlu::given_name(t.words);
  if (!named.name.empty()) t.apply(conv::ProvideDetails{named});
}

}  // namespace

// The turn in named steps: a request to be forgotten; a slash command; an answer to the checkout's
// question; then a name said in passing is kept, and a cancellation, a
// question about past orders or a reorder, a browsing request, a hesitation,
// a question the shop's documents answer or a clarifying question may settle
// the turn; else the intent's handler (brain/shop_intents.cpp) answers, a
// returning shopper's hello recalls their last order and a product added
// brings one bought with it.
TurnPlan plan_turn(const conv::State& state, const std::string& text,
                   const Understanding& understood, const Catalog& catalog, int64_t now_us,
                   const std::string& order_id, const TurnSources& sources) {
  if (auto erasure = plan_erasure(state, text, understood, now_us)) return std::move(*erasure);
  const Understanding u = in_context(understood, state, text);
  // The conversation's language: a message in another language changed it
  // already; one without any (a name and an address) keeps it.
  Turn t{state,
         {},
         state.language,
         std::nullopt,
         sources.rewrite,
         sources.knowledge,
         sources.history,
         sources.promotions,
         sources.testimonials,
         sources.personas ? sources.personas->in(state.language) : nullptr,
         sources.extracted};
  t.words = nlu::tokenize_message(text);
  const TurnInput in{text, u, catalog, now_us, order_id, sources.live_stock};
  if (!text.empty() && text[0] == '/') {
    handle_slash(t, text, catalog);
    return std::move(t.plan);
  }
  if (answer_promotions(t, text, now_us) || answer_confirmation(t, in) ||
      answer_checkout_question(t, in))
    return std::move(t.plan);
  keep_given_name(t, in);
  if (cancel_order(t, u, text, now_us) || answer_order_history(t, catalog) ||
      show_testimonials(t, true, 3) || browse(t, u, text, catalog) || answer_objection(t, u) ||
      answer_from_knowledge(t, u, text, sources.knowledge) || ask_what_was_meant(t, u))
    return std::move(t.plan);
  handler_for(u.intent)(t, in);
  if (u.intent == "greet") welcome_back(t);
  suggest_bought_with(t, catalog);
  sign_off(t, u.intent);
  return std::move(t.plan);
}

TurnPlan plan_turn(const conv::State& state, const std::string& text,
                   const Understanding& understood, const Catalog& catalog, int64_t now_us,
                   const std::string& order_id, const LiveStock* live_stock,
                   const SearchRewrite* rewrite, const Knowledge* knowledge) {
  return plan_turn(state, text, understood, catalog, now_us, order_id,
                   TurnSources{live_stock, rewrite, knowledge, nullptr});
}

}  // namespace parley::brain
