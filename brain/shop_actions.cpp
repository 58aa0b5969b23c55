// Searching, pointing at products and cart lines, and adding to the cart.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "brain/lexicon.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/shop_turn.hpp"
#include "brain/stemmer.hpp"
#include "brain/text.hpp"

namespace parley::brain::shop {

using domain::CartLine;
using domain::Customer;
using domain::Stage;
using domain::product::Product;

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

// Applies commands through the pure decider and keeps the result.
static std::string product_line(const Turn& t, size_t i, const Product& p) {
  return std::to_string(i + 1) + ". " + p.name + " — " + money(p.price_cents, p.currency) + " (" +
         say(t.lang, p.stock > 0 ? Say::in_stock : Say::sold_out) + ")";
}

std::string cart_lines(const conv::State& s) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < s.cart.size(); ++i) {
    const auto& l = s.cart[i];
    std::string variant;
    if (!l.color.empty()) variant += l.color;
    if (!l.size.empty()) variant += (variant.empty() ? "" : ", ") + l.size;
    lines.push_back(std::to_string(i + 1) + ". " + std::to_string(l.quantity) + " × " + l.name +
                    (variant.empty() ? "" : " (" + variant + ")") + " — " +
                    money(l.total_cents(), l.currency));
  }
  return join(lines, "\n");
}

std::string total(const conv::State& s) {
  return money(domain::cart_total_cents(s.cart), s.cart.empty() ? "EUR" : s.cart[0].currency);
}

bool is_footwear(const Product& p) {
  return p.category.find("Shoes") != std::string::npos ||
         p.category.find("Boots") != std::string::npos;
}

// A value of `options` the message names ("38", "red", "rojas" -> "red").
std::string pick_option(const std::string& text, const std::vector<std::string>& options) {
  const auto& lx = Lexicon::builtin();
  for (const auto& tok : tokenize(fold(text))) {
    for (const auto& o : options) {
      if (fold(o) == tok) return o;
      auto c = lx.color_of(tok);
      if (!c.empty() && fold(o) == c) return o;
    }
  }
  return "";
}

void show_products(Turn& t, const std::string& query, const Catalog& catalog,
                   const Understanding& u) {
  auto found = catalog.find_products(query, kShown);
  t.apply(conv::RecordSearch{query, static_cast<uint32_t>(found.size())});
  if (found.empty()) {
    t.reply(Say::none_found, {query});
    return;
  }
  std::vector<std::string> skus, lines;
  for (size_t i = 0; i < found.size(); ++i) {
    skus.push_back(found[i]->sku);
    lines.push_back(product_line(t, i, *found[i]));
  }
  auto slot = [&](const char* k) {
    auto it = u.text_slots.find(k);
    return it == u.text_slots.end() ? std::string() : it->second;
  };
  t.apply(conv::ShowProducts{skus, slot("size"), slot("color")});
  PolicyReply list{
      say(t.lang, Say::found) + "\n" + join(lines, "\n") + "\n" + say(t.lang, Say::found_hint), {}};
  for (size_t i = 0; i < found.size() && i < 3; ++i)
    if (!found[i]->image_url.empty()) list.media.push_back({found[i]->image_url, found[i]->name});
  t.plan.replies.push_back(std::move(list));
  t.stage(Stage::discovery);
}

// The product a message points at: an ordinal of the last list, a SKU, a
// name (searched within the last list first), or the only product shown.
const Product* target_product(const Turn& t, const Understanding& u, const std::string& text,
                              const Catalog& catalog) {
  const auto& shown = t.state.last_shown;
  if (auto o = u.number_slots.find("ordinal"); o != u.number_slots.end()) {
    size_t i = static_cast<size_t>(o->second);
    if (i >= 1 && i <= shown.size()) return catalog.find(shown[i - 1]);
    return nullptr;
  }

  if (auto p = u.text_slots.find("product"); p != u.text_slots.end()) {
    auto found = catalog.find_products(p->second, 10);
    for (const auto* f : found)
      if (std::find(shown.begin(), shown.end(), f->sku) != shown.end()) return f;
    if (!found.empty()) return found.front();
  }
  if (shown.size() == 1) return catalog.find(shown.front());
  return nullptr;
}

