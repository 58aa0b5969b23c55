// One shopper turn decided by a language model: the model is called with
// the shop tools, its tool calls run against a copy of the conversation
// (tool_executor.hpp), the results go back, until it answers in text, within
// a bound on rounds and a deadline. The outcome is advice for the entity:
// the commands, the reply and every call's usage; or, when the model failed,
// why (and the offline brain answers). Blocking: runs on the caller's thread.
// A reply that ends with [cite: <id>] markers is shown without them, and cites
// the first id that search_knowledge returned this turn (an id it never
// returned is dropped): the message records it as the offline brain's quote does.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "brain/catalog.hpp"
#include "brain/knowledge.hpp"
#include "brain/turn_advice.hpp"
#include "llm/provider.hpp"

namespace parley::assistant {

struct ModelTurnSettings {
  std::string model;
  std::string agent = "responder";
  std::string system_prompt;
  int max_rounds = 6;  // model calls per turn; more is a runaway loop
  int max_tokens = 600;
};

std::shared_ptr<brain::TurnAdvice> run_model_turn(
    const llm::Provider& provider, const ModelTurnSettings& settings,
    const domain::conversation::State& state, const brain::AdviceRequest& request,
    const brain::Catalog& catalog, const brain::TurnObserver& observer,
    std::chrono::steady_clock::time_point deadline, const brain::Knowledge* knowledge = nullptr);

// What the model is told about the conversation besides its messages: the
// language, the last list shown, the cart, the saved details, the orders.
std::string conversation_context(const domain::conversation::State& state,
                                 const brain::Catalog& catalog);

}  // namespace parley::assistant
