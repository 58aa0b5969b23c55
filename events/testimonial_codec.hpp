// Testimonials' events <-> stored form (docs/API.md, "Event types"), and a
// testimonial's JSON for the API.
//
//   testimonial.saved   v1 {"text","author","language","sku","photo_url","by"}
//   testimonial.removed v1 {"by"}
// Each carries its own time (the envelope's timestamp); the id is the stream's.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "domain/testimonial.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::testimonial_codec {

// The stored type names live beside the events (domain/testimonial.hpp).
namespace types = parley::domain::testimonial::types;
namespace testimonial = parley::domain::testimonial;

// True for the event types this codec reads (a projection's skip test).
bool is_testimonial_event(std::string_view type);

NewEvent encode(const testimonial::Event& event);
// The testimonial's id is the envelope's entity id, its saved_us the envelope's time.
Expected<testimonial::Event> decode(const EventEnvelope& envelope);

// {"id","text","author","language","sku","photo_url","saved_at"}: what a
// shopper may be shown (who saved it is not in it).
nlohmann::json testimonial_to_json(const testimonial::Testimonial& t);
// Reads the API's body: "text", "author", "language", and optionally "sku"
// (any case, upper-cased like a product's) and "photo_url". The id comes
// from the path: the caller sets it. Errors name the field; the rules
// (lengths, languages, the URL) are the decider's.
Expected<testimonial::Testimonial> testimonial_from_json(const nlohmann::json& j);

// A testimonial's stream for events/stream_command.hpp: the domain and this codec together.
struct Stream {
  using State = testimonial::State;
  using Event = testimonial::Event;
  using Command = testimonial::Command;
  using Error = testimonial::Error;
  static constexpr const char* kType = testimonial::kEntityType;
  static State initial(const std::string&) { return {}; }
  static auto decide(const State& s, const Command& c) { return testimonial::decide(s, c); }
  static State evolve(State s, const Event& e) { return testimonial::evolve(std::move(s), e); }
  static NewEvent encode(const Event& e) { return testimonial_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return testimonial_codec::decode(e); }
  static const char* error_name(Error e) { return testimonial::to_string(e); }
};

}  // namespace parley::events::testimonial_codec
