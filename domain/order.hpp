// The order entity: placed by a conversation, with its lines, totals and
// customer. Later issues add payment and fulfilment to its lifecycle.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"
#include "domain/shop.hpp"

namespace parley::domain::order {

inline constexpr const char* kEntityType = "order";

struct Order {
  std::string order_id;
  std::string conversation_id;
  Customer customer;
  std::vector<CartLine> lines;
  int64_t total_cents = 0;
  std::string currency = "EUR";
  int64_t placed_at_us = 0;
};

struct OrderPlaced {
  Order order;
};
using Event = std::variant<OrderPlaced>;

struct State {
  bool exists = false;
  std::string status;  // "placed"
  Order order;
};

struct Place {
  Order order;
};
using Command = std::variant<Place>;

enum class Error : uint8_t { already_exists = 1, empty_order, incomplete_customer };
const char* to_string(Error e);

Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

}  // namespace parley::domain::order
