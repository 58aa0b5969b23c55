// A shopper's checkout details as a language model read them from free text
// (the "extractor" agent, when a shop switches one on): asked on the caller's
// thread while the conversation's checkout waits for details and the rules'
// own reading leaves something missing. The rules' reading wins; the model's
// fills only the fields it missed, and the conversation's decider checks
// every field as it checks the rules' (ProvideDetails). Pure types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/llm_usage.hpp"
#include "domain/shop.hpp"

namespace parley::brain {

struct DetailsExtraction {
  domain::Customer details;                    // what the model read; empty fields: none
  std::vector<domain::llm_usage::Call> calls;  // every call made, failed ones too
};

class DetailsExtractor {
 public:
  virtual ~DetailsExtractor() = default;
  // False while no model is switched on for the extractor agent.
  virtual bool active() const = 0;
  // Blocks up to its own deadline; never on a CAF scheduler thread.
  virtual DetailsExtraction extract(const std::string& text, const std::string& language,
                                    const std::string& conversation_id, int64_t at_us) const = 0;
};

// The rules' details with the empty fields filled from the model's.
domain::Customer with_gaps_filled(const domain::Customer& rules, const domain::Customer& model);

}  // namespace parley::brain
