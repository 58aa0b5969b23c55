// What the sales policy needs of the shop's knowledge: the passage that
// clearly answers a question about the shop — delivery, returns, hours,
// payment — to quote and attribute; and, for a language model's
// search_knowledge tool, the best passages to read and cite; and the
// phrasings of its sales scripts, for the offline replies. Implemented by
// the knowledge view's passage index (projections/passage_index.hpp); neither
// brain invents an answer it does not find here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley::brain {

struct KnowledgeQuote {
  std::string document_id;
  std::string title;  // the document's, named when quoting
  std::string text;   // the passage (a FAQ row's answer)
  std::string language;
  uint32_t line = 0;  // where it starts in the document
  // A FAQ row's question ("" for prose): the model reads an answer such as
  // "Yes, within 30 days." only with what it answers.
  std::string question = "";
};

class Knowledge {
 public:
  virtual ~Knowledge() = default;
  // The passage that answers `question` (asked in `language`), when one
  // clearly does; nullopt when the question is not about what the shop wrote.
  virtual std::optional<KnowledgeQuote> answer(const std::string& question,
                                               const std::string& language) const = 0;
  // The best `limit` passages for `query` (asked in `language`), best first;
  // empty when no passage shares a word with it. Unlike answer(), no clear
  // answer is required: the model reads them and decides. (Not named
  // `search`: the passage index's own search(string_view, …) returns scored
  // hits, and an overload on the query's type would be ambiguous.)
  virtual std::vector<KnowledgeQuote> passages(const std::string& query,
                                               const std::string& language, size_t limit) const = 0;
  // The shop's own phrasings for a stage of the conversation (greeting,
  // objection, closing …: domain::knowledge::kScriptStages) in `language`,
  // from its documents marked as sales scripts, in their order; empty when
  // it wrote none in that language (none is translated). A knowledge without
  // scripts need not say so.
  virtual std::vector<std::string> script_lines(const std::string& /*stage*/,
                                                const std::string& /*language*/) const {
    return {};
  }
};

}  // namespace parley::brain
