// A trained sparse linear model over hashed features: one weight vector per
// label. Two are trained at build time by brain/train/nlu_train.cpp from
// brain/data/nlu and compiled in:
//   the intent model  LIBLINEAR's Crammer-Singer multi-class SVM
//                     (brain/intent_features.hpp); probabilities are a
//                     softmax of its margins
//   the slot tagger   an averaged perceptron over token features, labels
//                     B-slot / I-slot / O (brain/slot_tagger.hpp)
// Stored sparse: only weights that matter survive. Immutable once built;
// scoring is const and thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brain/intent_features.hpp"

namespace parley::brain {

class LinearModel {
 public:
  struct Weight {
    uint8_t label;
    float value;
  };

  LinearModel() = default;
  LinearModel(std::vector<std::string> labels, std::vector<float> bias,
              std::vector<std::pair<uint32_t, std::vector<Weight>>> rows);

  // The wire form written by the trainer; nullopt when `bytes` is not one.
  static std::optional<LinearModel> parse(std::string_view bytes);
  std::string serialize() const;

  // One probability per label (softmax of the scores), in labels() order;
  // empty for an empty model.
  std::vector<double> probabilities(const std::vector<Feature>& features) const;
  // Raw scores (bias + weights . features), in labels() order.
  std::vector<double> scores(const std::vector<Feature>& features) const;
  const std::vector<std::string>& labels() const { return labels_; }
  // True if the model kept a weight for the feature.
  bool knows(uint32_t feature) const { return slot_of(feature) != nullptr; }
  size_t weight_count() const { return weights_.size(); }
  bool empty() const { return labels_.empty(); }

 private:
  // A feature's weights are found through an open-addressing table over the
  // ids (linear probing, at most half full): one or two cache lines a
  // lookup, where a binary search over the intent model's 111,744 sorted ids
  // took ~17 misses, and scoring was a third of understanding under the load
  // mix (issue 22; understanding p50 on the mix: 59 -> 50 us). A slot holds
  // where the feature's weights are, so a lookup is that line and the
  // weights' line, and scores() fetches both for many features at once.
  static constexpr uint32_t kFree = UINT32_MAX;
  struct Slot {
    uint32_t id = 0;
    uint32_t begin = kFree, end = 0;  // weights_[begin, end)
  };
  const Slot* slot_of(uint32_t id) const;  // nullptr for an unknown id
  void index_rows();

  std::vector<std::string> labels_;
  std::vector<float> bias_;
  std::vector<uint32_t> ids_;      // sorted feature ids
  std::vector<uint32_t> offsets_;  // ids_.size() + 1 offsets into weights_
  std::vector<Weight> weights_;
  std::vector<Slot> slots_;  // power-of-two size
};

// The models trained at build time and compiled into parley_brain (parsed once).
const LinearModel& builtin_intent_model();
const LinearModel& builtin_slot_tagger();

}  // namespace parley::brain
