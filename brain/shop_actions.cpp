// Searching, pointing at products and cart lines, and adding to the cart.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "brain/lexicon.hpp"
#include "brain/nlu_internal.hpp"
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
  const std::string currency = s.cart.empty() ? "EUR" : s.cart[0].currency;
  const int64_t lines = domain::cart_total_cents(s.cart);
  const int64_t discount = s.promo ? domain::promotion::discount_cents(*s.promo, s.cart) : 0;
  if (discount <= 0) return money(lines, currency);
  // "€26.82 (€29.80 − €2.98, SAVE10)": what will be paid, and why.
  return money(lines - discount, currency) + " (" + money(lines, currency) + " − " +
         money(discount, currency) + ", " + s.promo->code + ")";
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
                   const Understanding& u, size_t offset) {
  auto found = catalog.find_products(query, offset + kShown);
  const size_t total_found = found.size();
  found.erase(found.begin(),
              found.begin() + static_cast<std::ptrdiff_t>(std::min(offset, found.size())));
  t.apply(conv::RecordSearch{query, static_cast<uint32_t>(total_found)});
  if (found.empty() && offset == 0 && t.rewrite && query == t.rewrite->original &&
      !t.rewrite->query.empty() && t.rewrite->query != query) {
    // The shopper's words found nothing; the model's may (recorded as a
    // search of their own, so that "more" and "cheaper" page through them).
    if (!catalog.find_products(t.rewrite->query, 1).empty())
      return show_products(t, t.rewrite->query, catalog, u);
  }
  if (found.empty()) {
    t.reply(offset > 0 ? Say::no_more : Say::none_found, {query});
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
  t.apply(conv::ShowProducts{skus, slot("size"), slot("color"), static_cast<uint32_t>(offset)});
  PolicyReply list{
      say(t.lang, Say::found) + "\n" + join(lines, "\n") + "\n" + say(t.lang, Say::found_hint), {}};
  for (size_t i = 0; i < found.size() && i < 3; ++i)
    if (!found[i]->image_url.empty()) list.media.push_back({found[i]->image_url, found[i]->name});
  t.plan.replies.push_back(std::move(list));
  t.stage(Stage::discovery);
}

// The product a message points at: a SKU anywhere in the message (exact,
// whatever else it says), an ordinal of the last list, a name (searched
// within the last list first), or the only product shown.
const Product* target_product(const Turn& t, const Understanding& u, const std::string& text,
                              const Catalog& catalog) {
  if (const std::string sku = nlu::find_sku(text); !sku.empty())
    if (const Product* p = catalog.find(sku)) return p;
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

namespace {

// How many of the words a message uses for a product a cart line has in its
// name, colour or size (each word as typed, stemmed, or translated by the
// lexicon: "tornillos" -> "screw").
size_t words_matched(const CartLine& l, const std::vector<std::string>& words) {
  const std::string hay = fold(l.name + " " + l.color + " " + l.size);
  const auto& lexicon = Lexicon::builtin();
  size_t n = 0;
  for (const auto& w : words) {
    bool hit = hay.find(w) != std::string::npos || hay.find(stem("en", w)) != std::string::npos;
    if (!hit)
      if (const auto* tr = lexicon.translate(w))
        for (const auto& e : *tr) hit = hit || hay.find(stem("en", fold(e))) != std::string::npos;
    n += hit;
  }
  return n;
}

}  // namespace

// The cart lines a message points at: a SKU, an ordinal of the cart ("the
// 2nd one", "item 2"), the lines that share the most words with the product
// and colour named, or the only line. More than one means the message fits
// several lines and the shopper is asked.
std::vector<const CartLine*> target_lines(const Turn& t, const Understanding& u,
                                          const std::string& text) {
  const auto& cart = t.state.cart;
  if (const std::string sku = nlu::find_sku(text); !sku.empty()) {
    for (const auto& l : cart)
      if (l.sku == sku) return {&l};
    return {};
  }
  if (auto o = u.number_slots.find("ordinal"); o != u.number_slots.end()) {
    size_t i = static_cast<size_t>(o->second);
    if (i >= 1 && i <= cart.size()) return {&cart[i - 1]};
    return {};
  }
  std::string named;
  for (const char* slot : {"product", "color", "size"})
    if (auto it = u.text_slots.find(slot); it != u.text_slots.end()) named += " " + it->second;
  std::vector<std::string> words;
  for (const auto& w : tokenize(fold(named)))
    if (w.size() >= 3 && !nlu::function_words().count(w)) words.push_back(w);
  if (words.empty()) {
    if (cart.size() == 1) return {&cart.front()};
    return {};
  }
  size_t best = 0;
  std::vector<const CartLine*> out;
  for (const auto& l : cart) {
    const size_t n = words_matched(l, words);
    if (n == 0 || n < best) continue;
    if (n > best) out.clear();
    best = n;
    out.push_back(&l);
  }
  return out;
}

std::string numbered_lines(const std::vector<CartLine>& cart,
                           const std::vector<const CartLine*>& lines) {
  std::string out;
  for (const auto* l : lines) {
    const size_t position = static_cast<size_t>(l - cart.data()) + 1;
    if (!out.empty()) out += "; ";
    out += std::to_string(position) + ") " + l->name;
    if (!l->color.empty()) out += " (" + l->color + ")";
  }
  return out;
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
  line.category = p.category;
  if (p.colors.size() == 1) line.color = p.colors.front();
  if (p.sizes.size() == 1) line.size = p.sizes.front();
  return line;
}

}  // namespace parley::brain
