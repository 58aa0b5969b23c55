// CueFamilies (brain/nlu_cues.hpp) answers, in one pass, what has_cue answers
// family by family: on every message of the corpus, the development examples
// and the held-out set, and on edge cases (empty, prefixes, phrases at the end).
#include <gtest/gtest.h>

#include "brain/nlu_corpus.hpp"
#include "brain/nlu_cues.hpp"

namespace parley::brain::nlu {
namespace {

const std::vector<const Cues*>& every_family() {
  return cues::all();
}

TEST(CueFamilies, FindInOnePassWhatEachFamilyFindsAlone) {
  const CueFamilies families(every_family());
  std::vector<std::string> texts = {"",
                                    "?",
                                    "hi",
                                    "здравствуйте",
                                    "ok thanks bye",
                                    "good",
                                    "good morning",
                                    "add 2 of the first one",
                                    "pehla wala 2 add karo",
                                    "hola buenos dias quiero pagar"};
  for (const auto& e : corpus::load(PARLEY_NLU_EXAMPLES)) texts.push_back(e.text);
  for (const auto& e : corpus::load_dir(PARLEY_NLU_CORPUS_DIR)) texts.push_back(e.text);
  for (const auto& e : corpus::load_dir(PARLEY_NLU_HELDOUT_DIR)) texts.push_back(e.text);
  ASSERT_GT(texts.size(), 10000u);
  size_t found = 0;
  for (const auto& text : texts) {
    const Tokens tk = tokenize_message(text);
    const auto present = families.present(tk);
    ASSERT_EQ(present.size(), every_family().size());
    for (size_t k = 0; k < present.size(); ++k) {
      ASSERT_EQ(present[k], has_cue(tk, *every_family()[k])) << "family " << k << ": " << text;
      found += present[k];
    }
  }
  EXPECT_GT(found, texts.size() / 2);  // the families are found, not only missed alike
}

}  // namespace
}  // namespace parley::brain::nlu
