// The language model as the shop's responder: a brain::TurnAdvisor that
// takes the responder agent's provider and model and the "responder" prompt
// from the settings at each turn, and runs the bounded tool loop
// (model_turn.hpp) against the current catalog and the shop's knowledge (its
// search_knowledge tool) within PARLEY_LLM_TIMEOUT.
// An agent set to "offline" gives no advice: the offline brain answers.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "assistant/llm_settings.hpp"
#include "brain/turn_advice.hpp"
#include "llm/provider.hpp"
#include "projections/catalog_view.hpp"
#include "projections/knowledge_view.hpp"

namespace parley::assistant {

using CatalogSource = std::function<std::shared_ptr<const projections::CatalogSnapshot>()>;
// The same source the offline brain quotes from (actors::ConversationDeps).
using KnowledgeSource = std::function<std::shared_ptr<const projections::KnowledgeSnapshot>()>;

struct AssistantOptions {
  std::chrono::milliseconds timeout{15000};  // PARLEY_LLM_TIMEOUT: the whole model turn
  int max_rounds = 6;
};

class ShopAssistant final : public brain::TurnAdvisor {
 public:
  // `providers`: by name, those this server has keys or base URLs for.
  // `knowledge`: the shop's documents; empty: search_knowledge finds nothing.
  ShopAssistant(const LlmSettings& settings,
                std::map<std::string, std::shared_ptr<const llm::Provider>> providers,
                CatalogSource catalog, AssistantOptions options, KnowledgeSource knowledge = {});

  bool active() const override;
  std::shared_ptr<const brain::TurnAdvice> advise(
      const domain::conversation::State& state, const brain::AdviceRequest& request,
      const brain::TurnObserver& observer) const override;

 private:
  const LlmSettings& settings_;
  std::map<std::string, std::shared_ptr<const llm::Provider>> providers_;
  CatalogSource catalog_;
  AssistantOptions options_;
  KnowledgeSource knowledge_;
};

}  // namespace parley::assistant
