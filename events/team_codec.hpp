// Team users and Message Master sequences <-> stored form. The event's time
// is the envelope timestamp. Passwords appear only as argon2id hashes and
// tokens only as their SHA-256.
//   user.created v1           {"username","profile","password_hash","by"}
//   user.profile_changed v1   {"profile","by"}
//   user.password_changed v1  {"password_hash","by"}
//   user.disabled v1 / user.enabled v1  {"by"}
//   user.token_issued v1      {"token_id","expires_us"}
//   user.token_revoked v1     {"token_id","by"}
//   sequence.saved v1         {"steps":[{"day","text","attachment_url"}],"send_time","by"}
// profile: {"display_name","role","phones":[…],"telegram_ids":[…]}
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

}  // namespace parley::events::team_codec
