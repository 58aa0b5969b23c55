// A shopper's search that found nothing, asked again in other words by a
// language model (the "extractor" agent, when a shop switches one on). The
// offline brain never depends on it: without a rewrite, or when the rewrite
// finds nothing too, the shopper hears that nothing was found. Pure types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/llm_usage.hpp"

namespace parley::brain {

struct SearchRewrite {
  std::string original;  // the message whose search found nothing
  std::string query;     // what to search instead; "" when the model gave none
  std::vector<domain::llm_usage::Call> calls;  // every call made, failed ones too
};

// Asked on the caller's thread (HTTP or channel intake: never a CAF
// scheduler thread); blocks up to its own deadline.
class SearchRewriter {
 public:
  virtual ~SearchRewriter() = default;
  // False while no model is switched on for it: searches are not rewritten.
  virtual bool active() const = 0;
  // `categories`: the catalog's category names, the words a rewrite should use.
  virtual SearchRewrite rewrite(const std::string& text, const std::string& language,
                                const std::vector<std::string>& categories,
                                const std::string& conversation_id, int64_t at_us) const = 0;
};

}  // namespace parley::brain
