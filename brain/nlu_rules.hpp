// The hand-written intent rules: cue words per language, decided in a fixed
// order (CRM object and verb, then commerce, then social words). Precise on
// what they know, blind to what nobody wrote down; the trained model of
// brain/linear_model.hpp reads their verdict as one of its features. Pure.
#pragma once

#include <string>

#include "brain/nlu_tokens.hpp"

namespace parley::brain {

struct RuleVerdict {
  std::string intent;  // a contract intent; "out_of_scope" when no rule fires
  double confidence;   // 0.9 cue-decided, 0.75 shopping words only, 0.5 nothing
};

RuleVerdict rule_intent(const nlu::Tokens& tokens);

}  // namespace parley::brain
