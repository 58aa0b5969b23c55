// Search over the shop's knowledge: BM25 over passages (domain/knowledge_text.hpp),
// the question of a FAQ row weighing twice its answer, the heading a passage
// sits under counting as its own words. Words are folded and
// tokenized as the catalog's are (brain::fold, brain::tokenize) and stemmed by
// Snowball in the passage's language (the query's: in the shopper's, and by
// script). Both sides also carry the English terms a service lexicon gives a
// word ("доставка", "ongkir" -> delivery, shipping), so a question in one
// language finds a passage written in another. A passage in the shopper's
// language is preferred (its score × 1.25). Stop words are not indexed; a
// question is read up to its first 32 words, and a search scores only the
// passages its terms reach.
// Built once per knowledge version; searching is const and thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "brain/knowledge.hpp"
#include "brain/lexicon.hpp"
#include "domain/knowledge_text.hpp"

namespace parley::projections {

class PassageIndex : public brain::Knowledge {
 public:
  struct Entry {
    std::string document_id;
    std::string title;  // the document's, for attribution
    domain::knowledge::Passage passage;
  };
  struct Hit {
    const Entry* entry;
    double score;
    size_t matched_terms;  // distinct query terms found in the passage
  };

  // A sales script's lines by "<stage>/<language>": they are not searched,
  // only handed to the offline brain as the shop's phrasings.
  using ScriptLines = std::map<std::string, std::vector<std::string>>;

  // `services`: the service lexicon (nullptr: no translation); `stops`: whose
  // stop words are left out (the shopping lexicon's).
  PassageIndex(std::vector<Entry> entries, const brain::Lexicon* services,
               const brain::Lexicon& stops = brain::Lexicon::builtin(), ScriptLines scripts = {});

  // The best `limit` passages for `query` asked in `language`, best first;
  // only passages that share a term with the query.
  std::vector<Hit> search(std::string_view query, const std::string& language, size_t limit) const;
  // brain::Knowledge: the best passage, when the question names something a
  // shop's knowledge is about (a word the service lexicon knows: delivery,
  // refund, horario, ongkir …) and that passage holds one of those terms.
  // "red heels" or "hello" are not questions for the knowledge.
  std::optional<brain::KnowledgeQuote> answer(const std::string& question,
                                              const std::string& language) const override;
  // brain::Knowledge: search()'s hits as quotes, for the model's
  // search_knowledge tool; no service term required.
  std::vector<brain::KnowledgeQuote> passages(const std::string& query, const std::string& language,
                                              size_t limit) const override;
  std::vector<std::string> script_lines(const std::string& stage,
                                        const std::string& language) const override;
  size_t size() const { return entries_.size(); }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  struct Posting {
    uint32_t doc;
    float tf;  // weighted: question terms count twice
  };
  // The terms a piece of text stands for, stemmed in `language`, plus its
  // lexicon translations; each term once per token.
  std::vector<std::string> terms_of(std::string_view text, const std::string& language,
                                    bool by_script, size_t max_tokens) const;

  std::vector<Entry> entries_;
  const brain::Lexicon* services_;
  const brain::Lexicon& stops_;
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  std::vector<float> lengths_;
  double avg_length_ = 1;
  ScriptLines scripts_;
};

}  // namespace parley::projections
