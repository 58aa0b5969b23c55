#include "brain/shop_policy.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

#include "brain/lexicon.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/replies.hpp"
#include "brain/text.hpp"

namespace parley::brain {
namespace {

namespace conv = domain::conversation;
using domain::CartLine;
using domain::Customer;
using domain::Stage;
using domain::product::Product;

constexpr size_t kShown = 5;

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

// Applies commands through the pure decider and keeps the result.
struct Turn {
  conv::State state;
  TurnPlan plan;
  std::string lang;

  bool apply(const conv::Command& c) {
    auto r = conv::decide(state, c);
    if (!r) return false;
    for (auto& e : r.value()) {
      state = conv::evolve(std::move(state), e);
      plan.events.push_back(std::move(e));
    }
    return true;
  }
  void reply(Say key, const std::vector<std::string>& args = {}) {
    plan.replies.push_back({say(lang, key, args), {}});
  }
  void stage(Stage s) { apply(conv::SetStage{s}); }
};

std::string product_line(const Turn& t, size_t i, const Product& p) {
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
        if (w.size() >= 3 && name.find(stem_en(w)) != std::string::npos) return &l;
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
  CartLine line;
  line.sku = p->sku;
  line.name = p->name;
  line.quantity = qty;
  line.unit_price_cents = p->price_cents;
  line.currency = p->currency;
  line.colors = p->colors;
  line.sizes = p->sizes;
  line.footwear = is_footwear(*p);
  if (p->colors.size() == 1) line.color = p->colors.front();
  if (p->sizes.size() == 1) line.size = p->sizes.front();
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
    t.reply(Say::only_left, {"999", p->name});
    return;
  }
  t.reply(Say::added, {std::to_string(qty), p->name, total(t.state)});
  t.stage(Stage::cart);
}

// Checkout: ask for a missing variant, then for missing details, then confirm.
void advance_checkout(Turn& t, bool returning) {
  for (const auto& l : t.state.cart) {
    if (l.needs_size()) {
      t.reply(Say::ask_size, {l.name, join(l.sizes, ", ")});
      return;
    }
    if (l.needs_color()) {
      t.reply(Say::ask_color, {l.name, join(l.colors, ", ")});
      return;
    }
  }
  auto missing = t.state.customer.missing();
  if (!missing.empty()) {
    std::vector<std::string> names;
    for (const auto& f : missing) {
      Say k = f == "name"      ? Say::field_name
              : f == "phone"   ? Say::field_phone
              : f == "email"   ? Say::field_email
              : f == "address" ? Say::field_address
                               : Say::field_city;
      names.push_back(say(t.lang, k));
    }
    std::string list = names.size() == 1 ? names[0]
                                         : join({names.begin(), names.end() - 1}, ", ") + " " +
                                               say(t.lang, Say::and_word) + " " + names.back();
    t.reply(Say::ask_details, {list});
    return;
  }
  t.apply(conv::RequestConfirmation{});
  if (returning) t.reply(Say::confirm_saved);
  const auto& c = t.state.customer;
  t.reply(Say::confirm,
          {cart_lines(t.state), total(t.state),
           c.name + ", " + c.address + ", " + c.city + " (" + c.phone + ", " + c.email + ")"});
}

// Details given freely during checkout: "Rahul Sharma, +91 98765 43210,
// rahul@x.com, 14 Park Street, Kolkata" — or one field at a time.
Customer read_details(const std::string& text, const Understanding& u, const Customer& have) {
  Customer c;
  auto slot = [&](const char* k) {
    auto it = u.text_slots.find(k);
    return it == u.text_slots.end() ? std::string() : it->second;
  };
  c.name = slot("name");
  c.phone = slot("phone").empty() ? nlu::find_phone(text) : slot("phone");
  c.email = slot("email").empty() ? nlu::find_email(text) : slot("email");
  c.address = slot("address");
  c.city = slot("city");
  // Free form: comma-separated parts.
  std::vector<std::string> parts;
  std::stringstream ss(text);
  for (std::string part; std::getline(ss, part, ',');) {
    part = nlu::trim_slot(part);
    if (!part.empty()) parts.push_back(part);
  }
  std::vector<std::string> rest;
  for (const auto& p : parts) {
    if (!nlu::find_email(p).empty() || nlu::find_phone(p).size() >= 8) continue;
    rest.push_back(p);
  }
  auto has_digit = [](const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  if (c.address.empty()) {
    for (size_t i = 0; i < rest.size(); ++i) {
      if (!has_digit(rest[i])) continue;
      // the address runs from its first part with a number to the city
      size_t end = rest.size() >= i + 2 ? rest.size() - 1 : rest.size();
      std::vector<std::string> addr(rest.begin() + i, rest.begin() + end);
      c.address = join(addr, ", ");
      if (c.city.empty() && end < rest.size() && !has_digit(rest.back())) c.city = rest.back();
      if (c.name.empty() && i > 0 && have.name.empty()) c.name = rest[0];
      break;
    }
  }
  // A lone answer to the one question left: the city, or the name.
  const auto missing = have.merged(c).missing();
  if (rest.size() == 1 && !has_digit(rest[0]) && missing.size() == 1) {
    if (missing[0] == "city" && c.city.empty()) c.city = rest[0];
    if (missing[0] == "name" && c.name.empty()) c.name = rest[0];
  }
  return c;
}

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

}  // namespace

std::string order_id_for(const std::string& conversation_id, size_t n) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : conversation_id) h = (h ^ c) * 16777619u;
  char buf[40];
  std::snprintf(buf, sizeof buf, "ORD-%08X-%zu", h, n);
  return buf;
}

TurnPlan plan_turn(const conv::State& state, const std::string& text, const Understanding& u,
                   const Catalog& catalog, int64_t now_us,
                   const CustomerLookup& customer_by_phone) {
  // The conversation's language: a message in another language changed it
  // already; one without any (a name and an address) keeps it.
  Turn t{state, {}, state.language};
  const std::string& intent = u.intent;

  if (!text.empty() && text[0] == '/') {
    handle_slash(t, text, catalog);
    return std::move(t.plan);
  }

  // Answers to the checkout's questions come first.
  if (t.state.awaiting_confirmation) {
    if (intent == "affirm" || intent == "checkout") {
      const std::string id = order_id_for(state.id, t.state.orders.size() + 1);
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
    auto details = read_details(text, u, t.state.customer);
    // A phone an earlier order used (perhaps on another channel): offer its details.
    bool returning = false;
    if (!details.phone.empty() && customer_by_phone &&
        !t.state.customer.merged(details).complete()) {
      if (auto known = customer_by_phone(details.phone)) {
        details = known->merged(details);
        returning = true;
      }
    }
    if (!details.empty() && t.apply(conv::ProvideDetails{details})) answered = true;
    if (returning && t.state.customer.complete()) {
      advance_checkout(t, true);
      return std::move(t.plan);
    }
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
    const std::string id = t.state.orders.back();
    const std::string amount = money(t.state.last_order_total_cents, t.state.last_order_currency);
    if (intent == "order_status")
      t.reply(Say::order_status, {id, "placed, awaiting payment", amount});
    else
      t.reply(Say::payment, {id, amount});
  } else if (intent == "human_handoff") {
    t.apply(conv::RequestHandoff{});
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
