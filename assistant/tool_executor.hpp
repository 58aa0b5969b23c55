// Runs a model's shop tool calls against a copy of the conversation: each
// tool becomes the conversation commands the offline brain issues (RecordSearch,
// ShowProducts, AddItem, RemoveItem, StartCheckout, ProvideDetails,
// RequestConfirmation, PlaceOrder, SetStage), decided by the pure
// conversation decider, so the log reads the same whoever decided. Nothing
// is stored here: the commands are offered to the entity (brain/turn_advice.hpp).
// The model sees the catalog only through these results. search_knowledge
// reads the shop's documents (brain/knowledge.hpp) and issues no command; the
// cite ids it returned are kept, so a reply can cite only a passage the
// model was shown. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "brain/catalog.hpp"
#include "brain/knowledge.hpp"
#include "brain/shop_policy.hpp"
#include "domain/conversation.hpp"
#include "domain/order.hpp"
#include "llm/llm_types.hpp"

namespace parley::assistant {

struct ToolResult {
  bool error = false;
  std::string content;  // JSON text: the result, or {"error": "…"}
};

class ToolExecutor {
 public:
  // `state`: the conversation after the inbound message.
  // `order_id`: the id create_order gives the order (the turn's, made by the engine).
  // `knowledge`: the shop's documents; nullptr when it has none (search_knowledge
  // then finds nothing, and says so).
  ToolExecutor(domain::conversation::State state, const brain::Catalog& catalog, int64_t now_us,
               std::string order_id, const brain::Knowledge* knowledge = nullptr);

  // Checks the call against the tool's schema, then runs it. A refused call
  // changes nothing and answers why, in words the model can act on.
  ToolResult run(const llm::ToolCall& call);

  const domain::conversation::State& state() const { return state_; }
  const std::vector<domain::conversation::Command>& commands() const { return commands_; }
  const std::optional<domain::order::Order>& order() const { return order_; }
  // Photos of the products this turn showed (at most three), for the reply.
  const std::vector<domain::conversation::Media>& media() const { return media_; }
  // Every passage search_knowledge returned this turn ("<document id>:<line>"),
  // in the order first returned: the only ids a reply may cite.
  const std::vector<std::string>& knowledge_cites() const { return knowledge_cites_; }

 private:
  bool apply(const domain::conversation::Command& c, std::string* refused = nullptr);
  ToolResult search_products(const nlohmann::json& args);
  ToolResult get_product_details(const nlohmann::json& args);
  ToolResult add_to_cart(const nlohmann::json& args);
  ToolResult view_cart();
  ToolResult remove_from_cart(const nlohmann::json& args);
  ToolResult create_order(const nlohmann::json& args);
  ToolResult get_payment_link(const nlohmann::json& args);
  ToolResult check_order_status(const nlohmann::json& args);
  ToolResult search_knowledge(const nlohmann::json& args);
  void show_media(const domain::product::Product& p);

  domain::conversation::State state_;
  const brain::Catalog& catalog_;
  int64_t now_us_;
  std::string order_id_;
  const brain::Knowledge* knowledge_;
  std::vector<domain::conversation::Command> commands_;
  std::optional<domain::order::Order> order_;
  std::vector<domain::conversation::Media> media_;
  std::vector<std::string> knowledge_cites_;
};

// The cart as the tools show it: lines with positions, totals in units.
nlohmann::json cart_json(const domain::conversation::State& state);

}  // namespace parley::assistant
