// What the sales policy needs of the shop's knowledge: the passage that
// clearly answers a question about the shop — delivery, returns, hours,
// payment — to quote and attribute. Implemented by the knowledge view's
// passage index (projections/passage_index.hpp); the brain never invents an
// answer it does not find here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace parley::brain {

struct KnowledgeQuote {
  std::string document_id;
  std::string title;  // the document's, named when quoting
  std::string text;   // the passage (a FAQ row's answer)
  std::string language;
  uint32_t line = 0;  // where it starts in the document
};

class Knowledge {
 public:
  virtual ~Knowledge() = default;
  // The passage that answers `question` (asked in `language`), when one
  // clearly does; nullopt when the question is not about what the shop wrote.
  virtual std::optional<KnowledgeQuote> answer(const std::string& question,
                                               const std::string& language) const = 0;
};

}  // namespace parley::brain
