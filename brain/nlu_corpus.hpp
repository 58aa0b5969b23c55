// Labelled messages (the JSONL of ../shared/nlu/examples.jsonl and
// brain/data/nlu/*.jsonl), the fixed blind split of the training corpus, and
// the score the shared scorer computes: intent accuracy and slot F1 (slot and
// value must both match; values compared case-folded and trimmed), per
// language group (Hindi split into Latin and Devanagari).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "brain/nlu.hpp"

namespace parley::brain::corpus {

struct Example {
  std::string text, lang, intent, now;
  std::map<std::string, std::string> slots;  // every slot as a comparison key
};

// Reads one JSONL file; throws std::runtime_error naming the file and line
// of the first malformed record.
std::vector<Example> load(const std::string& path);
// Every *.jsonl file of `dir`, in name order, one after another.
std::vector<Example> load_dir(const std::string& dir);

// The example's `now`; throws on a malformed one.
nlu::LocalNow now_of(const Example& e);

// One line in five, chosen by a hash of the text alone, is held out: the
// trainer never reads it and nobody tunes a rule or weight by looking at it.
bool in_blind_split(const std::string& text);

// "en", "es", "ru", "id", "hi/latn" or "hi/deva".
std::string language_group(const Example& e);

// The comparison key of a slot value as score.py builds it.
std::string slot_key(const std::string& slot, const std::string& value);
std::string number_key(double value);

struct Tally {
  int n = 0, intents_ok = 0, tp = 0, fp = 0, fn = 0;
  double intent_accuracy() const { return n ? double(intents_ok) / n : 0; }
  double slot_f1() const;
};

class Score {
 public:
  // Understands `e` and counts the outcome under its language group and intent.
  void add(const Example& e, const Understanding& u);
  const Tally& overall() const { return all_; }
  const std::map<std::string, Tally>& by_language() const { return by_language_; }
  const std::map<std::string, Tally>& by_intent() const { return by_intent_; }
  // A table of both, for a test's output and docs/BENCHMARKS.md.
  std::string report(const std::string& title) const;

 private:
  Tally all_;
  std::map<std::string, Tally> by_language_, by_intent_;
};

}  // namespace parley::brain::corpus
