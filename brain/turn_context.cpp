#include "brain/turn_context.hpp"

#include "brain/lexicon.hpp"
#include "brain/nlu_numbers.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/text.hpp"

namespace parley::brain {
namespace {

// What the state settles is not a guess: no clarifying question follows.
constexpr double kStateDecides = 0.9;

bool has(const Understanding& u, const char* slot) {
  return u.number_slots.count(slot) || u.text_slots.count(slot);
}

// The first amount in a message: a number or a counted quantity ("10 pcs",
// "a dozen"); 0 if none.
int amount_in(const std::string& text) {
  const auto tk = nlu::tokenize_message(text);
  for (size_t i = 0; i < tk.size(); ++i) {
    size_t len = 0;
    if (auto q = nlu::counted_quantity(tk, i, &len)) return *q;
    if (tk.t[i].kind == nlu::Token::number)
      if (auto n = nlu::cardinal(tk.f(i)); n && *n > 0 && *n < 1000) return *n;
  }
  return 0;
}

size_t product_words(const std::string& text) {
  return Lexicon::builtin().goods_words(text);
}

// Two or more product words, or one beside at least three other words: more
// than a greeting.
bool names_products(const std::string& text) {
  const size_t known = product_words(text), words = tokenize(fold(text)).size();
  return known >= 2 || (known == 1 && words >= 4);
}

// The sales team's intents, which a shopper's chat never carries out.
bool is_team_intent(const std::string& intent) {
  return intent.rfind("lead", 0) == 0 || intent.rfind("meeting_", 0) == 0 ||
         intent.rfind("demo_", 0) == 0 || intent == "activity_add" || intent == "tasks_list";
}

}  // namespace

Understanding in_context(Understanding u, const domain::conversation::State& state,
                         const std::string& text) {
  const bool listed = !state.last_shown.empty();
  if (const std::string sku = nlu::find_sku(text); !sku.empty()) {
    const bool in_cart = state.line(sku) != nullptr;
    const bool change = u.intent == "update_quantity" || u.intent == "remove_from_cart";
    const bool about_it =
        u.intent == "product_search" || u.intent == "product_info" || u.intent == "add_to_cart";
    if ((change && !in_cart) || about_it) {
      if (const int n = amount_in(text); n > 0 || change) {
        u.intent = "add_to_cart";
        u.confidence = kStateDecides;
        if (n > 0) u.number_slots["quantity"] = n;
        return u;
      }
    }
  }
  // Nothing in the cart to change or take out: a quantity or an ordinal of
  // the list just shown asks to add it.
  if ((u.intent == "update_quantity" || u.intent == "remove_from_cart") && state.cart.empty() &&
      listed && (has(u, "ordinal") || has(u, "quantity"))) {
    u.intent = "add_to_cart";
    u.confidence = kStateDecides;
    return u;
  }
  // A greeting or thanks around a request asks for products ("hello, I need
  // work gloves"), and so does an unsure guess with no action in it, or a
  // sales-team command, in a shopper's chat ("туфли лунель" read as a 0.1
  // "affirm"): the words the shop sells decide.
  const bool social = u.intent == "greet" || u.intent == "thanks" || u.intent == "affirm" ||
                      u.intent == "deny" || u.intent == "goodbye" || u.intent == "out_of_scope";
  const bool unsure_social = social && u.confidence < kAskBelowConfidence;
  // A sales-team command in a shopper's chat is the model's second reading
  // when that is a shopper's one ("लुनेल के पंप दिखाओ": tasks_list 0.22, then
  // product_search).
  if (is_team_intent(u.intent) && !u.runner_up.empty() && !is_team_intent(u.runner_up)) {
    u.intent = u.runner_up;
    u.runner_up.clear();
    return u;
  }
  if (((u.intent == "greet" || u.intent == "thanks") && names_products(text)) ||
      ((unsure_social || is_team_intent(u.intent)) && product_words(text) > 0)) {
    u.intent = "product_search";
    u.confidence = kStateDecides;
    return u;
  }
  // "Tell me about one" with no list shown and no product named is a search.
  if (u.intent == "product_info" && !listed && !has(u, "ordinal") && !has(u, "product")) {
    u.intent = "product_search";
    u.confidence = kStateDecides;
    return u;
  }
  return u;
}

}  // namespace parley::brain
