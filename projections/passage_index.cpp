#include "projections/passage_index.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "brain/stemmer.hpp"
#include "brain/text.hpp"

namespace parley::projections {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr float kQuestionWeight = 2.0f;
constexpr double kOwnLanguage = 1.25;
// A question longer than this says more than a question needs: the words after
// it are ignored, before any is stemmed or translated (the public search and
// every unsure chat turn pay for what is read).
constexpr size_t kMaxQueryTokens = 32;

brain::KnowledgeQuote quote_of(const PassageIndex::Entry& e) {
  const auto& p = e.passage;
  return {e.document_id, e.title, p.text, p.language, p.line, p.question};
}

}  // namespace

PassageIndex::PassageIndex(std::vector<Entry> entries, const brain::Lexicon* services,
                           const brain::Lexicon& stops, ScriptLines scripts)
    : entries_(std::move(entries)),
      services_(services),
      stops_(stops),
      scripts_(std::move(scripts)) {
  lengths_.resize(entries_.size());
  double total = 0;
  for (uint32_t d = 0; d < entries_.size(); ++d) {
    const auto& p = entries_[d].passage;
    std::unordered_map<std::string, float> tf;
    for (const auto& t : terms_of(p.question, p.language, false, SIZE_MAX))
      tf[t] += kQuestionWeight;
    for (const auto& t : terms_of(p.text, p.language, false, SIZE_MAX)) tf[t] += 1.0f;
    // The heading says what the passage is about ("Returns" over "within 30
    // days you may…"): its words count as the passage's own.
    for (const auto& t : terms_of(p.heading, p.language, false, SIZE_MAX)) tf[t] += 1.0f;
    float length = 0;
    for (const auto& [term, n] : tf) {
      postings_[term].push_back({d, n});
      length += n;
    }
    lengths_[d] = length;
    total += length;
  }
  if (!entries_.empty()) avg_length_ = std::max(1.0, total / entries_.size());
}

std::vector<std::string> PassageIndex::terms_of(std::string_view text, const std::string& language,
                                                bool by_script, size_t max_tokens) const {
  std::vector<std::string> out;
  size_t read = 0;
  for (const auto& token : brain::tokenize(brain::fold(text))) {
    if (read++ == max_tokens) break;
    if (stops_.is_stopword(token)) continue;
    if (brain::is_number(token)) {
      out.push_back(token);
      continue;
    }
    std::set<std::string> terms{brain::stem(language, token)};
    if (by_script)
      for (auto& s : brain::stems_by_script(token)) terms.insert(std::move(s));
    if (services_)
      if (const auto* english = services_->translate(token))
        for (const auto& e : *english) terms.insert(brain::stem("en", e));
    out.insert(out.end(), terms.begin(), terms.end());
  }
  return out;
}

std::vector<PassageIndex::Hit> PassageIndex::search(std::string_view query,
                                                    const std::string& language,
                                                    size_t limit) const {
  std::vector<std::string> terms = terms_of(query, language, true, kMaxQueryTokens);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  // Only the passages a term reaches are scored: the cost follows the
  // postings read, not the size of the index.
  std::unordered_map<uint32_t, std::pair<double, size_t>> scored;  // doc -> score, terms matched
  const double n = static_cast<double>(entries_.size());
  for (const auto& term : terms) {
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    const double df = static_cast<double>(it->second.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    for (const auto& p : it->second) {
      const double norm = kK1 * (1 - kB + kB * lengths_[p.doc] / avg_length_);
      auto& s = scored[p.doc];
      s.first += idf * (p.tf * (kK1 + 1)) / (p.tf + norm);
      ++s.second;
    }
  }
  std::vector<Hit> hits;
  hits.reserve(scored.size());
  for (const auto& [d, s] : scored) {
    const double own = entries_[d].passage.language == language ? kOwnLanguage : 1.0;
    hits.push_back({&entries_[d], s.first * own, s.second});
  }
  const size_t keep = std::min(limit, hits.size());
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(keep), hits.end(),
                    [](const Hit& a, const Hit& b) {
                      if (a.score != b.score) return a.score > b.score;
                      return a.entry->passage.position < b.entry->passage.position;
                    });
  hits.resize(keep);
  return hits;
}

std::optional<brain::KnowledgeQuote> PassageIndex::answer(const std::string& question,
                                                          const std::string& language) const {
  if (!services_) return std::nullopt;
  // The service terms of the question: the English a service word stands for.
  std::set<std::string> service;
  size_t read = 0;
  for (const auto& token : brain::tokenize(brain::fold(question)))
    if (read++ == kMaxQueryTokens)
      break;
    else if (const auto* english = services_->translate(token))
      for (const auto& e : *english) service.insert(brain::stem("en", e));
  if (service.empty()) return std::nullopt;
  const auto hits = search(question, language, 1);
  if (hits.empty()) return std::nullopt;
  const auto& p = hits[0].entry->passage;
  bool holds = false;
  for (const auto& t :
       terms_of(p.heading + "\n" + p.question + "\n" + p.text, p.language, false, SIZE_MAX))
    holds = holds || service.count(t) > 0;
  if (!holds) return std::nullopt;
  return quote_of(*hits[0].entry);
}

std::vector<brain::KnowledgeQuote> PassageIndex::passages(const std::string& query,
                                                          const std::string& language,
                                                          size_t limit) const {
  std::vector<brain::KnowledgeQuote> out;
  for (const auto& hit : search(query, language, limit)) out.push_back(quote_of(*hit.entry));
  return out;
}

std::vector<std::string> PassageIndex::script_lines(const std::string& stage,
                                                    const std::string& language) const {
  auto it = scripts_.find(stage + "/" + language);
  return it == scripts_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace parley::projections
