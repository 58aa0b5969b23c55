// The "extractor" agent asked for other words when a shopper's search found
// nothing (brain/search_rewrite.hpp): the "search_rewrite" prompt, the
// message and the shop's category names in; one JSON object {"query": …}
// out, within PARLEY_LLM_TIMEOUT. Anything else from the model (prose, a
// long answer, a failed call) is no rewrite; every call is kept for usage.
// An agent set to "offline", or a provider without a key, never rewrites.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "assistant/llm_settings.hpp"
#include "brain/search_rewrite.hpp"
#include "llm/provider.hpp"

namespace parley::assistant {

inline constexpr size_t kMaxRewriteBytes = 200;  // a search, not a paragraph
inline constexpr size_t kMaxCategoriesTold = 60;

// The query of the model's answer; "" when the answer is not one JSON
// object with a short one-line "query" string.
std::string rewritten_query(const std::string& answer);

class ModelSearchRewriter final : public brain::SearchRewriter {
 public:
  ModelSearchRewriter(const LlmSettings& settings,
                      std::map<std::string, std::shared_ptr<const llm::Provider>> providers,
                      std::chrono::milliseconds timeout);

  bool active() const override;
  brain::SearchRewrite rewrite(const std::string& text, const std::string& language,
                               const std::vector<std::string>& categories,
                               const std::string& conversation_id, int64_t at_us) const override;

 private:
  const LlmSettings& settings_;
  std::map<std::string, std::shared_ptr<const llm::Provider>> providers_;
  std::chrono::milliseconds timeout_;
};

}  // namespace parley::assistant
