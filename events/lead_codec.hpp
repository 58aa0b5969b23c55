// Lead events and the lead's snapshot state <-> stored form. The event's time
// is the envelope timestamp; every payload names who acted ("by") where a
// person did.
//   lead.created v1 {"company","contact_name","phone","email","source","assignee","creator"}
//   lead.assigned v1                 {"from","to","by"}
//   lead.qualified v1                {"by"}
//   lead.details_updated v1          {"fields":{…},"by"}
//   lead.appointment_scheduled v1
//   {"appointment":{"id","kind","when_local","when_us","assignee","note"},"by"}
//   lead.appointment_rescheduled v1  {"appointment_id","from_local","when_local","when_us","by"}
//   lead.appointment_done v1         {"appointment_id","kind","note","by"}
//   lead.appointment_cancelled v1    {"appointment_id","note","by"}
//   lead.activity_added v1           {"note","by"}
//   lead.status_changed v1           {"from","to","by"}
//   lead.follow_up_scheduled v1
//   {"step":{"step_id","sequence","index","due_us","text","attachment_url"},"by"}
//   lead.follow_up_sent v1           {"step_id","to"}
//   lead.follow_up_skipped v1        {"step_id","reason"}
#pragma once

#include <string_view>

#include "domain/lead.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::lead_codec {

inline constexpr uint32_t kStateSchema = 1;

// The stored type names live beside the events (domain/lead.hpp).
namespace types = parley::domain::lead::types;

bool is_lead_event(std::string_view type);
NewEvent encode(const domain::lead::Event& event);
Expected<domain::lead::Event> decode(const EventEnvelope& envelope);

std::string encode_state(const domain::lead::State& state);
Expected<domain::lead::State> decode_state(const std::string& bytes, uint32_t schema);

// A lead's stream: what the entity runtime (actors/entity_shell.hpp) stores
// and reads back. The actor's Kind adds its requests and decider.
struct Stream {
  using State = domain::lead::State;
  using Event = domain::lead::Event;
  static constexpr const char* kType = domain::lead::kEntityType;
  static constexpr uint32_t kStateSchema = lead_codec::kStateSchema;
  static State initial(const std::string& id) { return domain::lead::initial_state(id); }
  static State evolve(State s, const Event& e) { return domain::lead::evolve(std::move(s), e); }
  static NewEvent encode(const Event& e) { return lead_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return lead_codec::decode(e); }
  static std::string encode_state(const State& s) { return lead_codec::encode_state(s); }
  static Expected<State> decode_state(const std::string& b, uint32_t v) {
    return lead_codec::decode_state(b, v);
  }
};

}  // namespace parley::events::lead_codec
