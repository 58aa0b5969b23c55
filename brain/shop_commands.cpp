// Slash commands: /search, /add, /remove, /cart, /clear, /checkout.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "brain/lexicon.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/shop_turn.hpp"
#include "brain/text.hpp"

namespace parley::brain::shop {

using domain::CartLine;
using domain::Customer;
using domain::Stage;
using domain::product::Product;

void handle_slash(Turn& t, const std::string& text, const Catalog& catalog) {
  std::istringstream in(text);
  std::string cmd, arg1, arg2;
  in >> cmd >> arg1 >> arg2;
  for (auto& ch : cmd) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (cmd == "/search") {
    show_products(t, nlu::trim_slot(text.substr(std::min(text.size(), size_t{7}))), catalog, {});
  } else if (cmd == "/add") {
    for (auto& ch : arg1) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    Understanding u;
    if (!arg2.empty() && is_number(arg2)) u.number_slots["quantity"] = std::atof(arg2.c_str());
    add_to_cart(t, catalog.find(arg1), u);
  } else if (cmd == "/remove") {
    for (auto& ch : arg1) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const CartLine* l = t.state.line(arg1);
    if (!l) return t.reply(Say::not_in_cart);
    std::string name = l->name;
    t.apply(conv::RemoveItem{arg1});
    t.reply(Say::removed, {name, total(t.state)});
  } else if (cmd == "/cart") {
    if (t.state.cart.empty()) return t.reply(Say::cart_empty);
    t.reply(Say::cart, {cart_lines(t.state), total(t.state)});
  } else if (cmd == "/clear") {
    t.apply(conv::ClearCart{});
    t.reply(Say::cleared);
  } else if (cmd == "/checkout") {
    if (!t.apply(conv::StartCheckout{})) return t.reply(Say::cart_empty);
    t.stage(Stage::checkout);
    advance_checkout(t, false);
  } else {
    t.reply(Say::unknown_command);
  }
}

}  // namespace parley::brain::shop
