// What shoppers mean when they name a need, not a product: a multilingual
// knowledge base (data/knowledge/needs.jsonl: a shop extends it by editing
// the file, which is compiled in on the next build) mapping phrases in five languages to catalog
// categories and the English terms products are described with. Two kinds of entry:
//   category  names of a category in each language ("protector solar")
//   need      uses, problems, materials, occasions ("fijar madera", "जूते काटते")
// Phrases match inside a query after folding and Snowball stemming, word
// for word, stop words between them skipped. Immutable; matching is const
// and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "brain/lexicon.hpp"

namespace parley::projections {

struct NeedEntry {
  enum Kind { category, need };
  Kind kind = need;
  std::string id;                       // "fasten-wood", or the category path
  std::vector<std::string> categories;  // catalog category paths, best first
  std::vector<std::string> terms;       // English catalog words and phrases
};

struct NeedMatch {
  const NeedEntry* entry;
  size_t first, last;  // token range of the query it covers (inclusive)
};

class NeedKnowledge {
 public:
  NeedKnowledge() = default;
  // Parses JSONL; malformed lines are reported in `errors` ("line 3: ...") and skipped.
  static NeedKnowledge parse(std::string_view jsonl, std::vector<std::string>* errors = nullptr);
  // data/knowledge/needs.jsonl, compiled into the binary.
  static const NeedKnowledge& builtin();

  // Non-overlapping matches over folded query tokens, longest first from the left.
  std::vector<NeedMatch> match(const std::vector<std::string>& folded_tokens,
                               const brain::Lexicon& lexicon) const;

  size_t size() const { return entries_.size(); }
  const std::vector<NeedEntry>& entries() const { return entries_; }

 private:
  struct Phrase {
    std::vector<std::string> stems;
    size_t entry;
  };
  void add_phrase(const std::string& language, const std::string& text, size_t entry);
  void reindex();

  std::vector<NeedEntry> entries_;
  std::vector<Phrase> phrases_;
  std::vector<std::vector<size_t>> by_first_;  // phrases grouped by first stem (sorted keys_)
  std::vector<std::string> keys_;
};

}  // namespace parley::projections
