// What the team's API does, without HTTP: users (create, change, disable),
// logins and logouts, Message Master sequences. Each write is a command on
// the entity's stream (events/stream_command.hpp); the directory is updated
// with the result before the call returns, so it is read back at once.
// Blocking (argon2id, appends): call from HTTP threads.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crm/credentials.hpp"
#include "crm/hash_gate.hpp"
#include "crm/login_throttle.hpp"
#include "crm/team_directory.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"

namespace parley::crm {

struct ServiceError {
  int status = 0;  // HTTP status: 0 = no error
  std::string code;
  std::string message;
  int64_t retry_after_s = 0;  // > 0: come back then (429, 503)
};

template <class T>
struct Answer {
  std::optional<T> value;
  ServiceError error;
  bool ok() const { return value.has_value(); }
};

struct NewUser {
  std::string username, password, display_name, role;
  std::vector<std::string> phones, telegram_ids;
  std::string language = "en";
};

// Only the fields given change.
struct UserChange {
  std::optional<std::string> display_name, role, password, language;
  std::optional<std::vector<std::string>> phones, telegram_ids;
  std::optional<bool> disabled;
};

struct Login {
  std::string token;  // shown once; the log holds only its SHA-256
  int64_t expires_us = 0;
  Principal principal;
};

struct TeamOptions {
  PasswordCost password_cost = PasswordCost::interactive;
  std::chrono::seconds token_ttl{std::chrono::hours(12)};
  ThrottleOptions throttle = {};
  size_t hash_slots = 2;                      // argon2id runs at once (64 MiB each)
  std::chrono::milliseconds hash_wait{3000};  // then 503 busy
  size_t max_pending = 50;                    // self-registrations waiting for an admin
};

class TeamService {
 public:
  TeamService(events::EventStore& store, events::GroupCommitWriter& writer,
              TeamDirectory& directory, std::function<int64_t()> now_us, TeamOptions options);

  Answer<domain::user::State> create_user(const NewUser& user, const std::string& by);
  // Someone asks to join the team (POST /api/v1/register): recorded pending,
  // disabled until an admin approves. `role` is ignored (the admin chooses).
  // At most TeamOptions::max_pending registrations wait at once (429).
  Answer<domain::user::State> register_user(const NewUser& user);
  // An admin's answer to a pending registration.
  Answer<domain::user::State> approve(const std::string& username, const std::string& role,
                                      const std::string& by);
  Answer<domain::user::State> reject(const std::string& username, const std::string& by);
  Answer<domain::user::State> change_user(const std::string& username, const UserChange& change,
                                          const std::string& by);
  // `address`: the caller's, for the per-address attempt limit.
  Answer<Login> login(const std::string& username, const std::string& password,
                      const std::string& address);
  // Revokes the token (by its value); ok if it was already revoked.
  Answer<bool> logout(const std::string& token, const std::string& by);
  Answer<domain::sequence::State> save_sequence(const std::string& name,
                                                std::vector<domain::sequence::Step> steps,
                                                const std::string& send_time,
                                                const std::string& by);

  TeamDirectory& directory() { return directory_; }

 private:
  // The argon2id hash of a new user's password, or the refusal before it.
  Answer<std::string> new_password_hash(const NewUser& n);
  Answer<domain::user::State> run(const std::string& username, const domain::user::Command& c);

  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  TeamDirectory& directory_;
  std::function<int64_t()> now_us_;
  TeamOptions options_;
  LoginThrottle throttle_;
  HashGate hash_gate_;
  std::string dummy_hash_;  // verified for unknown users, so timing does not tell who exists
};

}  // namespace parley::crm
