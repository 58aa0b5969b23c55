#include "events/team_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/json_int.hpp"
#include "events/schema_table.hpp"

namespace parley::events::team_codec {
using nlohmann::json;
namespace user = domain::user;
namespace sequence = domain::sequence;

namespace {

json profile_json(const user::Profile& p) {
  return {{"display_name", p.display_name},
          {"role", user::to_string(p.role)},
          {"phones", p.phones},
          {"telegram_ids", p.telegram_ids},
          {"language", p.language}};
}

user::Profile profile_of(const json& j) {
  user::Profile p;
  p.display_name = j.value("display_name", "");
  user::parse_role(j.value("role", "sales"), &p.role);
  p.phones = j.value("phones", std::vector<std::string>{});
  p.telegram_ids = j.value("telegram_ids", std::vector<std::string>{});
  p.language = j.value("language", "en");  // members created before issue 19: English
  return p;
}

// Every event here carries its own time (TimedSchema, events/schema_table.hpp).
template <class E>
using Timed = TimedSchema<E>;

template <class E>
struct Schema;
template <>
struct Schema<user::Created> : Timed<user::Created> {
  static constexpr const char* kType = user::types::kUserCreated;
  static json to(const user::Created& e) {
    return {{"username", e.username},
            {"profile", profile_json(e.profile)},
            {"password_hash", e.password_hash},
            {"by", e.by}};
  }
  static user::Created from(const json& p, const EventEnvelope& env) {
    return {p.at("username"), profile_of(p.at("profile")), p.at("password_hash"), p.value("by", ""),
            env.timestamp_us};
  }
};
template <>
struct Schema<user::ProfileChanged> : Timed<user::ProfileChanged> {
  static constexpr const char* kType = user::types::kProfileChanged;
  static json to(const user::ProfileChanged& e) {
    return {{"profile", profile_json(e.profile)}, {"by", e.by}};
  }
  static user::ProfileChanged from(const json& p, const EventEnvelope& env) {
    return {profile_of(p.at("profile")), p.value("by", ""), env.timestamp_us};
  }
};
template <>
struct Schema<user::PasswordChanged> : Timed<user::PasswordChanged> {
  static constexpr const char* kType = user::types::kPasswordChanged;
  static json to(const user::PasswordChanged& e) {
    return {{"password_hash", e.password_hash}, {"by", e.by}};
  }
  static user::PasswordChanged from(const json& p, const EventEnvelope& env) {
    return {p.at("password_hash"), p.value("by", ""), env.timestamp_us};
  }
};
// Events that say only who did it.
template <class E, const char* const* Type>
struct ByOnly : Timed<E> {
  static constexpr const char* kType = *Type;
  static json to(const E& e) { return {{"by", e.by}}; }
  static E from(const json& p, const EventEnvelope& env) {
    return {p.value("by", ""), env.timestamp_us};
  }
};
template <>
struct Schema<user::Disabled> : ByOnly<user::Disabled, &user::types::kDisabled> {};
template <>
struct Schema<user::Enabled> : ByOnly<user::Enabled, &user::types::kEnabled> {};
template <>
struct Schema<user::TokenIssued> : Timed<user::TokenIssued> {
  static constexpr const char* kType = user::types::kTokenIssued;
  static json to(const user::TokenIssued& e) {
    return {{"token_id", e.token_id}, {"expires_us", e.expires_us}};
  }
  static user::TokenIssued from(const json& p, const EventEnvelope& env) {
    return {p.at("token_id"), integer(p.at("expires_us")), env.timestamp_us};
  }
};
template <>
struct Schema<user::TokenRevoked> : Timed<user::TokenRevoked> {
  static constexpr const char* kType = user::types::kTokenRevoked;
  static json to(const user::TokenRevoked& e) { return {{"token_id", e.token_id}, {"by", e.by}}; }
  static user::TokenRevoked from(const json& p, const EventEnvelope& env) {
    return {p.at("token_id"), p.value("by", ""), env.timestamp_us};
  }
};
template <>
struct Schema<user::Registered> : Timed<user::Registered> {
  static constexpr const char* kType = user::types::kRegistered;
  static json to(const user::Registered& e) {
    return {{"username", e.username},
            {"profile", profile_json(e.profile)},
            {"password_hash", e.password_hash}};
  }
  static user::Registered from(const json& p, const EventEnvelope& env) {
    return {p.at("username"), profile_of(p.at("profile")), p.at("password_hash"), env.timestamp_us};
  }
};
template <>
struct Schema<user::Approved> : Timed<user::Approved> {
  static constexpr const char* kType = user::types::kApproved;
  static json to(const user::Approved& e) {
    return {{"role", user::to_string(e.role)}, {"by", e.by}};
  }
  static user::Approved from(const json& p, const EventEnvelope& env) {
    user::Approved e{user::Role::sales, p.value("by", ""), env.timestamp_us};
    user::parse_role(p.value("role", "sales"), &e.role);
    return e;
  }
};
template <>
struct Schema<user::Rejected> : ByOnly<user::Rejected, &user::types::kRejected> {};
template <>
struct Schema<sequence::Saved> : Timed<sequence::Saved> {
  static constexpr const char* kType = sequence::types::kSequenceSaved;
  static json to(const sequence::Saved& e) {
    json steps = json::array();
    for (const auto& s : e.steps)
      steps.push_back({{"day", s.day}, {"text", s.text}, {"attachment_url", s.attachment_url}});
    return {{"steps", steps}, {"send_time", e.send_time}, {"by", e.by}};
  }
  static sequence::Saved from(const json& p, const EventEnvelope& env) {
    sequence::Saved e;
    for (const auto& s : p.at("steps"))
      e.steps.push_back({integer(s.at("day")), s.at("text"), s.value("attachment_url", "")});
    e.send_time = p.value("send_time", "10:00");
    e.by = p.value("by", "");
    e.at_us = env.timestamp_us;
    return e;
  }
};

using Users = SchemaTable<user::Event, Schema>;
using Sequences = SchemaTable<sequence::Event, Schema>;

}  // namespace

bool is_user_event(std::string_view type) {
  return Users::knows(type);
}

NewEvent encode(const user::Event& event) {
  return Users::encode(event);
}

Expected<user::Event> decode_user(const EventEnvelope& env) {
  return Users::decode(env, "a user");
}

bool is_sequence_event(std::string_view type) {
  return Sequences::knows(type);
}

NewEvent encode(const sequence::Event& event) {
  return Sequences::encode(event);
}

Expected<sequence::Event> decode_sequence(const EventEnvelope& env) {
  return Sequences::decode(env, "a sequence");
}

}  // namespace parley::events::team_codec
