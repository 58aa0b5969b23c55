#include "projections/purchases_view.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "events/conversation_codec.hpp"
#include "events/customer_merge_codec.hpp"
#include "events/order_codec.hpp"

namespace parley::projections {
namespace {

namespace ot = events::order_codec::types;
namespace ct = events::conversation_codec::types;
namespace mt = events::customer_merge_codec::types;

std::string digits_of(const std::string& s) {
  std::string out;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) out.push_back(c);
  return out;
}

// WhatsApp and the gateways to it (channels/): their user id is the number.
bool number_is_identity(const std::string& channel) {
  return channel == "whatsapp" || channel == "twilio" || channel == "greenapi" ||
         channel == "maytapi";
}

std::string phone_key(const std::string& phone) {
  const std::string d = digits_of(phone);
  return d.size() >= 6 ? "phone:" + d : "";
}

}  // namespace

std::vector<std::string> identity_keys(const std::string& conversation_id) {
  std::vector<std::string> keys = {"conversation:" + conversation_id};
  const size_t colon = conversation_id.find(':');
  if (colon != std::string::npos && number_is_identity(conversation_id.substr(0, colon)))
    if (auto k = phone_key(conversation_id.substr(colon + 1)); !k.empty()) keys.push_back(k);
  return keys;
}

std::vector<brain::PastOrder> PurchasesSnapshot::orders_of(const domain::conversation::State& state,
                                                           size_t limit) const {
  std::set<std::string> keys;
  for (const auto& key : identity_keys(state.id)) {
    keys.insert(key);
    if (auto m = merged.find(key); m != merged.end())
      keys.insert(m->second.begin(), m->second.end());
  }
  std::set<size_t> found;
  for (const auto& key : keys)
    if (auto it = by_key.find(key); it != by_key.end())
      found.insert(it->second.begin(), it->second.end());
  std::vector<brain::PastOrder> out;
  for (auto it = found.rbegin(); it != found.rend() && out.size() < limit; ++it)
    out.push_back(orders[*it]);
  return out;
}

std::vector<std::string> PurchasesSnapshot::bought_with(const std::string& sku,
                                                        size_t limit) const {
  auto it = together.find(sku);
  if (it == together.end()) return {};
  std::vector<std::pair<uint32_t, std::string>> ranked;
  for (const auto& [other, n] : it->second) ranked.emplace_back(n, other);
  // Most orders first; the SKU breaks ties, so the answer does not depend on timing.
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && i < limit; ++i) out.push_back(ranked[i].second);
  return out;
}

PurchasesView::PurchasesView(events::EventStore& store)
    : LogFollower(store), snapshot_(std::make_shared<PurchasesSnapshot>()) {}

bool PurchasesView::wants(std::string_view type) const {
  return type == ot::kPlaced || type == ot::kCancelled || type == ct::kCustomerForgotten ||
         type == mt::kMerged;
}

std::string PurchasesView::root_of(const std::string& key) {
  std::string at = key;
  for (auto it = parent_.find(at); it != parent_.end() && it->second != at; it = parent_.find(at))
    at = it->second;
  // Path compression: the next look-up is one step.
  for (std::string k = key; k != at;) {
    std::string next = parent_[k];
    parent_[k] = at;
    k = std::move(next);
  }
  return at;
}

// The keys the conversations are known by (their ids; a WhatsApp number),
// never a phone typed in one of them: the merge vouches for the identities.
void PurchasesView::join(const std::vector<std::string>& conversations) {
  std::string first;
  for (const auto& c : conversations)
    for (const auto& key : identity_keys(c)) {
      if (!parent_.count(key)) parent_[key] = key;
      const std::string root = root_of(key);
      if (first.empty())
        first = root;
      else if (root != root_of(first))
        parent_[root] = root_of(first);
    }
}

events::Status PurchasesView::apply(const events::EventEnvelope& env) {
  if (env.type == ct::kCustomerForgotten) {
    for (auto it = placed_.begin(); it != placed_.end();)
      it = it->second.conversation_id == env.entity_id ? placed_.erase(it) : std::next(it);
    return events::Status::Ok();
  }
  if (env.type == mt::kMerged) {
    auto e = events::customer_merge_codec::decode(env);
    if (!e) return e.status();
    join(std::get<domain::customer_merge::CustomerMerged>(*e).conversations);
    return events::Status::Ok();
  }
  if (env.type == ot::kCancelled) {
    if (auto it = placed_.find(env.entity_id); it != placed_.end())
      it->second.order.cancelled = true;
    return events::Status::Ok();
  }
  auto e = events::order_codec::decode(env);
  if (!e) return e.status();
  const auto* placed = std::get_if<domain::order::OrderPlaced>(&*e);
  if (!placed || placed_.count(env.entity_id)) return events::Status::Ok();
  const auto& o = placed->order;
  Placed p;
  p.order = {o.order_id.empty() ? env.entity_id : o.order_id,    o.lines, o.total_cents, o.currency,
             o.placed_at_us ? o.placed_at_us : env.timestamp_us, false};
  p.conversation_id = o.conversation_id;
  p.keys = identity_keys(o.conversation_id);
  if (auto k = phone_key(o.customer.phone); !k.empty()) p.keys.push_back(k);
  placed_.emplace(env.entity_id, std::move(p));
  return events::Status::Ok();
}

void PurchasesView::publish(uint64_t position) {
  auto s = std::make_shared<PurchasesSnapshot>();
  s->position = position;
  std::vector<const Placed*> in_order;
  for (const auto& [id, p] : placed_) in_order.push_back(&p);
  std::sort(in_order.begin(), in_order.end(), [](const Placed* a, const Placed* b) {
    return a->order.placed_at_us != b->order.placed_at_us
               ? a->order.placed_at_us < b->order.placed_at_us
               : a->order.order_id < b->order.order_id;
  });
  for (const Placed* p : in_order) {
    const size_t index = s->orders.size();
    s->orders.push_back(p->order);
    for (const auto& key : p->keys) {
      auto& list = s->by_key[key];
      if (list.empty() || list.back() != index) list.push_back(index);
    }
    if (p->order.cancelled) continue;
    std::set<std::string> skus;
    for (const auto& l : p->order.lines) skus.insert(l.sku);
    for (const auto& a : skus)
      for (const auto& b : skus)
        if (a != b) ++s->together[a][b];
  }
  std::vector<std::string> keys;
  for (const auto& [key, parent] : parent_) keys.push_back(key);
  std::map<std::string, std::vector<std::string>> groups;
  for (const auto& key : keys) groups[root_of(key)].push_back(key);
  for (const auto& [root, members] : groups)
    if (members.size() > 1)
      for (const auto& key : members) s->merged[key] = members;
  std::atomic_store(&snapshot_, std::shared_ptr<const PurchasesSnapshot>(std::move(s)));
}

std::shared_ptr<const PurchasesSnapshot> PurchasesView::snapshot() const {
  return std::atomic_load(&snapshot_);
}

}  // namespace parley::projections
