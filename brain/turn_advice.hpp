// A turn decided elsewhere (a language model through tools), offered to the
// conversation entity. The entity re-decides every command against its
// current state; if the state moved on or a command is refused, the advice
// is dropped and the offline brain answers. Pure types.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "brain/shop_policy.hpp"
#include "domain/conversation.hpp"
#include "domain/llm_usage.hpp"
#include "domain/order.hpp"

namespace parley::brain {

struct TurnAdvice {
  std::string brain;  // the provider that decided ("openai" …)
  std::string model;
  // state.received after the inbound message, when the advice was made: the
  // advice applies only to that state.
  uint64_t based_on_received = 0;
  // False: the model failed; `fallback` says why and the offline brain answers.
  bool usable = false;
  domain::llm_usage::Fallback fallback;
  std::vector<domain::conversation::Command> commands;  // after ReceiveMessage
  std::vector<PolicyReply> replies;
  std::optional<domain::order::Order> order;   // placed by these commands
  std::vector<domain::llm_usage::Call> calls;  // every call made, failed ones too
};

// What the advisor is told as the turn goes: progress ("calling openai",
// "search_products") and the reply's text as the model writes it.
struct TurnObserver {
  std::function<void(const std::string& step)> on_thinking;
  std::function<void(const std::string& delta)> on_text;
};

// One earlier message of the conversation.
struct PastMessage {
  bool from_shopper = true;
  std::string text;
};

struct AdviceRequest {
  std::string conversation_id;
  std::string text;
  std::string language;  // as understood; "" if unknown
  int64_t at_us = 0;
  std::vector<PastMessage> history = {};  // the last messages before this one, oldest first
  std::string order_id = "";              // the id an order placed in this turn gets
};

// Asked before a shopper's text turn, on the caller's thread (HTTP or
// channel intake: never a CAF scheduler thread; it may block up to its own
// deadline). `state` is the conversation after the inbound message.
// nullptr: no advice, the offline brain answers (and nothing is recorded).
class TurnAdvisor {
 public:
  virtual ~TurnAdvisor() = default;
  // False while no model is switched on: turns skip the advisor entirely.
  virtual bool active() const { return true; }
  virtual std::shared_ptr<const TurnAdvice> advise(const domain::conversation::State& state,
                                                   const AdviceRequest& request,
                                                   const TurnObserver& observer) const = 0;
};

}  // namespace parley::brain
