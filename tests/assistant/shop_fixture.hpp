// A small catalog, the shop's documents and conversation states for the
// assistant's tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "brain/knowledge.hpp"
#include "domain/conversation.hpp"
#include "projections/search_index.hpp"

namespace parley::assistant::testing {

inline domain::product::Product product(std::string sku, std::string name, std::string category,
                                        int64_t cents, int64_t stock,
                                        std::vector<std::string> colors,
                                        std::vector<std::string> sizes, std::string tags) {
  domain::product::Product p;
  p.sku = std::move(sku);
  p.name = std::move(name);
  p.category = std::move(category);
  p.price_cents = cents;
  p.currency = "EUR";
  p.stock = stock;
  p.colors = std::move(colors);
  p.sizes = std::move(sizes);
  p.tags = {std::move(tags)};
  p.description = "A " + p.name;
  p.image_url = "https://img.example/" + p.sku + ".jpg";
  return p;
}

inline const projections::SearchIndex& shop_catalog() {
  static const projections::SearchIndex index({
      product("SCR-1", "Wood screws 4x40", "Hardware > Fasteners", 490, 50, {}, {}, "screws"),
      product("SCR-2", "Wood screws 5x60", "Hardware > Fasteners", 690, 3, {}, {}, "screws"),
      product("DRL-1", "Cordless drill 18V", "Tools > Drills", 8900, 4, {"blue"}, {}, "drill"),
      product("SNK-1", "Canvas sneakers", "Fashion > Shoes", 4500, 10, {"white", "black"},
              {"38", "39", "40"}, "sneakers"),
      product("GLU-1", "Wood glue", "Hardware > Adhesives", 390, 0, {}, {}, "glue"),
  });
  return index;
}

// A shop whose documents say two things: what delivery costs (faq:2) and how
// returns work (faq:3). Keeps the language each search was asked in.
class ShopFaq final : public brain::Knowledge {
 public:
  std::optional<brain::KnowledgeQuote> answer(const std::string&,
                                              const std::string&) const override {
    return std::nullopt;
  }
  std::vector<brain::KnowledgeQuote> passages(const std::string& query, const std::string& language,
                                              size_t limit) const override {
    languages.push_back(language);
    std::vector<brain::KnowledgeQuote> out;
    if (query.find("deliver") != std::string::npos)
      out.push_back({"faq", "Shop FAQ", "Delivery costs 5 EUR, free from 50 EUR.", "en", 2,
                     "How much is delivery?"});
    if (query.find("return") != std::string::npos || query.find("deliver") != std::string::npos)
      out.push_back({"faq", "Shop FAQ", "Returns are free within 30 days.", "en", 3});
    if (out.size() > limit) out.resize(limit);
    return out;
  }
  mutable std::vector<std::string> languages;
};

// A conversation on "api" that received `n` messages.
inline domain::conversation::State started(int n = 1) {
  namespace conv = domain::conversation;
  auto s = conv::initial_state(conv::conversation_id("api", "u1"));
  for (int i = 0; i < n; ++i) {
    auto r = conv::decide(
        s, conv::ReceiveMessage{conv::text_message("api", "u1", "hi", ""), "req", 1, "en"});
    for (const auto& e : r.value()) s = conv::evolve(std::move(s), e);
  }
  return s;
}

}  // namespace parley::assistant::testing
