#include "projections/search_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "brain/romanize.hpp"
#include "brain/stemmer.hpp"
#include "brain/text.hpp"

namespace parley::projections {
namespace {

namespace product = domain::product;

constexpr double kK1 = 1.2;
constexpr std::array<double, SearchIndex::kFieldCount> kFieldWeight = {
    {3.0, 2.5, 2.0, 1.0, 1.0, 1.0}};
constexpr std::array<double, SearchIndex::kFieldCount> kFieldB = {{0.5, 0.3, 0.4, 0.75, 0.2, 0.2}};

std::string term_of(const std::string& token) {
  return brain::is_number(token) ? token : brain::stem("en", token);
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) (s += x) += ' ';
  return s;
}

}  // namespace

std::vector<std::string> analyze(const std::string& text) {
  std::vector<std::string> out;
  for (auto& t : brain::tokenize(brain::fold(text)))
    if (t != "s") out.push_back(term_of(t));
  return out;
}

SearchIndex::SearchIndex(std::vector<product::Product> products, const brain::Lexicon& lexicon,
                         const NeedKnowledge& knowledge)
    : lexicon_(lexicon), knowledge_(knowledge), products_(std::move(products)) {
  lengths_.resize(products_.size());
  for (uint32_t d = 0; d < products_.size(); ++d) {
    const auto& p = products_[d];
    by_sku_[p.sku] = d;
    auto c = std::find(categories_.begin(), categories_.end(), p.category);
    if (c == categories_.end()) c = categories_.insert(categories_.end(), p.category);
    category_of_.push_back(static_cast<uint16_t>(c - categories_.begin()));
    const std::array<std::string, kFieldCount> fields = {
        {p.name, p.category, join(p.tags), p.description, join(p.colors), join(p.sizes)}};
    for (int f = 0; f < kFieldCount; ++f) {
      auto terms = analyze(fields[f]);
      lengths_[d][f] = static_cast<float>(terms.size());
      avg_length_[f] += terms.size();
      for (const auto& t : terms) add_term(t, d, static_cast<Field>(f));
      if (f == kName || f == kDescription) add_bigrams(terms, d);
    }
    for (const auto& tag : p.tags) add_bigrams(analyze(tag), d);
  }
  for (auto& a : avg_length_) a = products_.empty() ? 1 : std::max(1.0, a / products_.size());
  vocab_.reserve(postings_.size());
  for (const auto& [term, _] : postings_) vocab_.push_back(term);
  std::sort(vocab_.begin(), vocab_.end());
  auto add_deletes = [this](const std::string& term) {
    if (term.size() < 4 || brain::is_number(term)) return;
    for (size_t i = 0; i < term.size(); ++i) {
      auto& slot = deletes_[term.substr(0, i) + term.substr(i + 1)];
      if (std::find(slot.begin(), slot.end(), term) == slot.end()) slot.push_back(term);
    }
  };
  for (const auto& t : vocab_) add_deletes(t);
  for (const auto& k : lexicon_.keys()) add_deletes(k);
}

void SearchIndex::add_term(const std::string& term, uint32_t doc, Field f) {
  auto& list = postings_[term];
  if (list.empty() || list.back().doc != doc) list.push_back({doc, {}});
  auto& tf = list.back().tf[f];
  if (tf < UINT16_MAX) ++tf;
}

void SearchIndex::add_bigrams(const std::vector<std::string>& terms, uint32_t doc) {
  for (size_t i = 0; i + 1 < terms.size(); ++i) {
    auto& list = bigrams_[terms[i] + " " + terms[i + 1]];
    if (list.empty() || list.back().doc != doc) list.push_back({doc, 0});
    if (list.back().tf < UINT16_MAX) ++list.back().tf;
  }
}

