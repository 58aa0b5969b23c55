// Customer merges' events <-> stored form (docs/API.md, "Event types").
//
//   customer.merged v1 {"from_key","conversations":[…],"by"}   stream ("customer", <into key>)
// The event carries its own time (the envelope's timestamp); the key that
// stays is the stream's id.
#pragma once

#include <string_view>

#include "domain/customer_merge.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::customer_merge_codec {

// The stored type names live beside the events (domain/customer_merge.hpp).
namespace types = parley::domain::customer_merge::types;
namespace customer_merge = parley::domain::customer_merge;

// True for the event types this codec reads (a projection's skip test).
bool is_customer_merge_event(std::string_view type);

NewEvent encode(const customer_merge::Event& event);
Expected<customer_merge::Event> decode(const EventEnvelope& envelope);

// A customer's stream for events/stream_command.hpp: the domain and this codec together.
struct Stream {
  using State = customer_merge::State;
  using Event = customer_merge::Event;
  using Command = customer_merge::Command;
  using Error = customer_merge::Error;
  static constexpr const char* kType = customer_merge::kEntityType;
  static State initial(const std::string& id) { return State{id, {}}; }
  static auto decide(const State& s, const Command& c) { return customer_merge::decide(s, c); }
  static State evolve(State s, const Event& e) { return customer_merge::evolve(std::move(s), e); }
  static NewEvent encode(const Event& e) { return customer_merge_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return customer_merge_codec::decode(e); }
  static const char* error_name(Error e) { return customer_merge::to_string(e); }
};

}  // namespace parley::events::customer_merge_codec
