#include "brain/turn_context.hpp"

namespace parley::brain {
namespace {

bool has(const Understanding& u, const char* slot) {
  return u.number_slots.count(slot) || u.text_slots.count(slot);
}

}  // namespace

Understanding in_context(Understanding u, const domain::conversation::State& state) {
  const bool listed = !state.last_shown.empty();
  // Nothing in the cart to change or take out: a quantity or an ordinal of
  // the list just shown asks to add it.
  if ((u.intent == "update_quantity" || u.intent == "remove_from_cart") && state.cart.empty() &&
      listed && (has(u, "ordinal") || has(u, "quantity"))) {
    u.intent = "add_to_cart";
    return u;
  }
  // "Tell me about one" with no list shown and no product named is a search.
  if (u.intent == "product_info" && !listed && !has(u, "ordinal") && !has(u, "product")) {
    u.intent = "product_search";
    return u;
  }
  return u;
}

}  // namespace parley::brain
