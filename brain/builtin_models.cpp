#include "brain/linear_model.hpp"

namespace parley::brain {

// Defined in the sources brain/train/nlu_train.cpp writes at build time.
std::string_view trained_intent_model_bytes();
std::string_view trained_slot_tagger_bytes();

namespace {

LinearModel parse_or_empty(std::string_view bytes) {
  auto m = LinearModel::parse(bytes);
  return m ? std::move(*m) : LinearModel{};
}

}  // namespace

const LinearModel& builtin_intent_model() {
  static const LinearModel model = parse_or_empty(trained_intent_model_bytes());
  return model;
}

const LinearModel& builtin_slot_tagger() {
  static const LinearModel model = parse_or_empty(trained_slot_tagger_bytes());
  return model;
}

}  // namespace parley::brain
