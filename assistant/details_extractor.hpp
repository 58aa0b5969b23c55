// The "extractor" agent reading details from free text
// (brain/details_extraction.hpp): a shopper's delivery details, or a lead's
// contact person. The "extractor" prompt, the fields asked for and the
// message in; one JSON object {"name","phone","email","address","city"} out, within
// PARLEY_LLM_TIMEOUT. A field that is not a one-line string of at most kMaxDetailBytes is dropped;
// prose or a failed call is nothing read. Every call is kept for usage. An agent set to "offline",
// or a provider without a key, never extracts.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "assistant/llm_settings.hpp"
#include "brain/details_extraction.hpp"
#include "llm/provider.hpp"

namespace parley::assistant {

inline constexpr size_t kMaxDetailBytes = 200;

// The details of the model's answer: the first JSON object's five string fields.
domain::Customer extracted_details(const std::string& answer);

class ModelDetailsExtractor final : public brain::DetailsExtractor {
 public:
  ModelDetailsExtractor(const LlmSettings& settings,
                        std::map<std::string, std::shared_ptr<const llm::Provider>> providers,
                        std::chrono::milliseconds timeout);

  bool active() const override;
  brain::DetailsExtraction extract(const std::string& text, const std::string& language,
                                   brain::DetailsFor what, const std::string& conversation_id,
                                   int64_t at_us) const override;

 private:
  const LlmSettings& settings_;
  std::map<std::string, std::shared_ptr<const llm::Provider>> providers_;
  std::chrono::milliseconds timeout_;
};

}  // namespace parley::assistant
