// Promotions' events <-> stored form (docs/API.md, "Event types"), and a
// promotion in the API's JSON.
//
//   promotion.saved v1 {"code","description","kind","percent","amount_cents","currency",
//                       "starts_us","ends_us","skus","categories","by"}
//                       (the promotion as events/promotion_json.hpp stores it, and "by")
//   promotion.ended v1 {"by"}
// Each carries its own time (the envelope's timestamp).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "domain/promotion.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::promotion_codec {

// The stored type names live beside the events (domain/promotion.hpp).
namespace types = parley::domain::promotion::types;
namespace promotion = parley::domain::promotion;

// True for the event types this codec reads (a projection's skip test).
bool is_promotion_event(std::string_view type);

NewEvent encode(const promotion::Event& event);
Expected<promotion::Event> decode(const EventEnvelope& envelope);

// The promotion as the API shows it: "amount" in units beside "amount_cents",
// and "starts_at"/"ends_at" as RFC 3339 UTC times, null for 0.
nlohmann::json promotion_to_json(const promotion::Promotion& p);
// Reads a promotion from the API's JSON shape: "kind" "percent" or "amount";
// the amount as "amount" (a number, e.g. 5.5) or "amount_cents"; "starts_at"
// and "ends_at" as "2026-12-01T00:00:00Z" or null. Errors name the field; the
// promotion's own rules are the decider's (domain::promotion::validate).
Expected<promotion::Promotion> promotion_from_json(const nlohmann::json& j);

// A promotion's stream for events/stream_command.hpp: the domain and this codec together.
struct Stream {
  using State = promotion::State;
  using Event = promotion::Event;
  using Command = promotion::Command;
  using Error = promotion::Error;
  static constexpr const char* kType = promotion::kEntityType;
  static State initial(const std::string&) { return {}; }
  static auto decide(const State& s, const Command& c) { return promotion::decide(s, c); }
  static State evolve(State s, const Event& e) { return promotion::evolve(std::move(s), e); }
  static NewEvent encode(const Event& e) { return promotion_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return promotion_codec::decode(e); }
  static const char* error_name(Error e) { return promotion::to_string(e); }
};

}  // namespace parley::events::promotion_codec
