// The customer records' side of the orders view (projections/orders_view.hpp):
// where a key leads through aliases, the team's corrections laid over what
// orders said, merges, and the reads the customer API answers from.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <shared_mutex>

#include "projections/fields.hpp"
#include "projections/orders_view.hpp"

namespace parley::projections {

using nlohmann::json;

namespace {
// Aliases are made one at a time and never in a circle; the bound only
// keeps a damaged view from looping.
constexpr int kMaxAliasHops = 64;
}  // namespace

std::string OrdersView::resolve(const std::string& key) const {
  std::string at = key;
  for (int hop = 0; hop < kMaxAliasHops; ++hop) {
    const json* a = find("alias/" + at);
    if (!a) break;
    const std::string next = a->value("into", "");
    if (next.empty() || next == key) break;
    at = next;
  }
  return at;
}

bool OrdersView::has_corrections(const json& c) const {
  for (const auto& conv : c.value("conversations", json::array()))
    if (conv.is_string() && find("correction/" + conv.get<std::string>())) return true;
  return false;
}

// Each field shows the latest word on it: a correction made at or after the
// last order that gave the field wins; an order placed after it wins back
// (its checkout offered the corrected details anyway).
void OrdersView::apply_corrections(const std::string& key,
                                   const std::map<std::string, int64_t>& field_at) {
  const json* c = find("customer/" + key);
  if (!c) return;
  std::map<std::string, std::pair<int64_t, json>> best;
  for (const auto& conv : c->value("conversations", json::array())) {
    if (!conv.is_string()) continue;
    const json* k = find("correction/" + conv.get<std::string>());
    if (!k) continue;
    const json fields = k->value("fields", json::object());
    const json times = k->value("at", json::object());
    for (const char* f : kShown) {
      if (!given(fields, f)) continue;
      const int64_t at = times.value(f, int64_t{0});
      auto b = best.find(f);
      if (b == best.end() || at >= b->second.first) best[f] = {at, fields[f]};
    }
  }
  if (best.empty()) return;
  json& out = touch("customer/" + key);
  int64_t corrected = out.value("corrected_us", int64_t{0});
  for (const auto& [f, v] : best) {
    auto o = field_at.find(f);
    if (o != field_at.end() && o->second > v.first) continue;
    out[f] = v.second;
    corrected = std::max(corrected, v.first);
  }
  if (corrected) out["corrected_us"] = corrected;
}

// The team corrected the details saved in `conversation`. The correction is
// kept per field, so refolding the customer applies it; a corrected phone or
// e-mail that names no customer yet leads to the one corrected.
void OrdersView::correct(const std::string& conversation, const Fields& details, int64_t at) {
  json kept = json::object();
  for (const char* f : kShown)
    if (const std::string_view v = details.str(f); !v.empty() && v[0] != '[')
      kept[f] = std::string(v);
  if (kept.empty()) return;  // only an address, or nothing the log could open
  json& k = touch("correction/" + conversation);
  if (k.empty())
    k = {{"conversation_id", conversation}, {"fields", json::object()}, {"at", json::object()}};
  for (const auto& [f, v] : kept.items()) {
    k["fields"][f] = v;
    k["at"][f] = at;
  }
  // The customers holding the conversation; the one of its latest order is
  // where a corrected phone or e-mail leads.
  std::set<std::string> holders;
  std::string target;
  int64_t latest = 0;
  each("order/", [&](const std::string&, const json& o) {
    if (o.value("conversation_id", "") != conversation) return;
    const std::string key = o.value("customer_key", "");
    holders.insert(key);
    const int64_t placed = o.value("placed_at_us", int64_t{0});
    if (target.empty() || placed >= latest) {
      target = key;
      latest = placed;
    }
  });
  if (!target.empty())
    for (const char* f : {"phone", "email"}) {
      if (!kept.contains(f)) continue;
      const std::string alias = customer_key({{f, kept[f]}}, conversation, pseudonym_);
      if (alias.rfind("conversation:", 0) == 0 || alias == target) continue;
      // Another customer's key, or one leading elsewhere already, is theirs:
      // joining two customers is a merge, which the team decides.
      if (find("customer/" + alias) || find("alias/" + alias)) continue;
      touch("alias/" + alias) = {{"into", target}, {"conversation", conversation}, {"at_us", at}};
    }
  for (const auto& key : holders) refold_customer(key);
}

// `from` is `into` from now on: the key from leads to (merged before into
// another, perhaps) goes into where into leads, its orders with it.
void OrdersView::merge(const std::string& into, const std::string& from, int64_t at) {
  if (into.empty() || from.empty()) return;
  const std::string target = resolve(into);
  const std::string source = resolve(from);
  if (source == target) return;  // one customer already; never a circle
  touch("alias/" + source) = {{"into", target}, {"at_us", at}};
  rekey({source, target});
}

void OrdersView::rekey(std::set<std::string> also) {
  std::vector<std::pair<std::string, std::string>> moved;  // order row, new key
  each("order/", [&](const std::string& k, const json& o) {
    const std::string old_key = o.value("customer_key", "");
    const std::string now = resolve(o.value("own_key", old_key));
    if (now == old_key) return;
    moved.emplace_back(k, now);
    also.insert(old_key);
    also.insert(now);
  });
  for (const auto& [k, key] : moved) touch(k)["customer_key"] = key;
  for (const auto& key : also) refold_customer(key);
}

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string digits_of(const std::string& s) {
  std::string out;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) out.push_back(c);
  return out;
}

