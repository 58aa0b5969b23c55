// The blind split of brain/data/nlu: one line in five, never read by the
// trainer, never used to tune a rule or a weight. Its scores are the honest
// estimate of how understanding does on phrasings nobody wrote down; the
// training split's scores are printed beside them as an upper bound.
#include <gtest/gtest.h>

#include "brain/nlu.hpp"
#include "brain/nlu_corpus.hpp"

namespace parley::brain {
namespace {

struct Splits {
  corpus::Score blind, train;
};

const Splits& scores() {
  static const Splits s = [] {
    Splits out;
    for (const auto& e : corpus::load_dir(PARLEY_NLU_CORPUS_DIR))
      (corpus::in_blind_split(e.text) ? out.blind : out.train)
          .add(e, understand(e.text, corpus::now_of(e)));
    std::printf("%s%s", out.blind.report("nlu corpus, blind split").c_str(),
                out.train.report("nlu corpus, training split (upper bound)").c_str());
    return out;
  }();
  return s;
}

TEST(NluCorpus, BlindSplitIntentAccuracyIsAtLeastNinetyPercent) {
  EXPECT_GE(scores().blind.overall().intent_accuracy(), 0.90);
}

TEST(NluCorpus, BlindSplitSlotF1IsAtLeastPointEight) {
  EXPECT_GE(scores().blind.overall().slot_f1(), 0.80);
}

TEST(NluCorpus, EveryLanguageHasABlindSplit) {
  for (const char* lang : {"en", "es", "ru", "id", "hi/latn", "hi/deva"}) {
    auto it = scores().blind.by_language().find(lang);
    ASSERT_NE(it, scores().blind.by_language().end()) << lang;
    EXPECT_GE(it->second.n, 100) << lang;
  }
}

}  // namespace
}  // namespace parley::brain
