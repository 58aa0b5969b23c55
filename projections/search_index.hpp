// Full-text product search over an immutable set of products: BM25F over
// name, category, tags, description, colours and sizes (English light
// stemming), queries in five languages through the lexicon, typo tolerance
// (one edit; two for long words) and prefix matching against the index's own
// vocabulary, and the price/size/colour filters of search_query.hpp.
// Built once per catalog version; searching is const and thread-safe.
#pragma once

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "brain/catalog.hpp"
#include "brain/lexicon.hpp"
#include "domain/product.hpp"
#include "projections/need_knowledge.hpp"
#include "projections/search_query.hpp"

namespace parley::projections {

struct SearchHit {
  const domain::product::Product* product;
  double score;
};

class SearchIndex : public brain::Catalog {
 public:
  enum Field { kName, kCategory, kTags, kDescription, kColors, kSizes, kFieldCount };

  explicit SearchIndex(std::vector<domain::product::Product> products,
                       const brain::Lexicon& lexicon = brain::Lexicon::builtin(),
                       const NeedKnowledge& knowledge = NeedKnowledge::builtin());

  std::vector<SearchHit> search(const std::string& text, size_t limit) const;
  const domain::product::Product* find(const std::string& sku) const override;
  std::vector<const domain::product::Product*> find_products(const std::string& text,
                                                             size_t limit) const override;
  std::vector<std::pair<std::string, size_t>> categories() const override;
  size_t size() const { return products_.size(); }
  const std::vector<domain::product::Product>& products() const { return products_; }

 private:
  struct Posting {
    uint32_t doc;
    std::array<uint16_t, kFieldCount> tf;
  };
  struct WeightedTerm {
    const std::vector<Posting>* postings;
    double weight;
    std::string term;
  };
  struct BigramPosting {
    uint32_t doc;
    uint16_t tf;
  };

  void add_term(const std::string& term, uint32_t doc, Field f);
  void add_bigrams(const std::vector<std::string>& terms, uint32_t doc);
  // Adds to `score` for documents where two query terms stand side by side.
  void score_bigrams(const std::vector<std::vector<WeightedTerm>>& words,
                     std::vector<double>* score) const;
  // Index terms a typed word stands for, with weights.
  std::vector<WeightedTerm> expand(const std::string& word) const;
  void add_vocab_term(std::vector<WeightedTerm>* out, const std::string& term, double w) const;
  std::vector<std::string> near_terms(const std::string& word) const;
  bool size_matches(const domain::product::Product& p, const std::string& size) const;
  // The terms and categories of the knowledge entries naming one span of the query.
  std::vector<WeightedTerm> knowledge_terms(const std::vector<const NeedEntry*>& entries) const;
  std::vector<double> category_bonus(const std::vector<const NeedEntry*>& entries) const;

  const brain::Lexicon& lexicon_;
  const NeedKnowledge& knowledge_;
  std::vector<domain::product::Product> products_;
  std::unordered_map<std::string, uint32_t> by_sku_;
  std::vector<std::string> categories_;  // distinct, in order of first product
  std::vector<uint16_t> category_of_;    // per document, into categories_
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  std::vector<std::array<float, kFieldCount>> lengths_;
  std::array<double, kFieldCount> avg_length_{};
  std::vector<std::string> vocab_;                                     // sorted, for prefix lookups
  std::unordered_map<std::string, std::vector<std::string>> deletes_;  // one deletion -> terms
  std::unordered_map<std::string, std::vector<BigramPosting>> bigrams_;  // "a b" -> docs
};

// Index-side analysis of a text field: fold, tokenize, stem.
std::vector<std::string> analyze(const std::string& text);

}  // namespace parley::projections
