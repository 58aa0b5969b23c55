// CueFamilies (brain/nlu_cues.hpp) answers, in one pass, what has_cue answers
// family by family: on every message of the corpus, the development examples
// and the held-out set, and on edge cases (empty, prefixes, phrases at the end).
#include <gtest/gtest.h>

#include "brain/nlu_corpus.hpp"
#include "brain/nlu_cues.hpp"

namespace parley::brain::nlu {
namespace {

const std::vector<const Cues*>& every_family() {
  static const std::vector<const Cues*> all = {&cues::greet,
                                               &cues::goodbye,
                                               &cues::thanks,
                                               &cues::affirm,
                                               &cues::deny,
                                               &cues::handoff,
                                               &cues::order_word,
                                               &cues::order_status,
                                               &cues::where,
                                               &cues::pay,
                                               &cues::payment_link_word,
                                               &cues::how,
                                               &cues::checkout,
                                               &cues::cart,
                                               &cues::clear,
                                               &cues::everything,
                                               &cues::view,
                                               &cues::total,
                                               &cues::remove,
                                               &cues::add,
                                               &cues::put_in,
                                               &cues::take,
                                               &cues::quantity_word,
                                               &cues::instead,
                                               &cues::product_info,
                                               &cues::search,
                                               &cues::category,
                                               &cues::details_name,
                                               &cues::details_phone,
                                               &cues::details_email,
                                               &cues::details_address,
                                               &cues::lead,
                                               &cues::new_word,
                                               &cues::create,
                                               &cues::qualify,
                                               &cues::reassign,
                                               &cues::meeting,
                                               &cues::demo,
                                               &cues::done,
                                               &cues::reschedule,
                                               &cues::schedule,
                                               &cues::activity,
                                               &cues::history,
                                               &cues::tasks,
                                               &cues::leads_plural,
                                               &cues::update,
                                               &cues::turnover,
                                               &cues::current_system,
                                               &cues::challenges,
                                               &cues::address_word,
                                               &cues::assign,
                                               &cues::contact,
                                               &cues::source,
                                               &cues::what,
                                               &cues::out_scope,
                                               &cues::filler};
  return all;
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
