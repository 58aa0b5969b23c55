// Team users and Message Master sequences <-> stored form. The event's time
// is the envelope timestamp. Passwords appear only as argon2id hashes and
// tokens only as their SHA-256.
//   user.created v1           {"username","profile","password_hash","by"}
//   user.profile_changed v1   {"profile","by"}
//   user.password_changed v1  {"password_hash","by"}
//   user.disabled v1 / user.enabled v1  {"by"}
//   user.token_issued v1      {"token_id","expires_us"}
//   user.token_revoked v1     {"token_id","by"}
//   user.registered v1        {"username","profile","password_hash"}  (self-registration)
//   user.approved v1          {"role","by"}
//   user.rejected v1          {"by"}
//   sequence.saved v1         {"steps":[{"day","text","attachment_url"}],"send_time","by"}
// profile: {"display_name","role","phones":[…],"telegram_ids":[…],"language"}
#pragma once

#include <string_view>

#include "domain/sequence.hpp"
#include "domain/user.hpp"
#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::team_codec {

bool is_user_event(std::string_view type);
NewEvent encode(const domain::user::Event& event);
Expected<domain::user::Event> decode_user(const EventEnvelope& envelope);

bool is_sequence_event(std::string_view type);
NewEvent encode(const domain::sequence::Event& event);
Expected<domain::sequence::Event> decode_sequence(const EventEnvelope& envelope);

// A team member's stream and a follow-up sequence's, for
// events/stream_command.hpp.
struct UserStream {
  using State = domain::user::State;
  using Event = domain::user::Event;
  using Command = domain::user::Command;
  using Error = domain::user::Error;
  static constexpr const char* kType = domain::user::kEntityType;
  static State initial(const std::string& id) { return domain::user::initial_state(id); }
  static auto decide(const State& s, const Command& c) { return domain::user::decide(s, c); }
  static State evolve(State s, const Event& e) { return domain::user::evolve(std::move(s), e); }
  static NewEvent encode(const Event& e) { return team_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return decode_user(e); }
  static const char* error_name(Error e) { return domain::user::to_string(e); }
};

struct SequenceStream {
  using State = domain::sequence::State;
  using Event = domain::sequence::Event;
  using Command = domain::sequence::Command;
  using Error = domain::sequence::Error;
  static constexpr const char* kType = domain::sequence::kEntityType;
  static State initial(const std::string& id) { return domain::sequence::initial_state(id); }
  static auto decide(const State& s, const Command& c) { return domain::sequence::decide(s, c); }
  static State evolve(State s, const Event& e) { return domain::sequence::evolve(std::move(s), e); }
  static NewEvent encode(const Event& e) { return team_codec::encode(e); }
  static Expected<Event> decode(const EventEnvelope& e) { return decode_sequence(e); }
  static const char* error_name(Error e) { return domain::sequence::to_string(e); }
};

}  // namespace parley::events::team_codec
