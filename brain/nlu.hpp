// Offline understanding: one message -> language, intent and slots, per
// ../shared/spec/nlu-labels.md. Rules, lexicons and patterns per language;
// no example sentences are looked up. Pure.
#pragma once

#include <map>
#include <string>

#include "brain/nlu_numbers.hpp"

namespace parley::brain {

// Below this confidence the bot asks a short question instead of acting: in
// 5-fold cross-validation on the corpus's training split, the model's guesses
// under 0.3 were right 59% of the time, those over 0.8 99% (docs/BENCHMARKS.md).
constexpr double kAskBelowConfidence = 0.3;

struct Understanding {
  std::string intent = "out_of_scope";
  double confidence = 0;
  std::string runner_up;  // the model's second choice, for a clarifying question
  std::string language = "en";
  bool language_certain = false;  // false when nothing in the message marks a language
  std::map<std::string, std::string>
      text_slots;                              // slot -> value as typed (normalised per contract)
  std::map<std::string, double> number_slots;  // quantity, ordinal, price_min, price_max
};

Understanding understand(const std::string& text, const nlu::LocalNow& now);

// en, es, ru, id or hi, from script and marker words. `certain` (optional)
// tells whether any script or marker word decided it (else "en" by default).
std::string detect_language(const nlu::Tokens& tokens, bool* certain = nullptr);

}  // namespace parley::brain
