// The free-text slots (company, contact_name, assignee, product, query,
// category, name, address, city, source, current_system, challenges,
// turnover, note) as a sequence-labelling problem: each token gets B-slot,
// I-slot or O, left to right, from its word, its neighbours, its shape, the
// intent and the tag before it. The weights are an averaged perceptron
// trained at build time (brain/train/nlu_train.cpp); typed values (numbers,
// phones, e-mails, dates) stay with the rule extractors and are features
// here. Pure.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "brain/linear_model.hpp"
#include "brain/nlu_tokens.hpp"

namespace parley::brain {

// "O", then "B-<slot>" and "I-<slot>" for every tagged slot.
const std::vector<std::string>& slot_tags();
bool is_tagged_slot(const std::string& slot);

// The features of token i, given the intent and the tag chosen for i - 1.
class TokenFeatures {
 public:
  TokenFeatures(const nlu::Tokens& tokens, const std::string& intent);
  std::vector<Feature> at(size_t i, const std::string& previous_tag) const;
  size_t size() const { return words_.size(); }

 private:
  const nlu::Tokens& tokens_;
  std::string intent_;
  std::vector<std::string> words_, shapes_;
  std::vector<bool> typed_;  // inside a phone number or e-mail address
};

// Tags each token with `model` (greedy, left to right; an I- tag that does
// not continue its slot becomes B-).
std::vector<std::string> tag_tokens(const LinearModel& model, const nlu::Tokens& tokens,
                                    const std::string& intent);

// The slots the tags spell, each the original text of its first span.
std::map<std::string, std::string> tagged_slots(const nlu::Tokens& tokens,
                                                const std::vector<std::string>& tags);

// The tags that spell `slots` (comparison keys as corpus::slot_key gives them):
// each value is found as a span of tokens; values not found are skipped.
std::vector<std::string> gold_tags(const nlu::Tokens& tokens,
                                   const std::map<std::string, std::string>& slots);

}  // namespace parley::brain
