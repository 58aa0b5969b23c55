#include "assistant/shop_assistant.hpp"

#include "assistant/model_turn.hpp"

namespace parley::assistant {

ShopAssistant::ShopAssistant(const LlmSettings& settings,
                             std::map<std::string, std::shared_ptr<const llm::Provider>> providers,
                             CatalogSource catalog, AssistantOptions options,
                             KnowledgeSource knowledge)
    : settings_(settings),
      providers_(std::move(providers)),
      catalog_(std::move(catalog)),
      options_(options),
      knowledge_(std::move(knowledge)) {}

bool ShopAssistant::active() const {
  return settings_.agent("responder").provider != "offline";
}

std::shared_ptr<const brain::TurnAdvice> ShopAssistant::advise(
    const domain::conversation::State& state, const brain::AdviceRequest& request,
    const brain::TurnObserver& observer) const {
  const auto deadline = std::chrono::steady_clock::now() + options_.timeout;
  const auto agent = settings_.agent("responder");
  if (agent.provider == "offline") return nullptr;
  auto it = providers_.find(agent.provider);
  if (it == providers_.end()) {
    auto advice = std::make_shared<brain::TurnAdvice>();
    advice->brain = agent.provider;
    advice->model = agent.model;
    advice->based_on_received = state.received;
    advice->fallback = {request.conversation_id,
                        agent.provider,
                        agent.model,
                        "not_configured",
                        agent.provider + " has no API key or base URL",
                        request.at_us};
    return advice;
  }
  auto snapshot = catalog_ ? catalog_() : nullptr;
  static const projections::SearchIndex empty({});
  const brain::Catalog& catalog = snapshot ? static_cast<const brain::Catalog&>(snapshot->index)
                                           : static_cast<const brain::Catalog&>(empty);
  // Held for the whole turn: the index the tool reads stays alive even if a
  // document changes meanwhile.
  auto knowledge = knowledge_ ? knowledge_() : nullptr;
  ModelTurnSettings s;
  s.model = agent.model;
  s.agent = "responder";
  s.system_prompt = settings_.prompt("responder");
  s.max_rounds = options_.max_rounds;
  return run_model_turn(*it->second, s, state, request, catalog, observer, deadline,
                        knowledge ? &knowledge->index : nullptr);
}

}  // namespace parley::assistant
