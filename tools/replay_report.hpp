// What `parley replay` compares (issue 21, point 8): each recorded turn of a
// conversation beside the same inbound message answered by a candidate brain
// or prompt, and where they part — the replies, the cart after the turn, the
// order the turn placed. Pure: the turns come in, the report goes out.
//
// An order is compared by what it holds ("EUR 29.80: HW-SCR-014 x2"), never
// by its id, which is random on each run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/conversation.hpp"

namespace parley::tools::replay {

struct TurnOutcome {
  std::string inbound;               // what the shopper wrote (or "[voice]" …)
  std::vector<std::string> replies;  // in order
  std::string cart;                  // after the turn: "SKU x2, SKU2 x1" ("" empty)
  std::string order;                 // the order the turn placed, "" none
};

struct ConversationTurns {
  std::string conversation_id;
  std::vector<TurnOutcome> recorded;
  std::vector<TurnOutcome> candidate;  // one per recorded turn, same inbound
};

// "SKU x2, SKU2 x1": the cart's lines in order.
std::string cart_summary(const std::vector<domain::CartLine>& cart);
// "EUR 29.80: SKU x2": an order's total and the lines it took.
std::string order_summary(int64_t total_cents, const std::string& currency,
                          const std::vector<domain::CartLine>& lines);

// The recorded turns of one conversation, folded from its events in order:
// a turn is a message_received and what followed it until the next one.
std::vector<TurnOutcome> recorded_turns(const std::vector<domain::conversation::Event>& events,
                                        const std::string& conversation_id);

// {"conversations":[{conversation_id, turns, differing, diffs:[{turn, inbound,
// replies?:{recorded, candidate}, cart?:{…}, order?:{…}}]}], "turns",
// "differing_turns", "conversations_differing"}: only what differs is listed.
nlohmann::json compare(const std::vector<ConversationTurns>& conversations);
// The same for a person reading a terminal.
std::string to_text(const nlohmann::json& report);

}  // namespace parley::tools::replay