// "+34 600-111 222", "(600) 111": a number, searched by its digits; "ana 6"
// is a name.
bool phone_like(const std::string& q) {
  bool digit = false;
  for (unsigned char c : q) {
    if (std::isdigit(c))
      digit = true;
    else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')' && c != '.')
      return false;
  }
  return digit;
}

}  // namespace

nlohmann::json OrdersView::customer(const std::string& key) const {
  std::shared_lock lock(mutex());
  const std::string at = resolve(key);
  const json* c = find("customer/" + at);
  if (!c) return nullptr;
  std::vector<const json*> mine;
  each("order/", [&](const std::string&, const json& o) {
    if (o.value("customer_key", "") == at) mine.push_back(&o);
  });
  std::sort(mine.begin(), mine.end(), [](const json* a, const json* b) {
    const int64_t ta = a->value("placed_at_us", int64_t{0}),
                  tb = b->value("placed_at_us", int64_t{0});
    return ta != tb ? ta > tb : a->value("order_id", "") > b->value("order_id", "");
  });
  json orders = json::array();
  for (const json* o : mine) orders.push_back(*o);
  json aliases = json::array();
  each("alias/", [&](const std::string& k, const json&) {
    const std::string from = k.substr(6);  // after "alias/"
    if (resolve(from) == at) aliases.push_back(from);
  });
  return {{"customer", *c},
          {"orders", std::move(orders)},
          {"conversations", c->value("conversations", json::array())},
          {"aliases", std::move(aliases)}};
}

nlohmann::json OrdersView::customer_list(const std::string& q, size_t limit) const {
  const std::string words = lower(q);
  const std::string digits = phone_like(q) ? digits_of(q) : "";
  std::shared_lock lock(mutex());
  std::vector<const json*> rows;
  each("customer/", [&](const std::string&, const json& c) {
    if (!words.empty()) {
      bool hit = lower(c.value("name", "")).find(words) != std::string::npos ||
                 lower(c.value("email", "")).find(words) != std::string::npos;
      if (!digits.empty())
        hit = hit || digits_of(c.value("phone", "")).find(digits) != std::string::npos;
      if (!hit) return;
    }
    rows.push_back(&c);
  });
  std::sort(rows.begin(), rows.end(), [](const json* a, const json* b) {
    const int64_t ta = a->value("last_order_us", int64_t{0}),
                  tb = b->value("last_order_us", int64_t{0});
    return ta != tb ? ta > tb : a->value("customer_key", "") < b->value("customer_key", "");
  });
  json out = json::array();
  for (size_t i = 0; i < rows.size() && i < limit; ++i) out.push_back(*rows[i]);
  return out;
}

}  // namespace parley::projections
