// What the intent model sees of one message: hashed sparse features, L2
// normalised. Words (Devanagari also romanised, so both scripts meet), word
// pairs, character 3- to 5-grams of each word (typos, inflections and
// spelling variants share most of them), the cue classes of the rules, the
// typed extractors (phone, e-mail, number, ordinal, price, SKU) and the
// rules' own verdict. Pure; the trainer and the runtime call the same code.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "brain/nlu_rules.hpp"
#include "brain/nlu_tokens.hpp"

namespace parley::brain {

struct Feature {
  uint32_t id;  // FNV-1a of the feature's name
  float value;
};

// Sorted by id, ids unique, Euclidean norm 1 (empty for an empty message).
// `lexical` (optional) receives the ids of the features made of the words
// themselves (words, pairs, character n-grams).
std::vector<Feature> intent_features(const nlu::Tokens& tokens, const RuleVerdict& rules,
                                     std::vector<uint32_t>* lexical = nullptr);

uint32_t feature_id(std::string_view name);
// The id of the parts' concatenation, without building it (FNV-1a runs on).
uint32_t feature_id(std::initializer_list<std::string_view> parts);

}  // namespace parley::brain
