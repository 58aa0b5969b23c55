#include "domain/order.hpp"

namespace parley::domain::order {

const char* to_string(Error e) {
  switch (e) {
    case Error::already_exists:
      return "already_exists";
    case Error::empty_order:
      return "empty_order";
    case Error::incomplete_customer:
      return "incomplete_customer";
  }
  return "unknown";
}

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  const auto& place = std::get<Place>(command);
  if (state.exists) return fail(Error::already_exists);
  if (place.order.lines.empty()) return fail(Error::empty_order);
  if (!place.order.customer.complete()) return fail(Error::incomplete_customer);
  Order o = place.order;
  o.total_cents = cart_total_cents(o.lines);
  return std::vector<Event>{OrderPlaced{std::move(o)}};
}

State evolve(State s, const Event& event) {
  s.exists = true;
  s.status = "placed";
  s.order = std::get<OrderPlaced>(event).order;
  return s;
}

}  // namespace parley::domain::order
