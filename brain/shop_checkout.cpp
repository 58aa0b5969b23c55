// The checkout: variants, delivery details and the confirmation.
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

bool offer_what_is_left(Turn& t, const std::map<std::string, int64_t>& stock) {
  std::map<std::string, int64_t> wanted;  // a product may be on several lines
  for (const auto& l : t.state.cart) wanted[l.sku] += l.quantity;
  std::vector<std::pair<std::string, int64_t>> short_lines;  // name, units left
  for (const auto& [sku, quantity] : wanted) {
    auto it = stock.find(sku);
    const int64_t left = it == stock.end() ? 0 : std::max<int64_t>(0, it->second);
    if (left >= quantity) continue;
    const CartLine* line = t.state.line(sku);
    short_lines.push_back({line ? line->name : sku, left});
    // (Two variant lines of one product share its count: both are cut.)
    if (left == 0)
      t.apply(conv::RemoveItem{sku});
    else
      t.apply(conv::SetQuantity{sku, left});
  }
  if (short_lines.empty()) return false;
  for (const auto& [name, left] : short_lines)
    t.reply(left == 0 ? Say::sold_out_now : Say::only_left_now, {name, std::to_string(left)});
  if (t.state.cart.empty()) {
    t.apply(conv::CancelCheckout{});
    t.stage(Stage::discovery);
    return true;
  }
  advance_checkout(t, false);  // the new total, and "shall I place it?" again
  return true;
}

// Details given freely during checkout: "Rahul Sharma, +91 98765 43210,
// rahul@x.com, 14 Park Street, Kolkata" — or one field at a time.
Customer read_details(const std::string& text, const Understanding& u, const Customer& have) {
  Customer c;
  auto slot = [&](const char* k) {
    auto it = u.text_slots.find(k);
    return it == u.text_slots.end() ? std::string() : it->second;
  };
  // A name clearly given ("I am Maria and…", "меня зовут Айгерим") is that
  // name, whatever else the message holds.
  const std::string given = nlu::given_name(nlu::tokenize_message(text));
  c.name = given.empty() ? slot("name") : given;
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
      // The part before the address is the name, unless it is a greeting or
      // a command word ("Hi, I am…").
      if (c.name.empty() && i > 0 && have.name.empty() && !nlu::is_cue_word(fold(rest[0])))
        c.name = rest[0];
      break;
    }
  }
  // "Name, phone, e-mail, address, city": the first part, when it is words
  // only and neither the address nor the city nor a greeting, is the name.
  if (c.name.empty() && have.name.empty() && rest.size() >= 2 && !has_digit(rest[0]) &&
      rest[0] != c.city && c.address.find(rest[0]) == std::string::npos &&
      !nlu::is_cue_word(fold(rest[0])))
    c.name = rest[0];
  // A lone answer to the one question left: the city, or the name. Not when
  // the message said what it gives ("Меня зовут Айгерим" is a name even when
  // the city is what is missing).
  const auto missing = have.merged(c).missing();
  const bool said_what = !c.name.empty() || !c.city.empty() || !c.address.empty();
  if (!said_what && rest.size() == 1 && !has_digit(rest[0]) && missing.size() == 1) {
    if (missing[0] == "city" && c.city.empty()) c.city = rest[0];
    if (missing[0] == "name" && c.name.empty()) c.name = rest[0];
  }
  return c;
}

// The message's details: the rules' reading with the model's filling what it
// missed; if the decider refuses the model's fields, the rules' alone.
bool provide_details(Turn& t, const Customer& rules) {
  if (t.extracted) {
    const Customer filled = with_gaps_filled(rules, t.extracted->details);
    if (!(filled == rules) && t.apply(conv::ProvideDetails{filled})) return true;
  }
  return !rules.empty() && t.apply(conv::ProvideDetails{rules});
}

}  // namespace parley::brain::shop

namespace parley::brain {

domain::Customer with_gaps_filled(const domain::Customer& rules, const domain::Customer& model) {
  domain::Customer c = rules;
  for (auto [mine, theirs] : {std::pair{&c.name, &model.name},
                              {&c.phone, &model.phone},
                              {&c.email, &model.email},
                              {&c.address, &model.address},
                              {&c.city, &model.city}})
    if (mine->empty()) *mine = *theirs;
  return c;
}

}  // namespace parley::brain