// The cart line a message points at: an ordinal of the cart, a product name,
// or the only line.
const CartLine* target_line(const Turn& t, const Understanding& u) {
  const auto& cart = t.state.cart;
  if (auto o = u.number_slots.find("ordinal"); o != u.number_slots.end()) {
    size_t i = static_cast<size_t>(o->second);
    return i >= 1 && i <= cart.size() ? &cart[i - 1] : nullptr;
  }
  if (auto p = u.text_slots.find("product"); p != u.text_slots.end()) {
    const std::string want = fold(p->second);
    for (const auto& l : cart) {
      const std::string name = fold(l.name);
      for (const auto& w : tokenize(want))
        if (w.size() >= 3 && name.find(stem("en", w)) != std::string::npos) return &l;
    }
    return nullptr;
  }
  return cart.size() == 1 ? &cart.front() : nullptr;
}

void add_to_cart(Turn& t, const Product* p, const Understanding& u) {
  if (!p) {
    t.reply(Say::which_one);
    return;
  }
  int64_t qty = 1;
  if (auto q = u.number_slots.find("quantity"); q != u.number_slots.end())
    qty = static_cast<int64_t>(q->second);
  if (p->stock <= 0) {
    t.reply(Say::out_of_stock, {p->name});
    return;
  }
  const CartLine* existing = t.state.line(p->sku);
  if (qty + (existing ? existing->quantity : 0) > p->stock) {
    t.reply(Say::only_left, {std::to_string(p->stock), p->name});
    return;
  }
  CartLine line = cart_line_for(*p, qty);
  // What the search asked for applies to a product picked from its list.
  const bool from_list = std::find(t.state.last_shown.begin(), t.state.last_shown.end(), p->sku) !=
                         t.state.last_shown.end();
  if (from_list) {
    if (auto v = pick_option(t.state.shown_size, p->sizes); !v.empty()) line.size = v;
    if (auto v = pick_option(t.state.shown_color, p->colors); !v.empty()) line.color = v;
  }
  if (auto s = u.text_slots.find("size"); s != u.text_slots.end()) {
    auto v = pick_option(s->second, p->sizes);
    if (v.empty()) {
      t.reply(Say::size_unavailable, {p->name, s->second, join(p->sizes, ", ")});
      return;
    }
    line.size = v;
  }
  if (auto c = u.text_slots.find("color"); c != u.text_slots.end() && !p->colors.empty()) {
    auto v = pick_option(c->second, p->colors);
    if (v.empty()) {
      t.reply(Say::color_unavailable, {p->name, c->second, join(p->colors, ", ")});
      return;
    }
    line.color = v;
  }
  if (!t.apply(conv::AddItem{line})) {
    if (t.refused == conv::Error::mixed_currency)
      t.reply(Say::cart_currency, {p->name, p->currency, t.state.cart.front().currency});
    else if (t.refused == conv::Error::cart_full || t.refused == conv::Error::invalid_price)
      t.reply(Say::cart_full);
    else
      t.reply(Say::only_left, {std::to_string(domain::kMaxQuantity), p->name});
    return;
  }
  t.reply(Say::added, {std::to_string(qty), p->name, total(t.state)});
  t.stage(Stage::cart);
}

}  // namespace parley::brain::shop

namespace parley::brain {

domain::CartLine cart_line_for(const domain::product::Product& p, int64_t quantity) {
  domain::CartLine line;
  line.sku = p.sku;
  line.name = p.name;
  line.quantity = quantity;
  line.unit_price_cents = p.price_cents;
  line.currency = p.currency;
  line.colors = p.colors;
  line.sizes = p.sizes;
  line.footwear = shop::is_footwear(p);
  if (p.colors.size() == 1) line.color = p.colors.front();
  if (p.sizes.size() == 1) line.size = p.sizes.front();
  return line;
}

}  // namespace parley::brain
