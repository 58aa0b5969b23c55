#include "events/team_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/json_int.hpp"

namespace parley::events::team_codec {
using nlohmann::json;
namespace user = domain::user;
namespace sequence = domain::sequence;

namespace {

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json profile_json(const user::Profile& p) {
  return {{"display_name", p.display_name},
          {"role", user::to_string(p.role)},
          {"phones", p.phones},
          {"telegram_ids", p.telegram_ids}};
}

user::Profile profile_of(const json& j) {
  user::Profile p;
  p.display_name = j.value("display_name", "");
  user::parse_role(j.value("role", "sales"), &p.role);
  p.phones = j.value("phones", std::vector<std::string>{});
  p.telegram_ids = j.value("telegram_ids", std::vector<std::string>{});
  return p;
}

NewEvent make(const char* type, int64_t at_us, const json& payload) {
  NewEvent out;
  out.type = type;
  out.timestamp_us = at_us;
  out.payload = dump(payload);
  return out;
}

}  // namespace

bool is_user_event(std::string_view type) {
  return type.rfind("user.", 0) == 0;
}

NewEvent encode(const user::Event& event) {
  return std::visit(
      [](const auto& e) -> NewEvent {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, user::Created>)
          return make("user.created", e.at_us,
                      {{"username", e.username},
                       {"profile", profile_json(e.profile)},
                       {"password_hash", e.password_hash},
                       {"by", e.by}});
        else if constexpr (std::is_same_v<T, user::ProfileChanged>)
          return make("user.profile_changed", e.at_us,
                      {{"profile", profile_json(e.profile)}, {"by", e.by}});
        else if constexpr (std::is_same_v<T, user::PasswordChanged>)
          return make("user.password_changed", e.at_us,
                      {{"password_hash", e.password_hash}, {"by", e.by}});
        else if constexpr (std::is_same_v<T, user::Disabled>)
          return make("user.disabled", e.at_us, {{"by", e.by}});
        else if constexpr (std::is_same_v<T, user::Enabled>)
          return make("user.enabled", e.at_us, {{"by", e.by}});
        else if constexpr (std::is_same_v<T, user::TokenIssued>)
          return make("user.token_issued", e.at_us,
                      {{"token_id", e.token_id}, {"expires_us", e.expires_us}});
        else
          return make("user.token_revoked", e.at_us, {{"token_id", e.token_id}, {"by", e.by}});
      },
      event);
}

Expected<user::Event> decode_user(const EventEnvelope& env) {
  if (!is_user_event(env.type)) return Status::NotFound("not a user event: " + env.type);
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
  const auto at = env.timestamp_us;
  try {
    const std::string by = p.value("by", "");
    if (env.type == "user.created")
      return user::Event{user::Created{p.at("username"), profile_of(p.at("profile")),
                                       p.at("password_hash"), by, at}};
    if (env.type == "user.profile_changed")
      return user::Event{user::ProfileChanged{profile_of(p.at("profile")), by, at}};
    if (env.type == "user.password_changed")
      return user::Event{user::PasswordChanged{p.at("password_hash"), by, at}};
    if (env.type == "user.disabled") return user::Event{user::Disabled{by, at}};
    if (env.type == "user.enabled") return user::Event{user::Enabled{by, at}};
    if (env.type == "user.token_issued")
      return user::Event{user::TokenIssued{p.at("token_id"), integer(p.at("expires_us")), at}};
    if (env.type == "user.token_revoked")
      return user::Event{user::TokenRevoked{p.at("token_id"), by, at}};
  } catch (const json::exception& ex) {
    return Status::Corruption("payload of " + env.type + ": " + ex.what());
  }
  return Status::Corruption("unknown user event " + env.type);
}

bool is_sequence_event(std::string_view type) {
  return type == "sequence.saved";
}

NewEvent encode(const sequence::Event& event) {
  const auto& e = std::get<sequence::Saved>(event);
  json steps = json::array();
  for (const auto& s : e.steps)
    steps.push_back({{"day", s.day}, {"text", s.text}, {"attachment_url", s.attachment_url}});
  return make("sequence.saved", e.at_us,
              {{"steps", steps}, {"send_time", e.send_time}, {"by", e.by}});
}

Expected<sequence::Event> decode_sequence(const EventEnvelope& env) {
  if (!is_sequence_event(env.type)) return Status::NotFound("not a sequence event: " + env.type);
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
  try {
    sequence::Saved e;
    for (const auto& s : p.at("steps"))
      e.steps.push_back({integer(s.at("day")), s.at("text"), s.value("attachment_url", "")});
    e.send_time = p.value("send_time", "10:00");
    e.by = p.value("by", "");
    e.at_us = env.timestamp_us;
    return sequence::Event{std::move(e)};
  } catch (const json::exception& ex) {
    return Status::Corruption("payload of " + env.type + ": " + ex.what());
  }
}

}  // namespace parley::events::team_codec
