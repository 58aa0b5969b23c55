// What the sales-policy tests share: a catalog of the products a test puts on
// its shelf, a shopper's conversation, an understanding as the model would
// give it, and the state after a planned turn.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "brain/shop_policy.hpp"

namespace parley::brain::testing {

namespace conv = domain::conversation;

// Products by SKU; a search finds them all, in the order they were put.
class Shelf : public Catalog {
 public:
  const domain::product::Product& put(const std::string& sku, const std::string& name,
                                      const std::string& category, int64_t price_cents,
                                      int64_t stock, std::vector<std::string> colors = {},
                                      std::vector<std::string> sizes = {}) {
    domain::product::Product p;
    p.sku = sku;
    p.name = name;
    p.category = category;
    p.price_cents = price_cents;
    p.currency = "EUR";
    p.stock = stock;
    p.colors = std::move(colors);
    p.sizes = std::move(sizes);
    order_.push_back(sku);
    return products_[sku] = p;
  }
  const domain::product::Product* find(const std::string& sku) const override {
    auto it = products_.find(sku);
    return it == products_.end() ? nullptr : &it->second;
  }
  std::vector<const domain::product::Product*> find_products(const std::string&,
                                                             size_t limit) const override {
    std::vector<const domain::product::Product*> out;
    for (const auto& sku : order_)
      if (out.size() < limit) out.push_back(find(sku));
    return out;
  }

 private:
  std::map<std::string, domain::product::Product> products_;
  std::vector<std::string> order_;
};

// A conversation that has received `received` messages, the last in `language`.
inline conv::State shopper(const std::string& id, const std::string& language,
                           uint64_t received = 1) {
  conv::State s = conv::initial_state(id);
  s.channel = id.substr(0, id.find(':'));
  s.received = received;
  s.language = language;
  return s;
}

inline Understanding said(const std::string& intent, const std::string& language,
                          double confidence = 0.9) {
  Understanding u;
  u.intent = intent;
  u.confidence = confidence;
  u.language = language;
  return u;
}

inline conv::State after(conv::State s, const TurnPlan& plan) {
  for (const auto& e : plan.events) s = conv::evolve(std::move(s), e);
  return s;
}

}  // namespace parley::brain::testing