void SearchIndex::score_bigrams(const std::vector<std::vector<WeightedTerm>>& words,
                                std::vector<double>* score) const {
  const double n = static_cast<double>(products_.size());
  auto bonus = [&](const std::string& a, const std::string& b, double w) {
    auto it = bigrams_.find(a + " " + b);
    if (it == bigrams_.end()) return;
    const double df = static_cast<double>(it->second.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    for (const auto& post : it->second)
      (*score)[post.doc] += 0.5 * w * idf * post.tf / (kK1 + post.tf);
  };
  for (size_t i = 0; i + 1 < words.size(); ++i)
    for (const auto& a : words[i])
      for (const auto& b : words[i + 1]) {
        bonus(a.term, b.term, std::min(a.weight, b.weight));
        bonus(b.term, a.term, std::min(a.weight, b.weight));  // "skin oily" ~ "oily skin"
      }
}

std::vector<std::pair<std::string, size_t>> SearchIndex::categories() const {
  std::map<std::string, size_t> count;
  for (const auto& p : products_) ++count[p.category];
  return {count.begin(), count.end()};
}

const product::Product* SearchIndex::find(const std::string& sku) const {
  auto it = by_sku_.find(sku);
  return it == by_sku_.end() ? nullptr : &products_[it->second];
}

std::vector<const product::Product*> SearchIndex::find_products(const std::string& text,
                                                                size_t limit) const {
  std::vector<const product::Product*> out;
  for (const auto& h : search(text, limit)) out.push_back(h.product);
  return out;
}

void SearchIndex::add_vocab_term(std::vector<WeightedTerm>* out, const std::string& term,
                                 double w) const {
  auto it = postings_.find(term);
  if (it == postings_.end()) return;
  for (auto& x : *out)
    if (x.postings == &it->second) {
      x.weight = std::max(x.weight, w);
      return;
    }
  out->push_back({&it->second, w, term});
}

// Vocabulary terms and lexicon keys within one edit (two for long words).
std::vector<std::string> SearchIndex::near_terms(const std::string& word) const {
  std::vector<std::string> out;
  if (word.size() < 4) return out;
  const size_t limit = word.size() >= 8 ? 2 : 1;
  auto consider = [&](const std::string& key) {
    auto it = deletes_.find(key);
    if (it == deletes_.end()) return;
    for (const auto& cand : it->second)
      if (brain::edit_distance(word, cand, limit) <= limit &&
          std::find(out.begin(), out.end(), cand) == out.end())
        out.push_back(cand);
  };
  consider(word);
  for (size_t i = 0; i < word.size(); ++i) consider(word.substr(0, i) + word.substr(i + 1));
  // The word itself may be one deletion of a vocabulary term ("metl" -> "metal").
  if (postings_.count(word) == 0) {
    auto it = deletes_.find(word);
    if (it != deletes_.end())
      for (const auto& cand : it->second)
        if (std::find(out.begin(), out.end(), cand) == out.end()) out.push_back(cand);
  }
  return out;
}

std::vector<SearchIndex::WeightedTerm> SearchIndex::expand(const std::string& word) const {
  std::vector<WeightedTerm> out;
  auto translate_into = [&](const std::vector<std::string>& terms, double w) {
    double each = w / std::sqrt(static_cast<double>(terms.size()));
    for (const auto& t : terms)
      for (const auto& a : analyze(t)) add_vocab_term(&out, a, each);
  };
  const std::string stem = term_of(word);
  if (auto* tr = lexicon_.translate(word)) translate_into(*tr, 1.0);
  add_vocab_term(&out, stem, 1.0);
  if (!out.empty()) return out;

  // A name written in another script ("лунель", "кларо", "लुनेल") is looked
  // for by its Latin spelling, completed and corrected like any unknown word.
  const unsigned char lead = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
  if (lead == 0xD0 || lead == 0xD1 || lead == 0xE0) {
    const std::string latin = brain::fold(brain::to_latin(word));
    if (!latin.empty() && latin != word && latin.size() >= 3) return expand(latin);
  }
  // Unknown word: complete it ("niacinamid" -> "niacinamide"), then correct it.
  if (word.size() >= 4 && !brain::is_number(word)) {
    auto lo = std::lower_bound(vocab_.begin(), vocab_.end(), word);
    for (int n = 0; lo != vocab_.end() && lo->compare(0, word.size(), word) == 0 && n < 8;
         ++lo, ++n)
      add_vocab_term(&out, *lo, 0.8);
    auto near = near_terms(word);
    if (stem != word)
      for (auto& c : near_terms(stem))
        if (std::find(near.begin(), near.end(), c) == near.end()) near.push_back(c);
    for (const auto& cand : near) {
      if (auto* tr = lexicon_.translate(cand)) {
        if (!lexicon_.is_stopword(cand)) translate_into(*tr, 0.8);
      } else {
        add_vocab_term(&out, cand, 0.8);
      }
    }
  }
  return out;
}

bool SearchIndex::size_matches(const product::Product& p, const std::string& size) const {
  for (const auto& s : p.sizes)
    for (const auto& t : brain::tokenize(brain::fold(s)))
      if (t == size) return true;
  return false;
}

std::vector<SearchIndex::WeightedTerm> SearchIndex::knowledge_terms(
    const std::vector<const NeedEntry*>& entries) const {
  std::vector<WeightedTerm> out;
  for (const auto* e : entries)
    for (size_t i = 0; i < e->terms.size(); ++i) {
      // The entry lists its terms most specific first.
      const double w = i == 0 ? 1.0 : 0.8;
      for (const auto& a : analyze(e->terms[i])) add_vocab_term(&out, a, w);
    }
  return out;
}

// A product in a category the knowledge names scores as if it matched a
// strong term: 2.5 for the first category an entry lists, 1.5 for the rest
// (a top level, "Skincare", names every category under it). One value per
// category of the catalog, so the documents are scored by a lookup.
std::vector<double> SearchIndex::category_bonus(
    const std::vector<const NeedEntry*>& entries) const {
  std::vector<double> bonus(categories_.size(), 0.0);
  for (size_t k = 0; k < categories_.size(); ++k) {
    const std::string& category = categories_[k];
    for (const auto* e : entries)
      for (size_t i = 0; i < e->categories.size(); ++i) {
        const std::string& c = e->categories[i];
        const bool in =
            category == c || (category.size() > c.size() && category.compare(0, c.size(), c) == 0 &&
                              category.compare(c.size(), 3, " > ") == 0);
        if (in) bonus[k] = std::max(bonus[k], i == 0 ? 2.5 : 1.5);
      }
  }
  return bonus;
}

std::vector<SearchHit> SearchIndex::search(const std::string& text, size_t limit) const {
  const SearchQuery q = parse_search_query(text, lexicon_);
  const size_t n = products_.size();
  std::vector<double> score(n, 0.0);
  std::vector<uint16_t> groups_hit(n, 0);

  // Needs and category names the knowledge base recognises: each matched
  // span is one more group. Its words are still searched as typed: a name
  // ("Lunelle Stiletto Pump") also names a category, and must still find itself.
  const auto tokens = brain::tokenize(brain::fold(text));
  std::vector<bool> covered(tokens.size(), false);
  std::vector<std::vector<const NeedEntry*>> spans;
  for (const auto& m : knowledge_.match(tokens, lexicon_)) {
    if (!spans.empty() && covered[m.first]) {
      spans.back().push_back(m.entry);  // another entry for the same span
      continue;
    }
    spans.push_back({m.entry});
    for (size_t k = m.first; k <= m.last; ++k) covered[k] = true;
  }

  size_t groups = 0;
  std::vector<std::vector<WeightedTerm>> expanded;
  const size_t word_groups = q.words.size();
  for (size_t gi = 0; gi < word_groups + spans.size(); ++gi) {
    const bool is_span = gi >= word_groups;
    auto terms = is_span ? knowledge_terms(spans[gi - word_groups]) : expand(q.words[gi].text);
    if (terms.empty() && !is_span) continue;  // a word the catalog knows nothing of
    if (!terms.empty()) expanded.push_back(terms);
    ++groups;
    std::vector<double> group_score(n, 0.0);
    for (const auto& term : terms) {
      const double df = static_cast<double>(term.postings->size());
      const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
      for (const auto& post : *term.postings) {
        double tf = 0;
        for (int f = 0; f < kFieldCount; ++f) {
          if (post.tf[f] == 0) continue;
          double norm = 1 - kFieldB[f] + kFieldB[f] * lengths_[post.doc][f] / avg_length_[f];
          tf += kFieldWeight[f] * post.tf[f] / norm;
        }
        group_score[post.doc] =
            std::max(group_score[post.doc], term.weight * idf * tf / (kK1 + tf));
      }
    }
    if (is_span) {
      const auto bonus = category_bonus(spans[gi - word_groups]);
      for (uint32_t d = 0; d < n; ++d) group_score[d] += bonus[category_of_[d]];
    }
    for (size_t d = 0; d < n; ++d)
      if (group_score[d] > 0) {
        score[d] += group_score[d];
        ++groups_hit[d];
      }
  }

  score_bigrams(expanded, &score);
  // A multi-word translation ("dark spots") is a phrase of its own.
  for (const auto& terms : expanded)
    if (terms.size() > 1) {
      std::vector<std::vector<WeightedTerm>> split;
      for (const auto& t : terms) split.push_back({t});
      score_bigrams(split, &score);
    }

  const bool filters_only = groups == 0 && (!q.colors.empty() || q.price_max_cents ||
                                            q.price_min_cents || !q.size.empty());
  std::vector<SearchHit> hits;
  for (size_t d = 0; d < n; ++d) {
    const auto& p = products_[d];
    double s = score[d];
    if (filters_only) s = 1.0;
    if (q.sku == p.sku) s += 1000.0;
    if (s <= 0) continue;
    if (q.price_max_cents && p.price_cents >= *q.price_max_cents) continue;
    if (q.price_min_cents && p.price_cents <= *q.price_min_cents) continue;
    if (!q.size.empty() && !p.sizes.empty()) {
      if (!size_matches(p, q.size)) {
        bool numeric = brain::is_number(q.size);
        if (numeric) continue;  // a shoe without the size cannot be bought in it
        s *= 0.3;
      }
    }
    if (!q.colors.empty()) {
      bool has = std::any_of(q.colors.begin(), q.colors.end(), [&](const std::string& c) {
        return std::find(p.colors.begin(), p.colors.end(), c) != p.colors.end();
      });
      s *= has ? 1.3 : p.colors.empty() ? 0.6 : 0.35;
    }
    if (groups > 1) {
      double coverage = static_cast<double>(groups_hit[d]) / groups;
      s *= 0.2 + 0.8 * coverage * coverage;
    }
    hits.push_back({&p, s});
  }
  // Only the first `limit` are ordered: a broad need ("something for my
  // skin") can score thousands of products, many tied on a category bonus,
  // and sorting them all was half the time of a search (perf, 10,000 products).
  const auto better = [](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.product->sku < b.product->sku;
  };
  const size_t keep = std::min(limit, hits.size());
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(keep), hits.end(),
                    better);
  hits.resize(keep);
  return hits;
}

}  // namespace parley::projections
