// A member of the shop's team: stream ("user", <username>). Users log in to
// the API and, from a known phone number or Telegram id, run the CRM by chat.
//
// Passwords reach the decider already hashed (argon2id, by the shell): the
// decider never sees a password, and neither does the log. A bearer token is
// recorded only as the SHA-256 of its value (`token_id`).
//
// Invariants: a username never changes; a disabled user has no valid token;
// a password change revokes every token issued before it. Someone who
// registered themselves is disabled until an admin approves them (and
// chooses their role); a rejected registration stays disabled.
//
// Decider: decide(state, command) -> events | error; evolve(state, event).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace parley::domain::user {

inline constexpr const char* kEntityType = "user";

enum class Role : uint8_t { admin = 1, sales, analyst };
const char* to_string(Role r);
bool parse_role(const std::string& text, Role* out);

struct Profile {
  std::string display_name;
  Role role = Role::sales;
  std::vector<std::string> phones;        // digits with a leading '+' kept
  std::vector<std::string> telegram_ids;  // Telegram chat ids
  // The language the desk, the alerts and the digest speak to this member:
  // en, es, ru, id or hi (Hinglish).
  std::string language = "en";
};
bool team_language(const std::string& code);  // one of the five above

// ---- events ---------------------------------------------------------------
struct Created {
  std::string username;
  Profile profile;
  std::string password_hash;
  std::string by;
  int64_t at_us = 0;
};
struct ProfileChanged {
  Profile profile;  // the whole profile after the change
  std::string by;
  int64_t at_us = 0;
};
struct PasswordChanged {
  std::string password_hash;
  std::string by;
  int64_t at_us = 0;
};
struct Disabled {
  std::string by;
  int64_t at_us = 0;
};
struct Enabled {
  std::string by;
  int64_t at_us = 0;
};
struct TokenIssued {
  std::string token_id;  // SHA-256 (hex) of the bearer token
  int64_t expires_us = 0;
  int64_t at_us = 0;
};
struct TokenRevoked {
  std::string token_id;
  std::string by;
  int64_t at_us = 0;
};
// Self-registration: a request to join the team, and an admin's answer.
struct Registered {
  std::string username;
  Profile profile;  // role: sales until an admin chooses
  std::string password_hash;
  int64_t at_us = 0;
};
struct Approved {
  Role role = Role::sales;
  std::string by;
  int64_t at_us = 0;
};
struct Rejected {
  std::string by;
  int64_t at_us = 0;
};
// The name each event is stored under (its codec's schema uses it; views
// compare with it). A new event adds its name here, beside its struct.
namespace types {
inline constexpr const char* kUserCreated = "user.created";
inline constexpr const char* kProfileChanged = "user.profile_changed";
inline constexpr const char* kPasswordChanged = "user.password_changed";
inline constexpr const char* kDisabled = "user.disabled";
inline constexpr const char* kEnabled = "user.enabled";
inline constexpr const char* kTokenIssued = "user.token_issued";
inline constexpr const char* kTokenRevoked = "user.token_revoked";
inline constexpr const char* kRegistered = "user.registered";
inline constexpr const char* kApproved = "user.approved";
inline constexpr const char* kRejected = "user.rejected";
}  // namespace types
using Event = std::variant<Created, ProfileChanged, PasswordChanged, Disabled, Enabled, TokenIssued,
                           TokenRevoked, Registered, Approved, Rejected>;

// Where a self-registration stands ("" for a user an admin created).
enum class Registration : uint8_t { none, pending, approved, rejected };
const char* to_string(Registration r);

struct Token {
  int64_t issued_us = 0;
  int64_t expires_us = 0;
  bool revoked = false;
};

struct State {
  std::string username;
  bool exists = false;
  Profile profile;
  std::string password_hash;
  bool disabled = false;
  int64_t password_changed_us = 0;
  int64_t created_us = 0;
  std::map<std::string, Token> tokens;  // by token_id
  Registration registration = Registration::none;
  uint64_t version = 0;  // events in the stream
};

// ---- commands -------------------------------------------------------------
struct Create {
  std::string username;
  Profile profile;
  std::string password_hash;
  std::string by;
  int64_t at_us = 0;
};
struct ChangeProfile {
  Profile profile;
  std::string by;
  int64_t at_us = 0;
};
struct ChangePassword {
  std::string password_hash;
  std::string by;
  int64_t at_us = 0;
};
struct SetDisabled {
  bool disabled = true;
  std::string by;
  int64_t at_us = 0;
};
// After the shell verified the password.
struct IssueToken {
  std::string token_id;
  int64_t expires_us = 0;
  int64_t at_us = 0;
};
struct RevokeToken {
  std::string token_id;
  std::string by;
  int64_t at_us = 0;
};
// A person asks to join: like Create, but by themselves, as sales, disabled
// until approved.
struct Register {
  std::string username;
  Profile profile;
  std::string password_hash;
  int64_t at_us = 0;
};
// An admin's answer to a pending registration (not_pending otherwise).
struct Approve {
  Role role = Role::sales;
  std::string by;
  int64_t at_us = 0;
};
struct Reject {
  std::string by;
  int64_t at_us = 0;
};
using Command = std::variant<Create, ChangeProfile, ChangePassword, SetDisabled, IssueToken,
                             RevokeToken, Register, Approve, Reject>;

enum class Error : uint8_t {
  invalid_username = 1,  // 2-32 of a-z 0-9 . _ -
  already_exists,
  not_found,
  invalid_display_name,
  invalid_phone,
  missing_password,
  user_disabled,
  unknown_token,
  invalid_expiry,
  reserved_username,  // a name Parley uses itself (admin, operator, …)
  invalid_language,   // not one of team_language()
  not_pending,        // approve or reject what is not a pending registration
  pending_approval,   // a registration no admin approved yet: no login, no enabling
};
const char* to_string(Error e);
inline const char* refuser_of(Error) {
  return kEntityType;
}  // domain/refusal.hpp

State initial_state(const std::string& username);
Result<std::vector<Event>, Error> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

// Why a token is not accepted, or ok.
enum class TokenCheck : uint8_t { ok, unknown, expired, revoked, disabled };
TokenCheck check_token(const State& state, const std::string& token_id, int64_t now_us);

bool valid_username(const std::string& username);
// Names Parley gives its own principals ("admin" is the built-in token's,
// "operator…" and "manager:…" sign replies): no user may take them.
bool reserved_username(const std::string& username);
// "+91 98765-43210" -> "+919876543210"; "" if it has fewer than 7 digits.
std::string normalize_phone(const std::string& phone);

}  // namespace parley::domain::user
