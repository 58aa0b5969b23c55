// Two customer records the team says are one person, made one: stream
// ("customer", <the key that stays>). A customer key is what the orders view
// groups a customer's orders by (projections/orders_view.hpp): "phone:<hash>",
// "email:<hash>" or "conversation:<id>", so nothing personal is in the event
// beyond the conversation ids, which are stream ids already.
//   Merge{from, into}  -> CustomerMerged{from, conversations}
// Refused: from == into (same_customer); a key that cannot be one (empty,
// over kMaxKeyBytes, a control character: invalid_key); a conversation id
// that cannot be one, or over kMaxConversations of them. Merging a key this
// one took in before decides nothing, so a retry is safe.
// Decider: decide(state, command) -> events | error; evolve(state, event).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace parley::domain::customer_merge {

inline constexpr const char* kEntityType = "customer";
// A stream id's limit (events/keys.hpp), and the edge's for a path id.
inline constexpr size_t kMaxKeyBytes = 256;
// Every conversation of both customers; a person has a handful.
inline constexpr size_t kMaxConversations = 1000;

// ---- events -------------------------------------------------------------
// `from` and everything it held now belong to the stream's key. The
// conversations are those of both customers, so a view that knows a
// conversation but not the keys (projections/purchases_view.hpp) can join them.
struct CustomerMerged {
  std::string from_key;
  std::vector<std::string> conversations;
  std::string by;  // "operator:<username>"
  int64_t at_us = 0;
};
namespace types {
inline constexpr const char* kMerged = "customer.merged";
}  // namespace types
using Event = std::variant<CustomerMerged>;

// ---- state --------------------------------------------------------------
struct State {
  std::string key;              // the stream id: the customer that stays
  std::set<std::string> taken;  // keys merged into this one
};

// ---- commands -----------------------------------------------------------
struct Merge {
  std::string from_key;
  std::string into_key;  // the stream's id
  std::vector<std::string> conversations;
  std::string by;
  int64_t at_us = 0;
};
using Command = std::variant<Merge>;

enum class Error : uint8_t {
  same_customer = 1,       // from and into are one key
  invalid_key,             // empty, over kMaxKeyBytes, or a control character
  invalid_conversation,    // a conversation id no conversation can have
  too_many_conversations,  // over kMaxConversations
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

// 1..kMaxKeyBytes bytes without control characters.
bool valid_key(const std::string& key);

Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::customer_merge
