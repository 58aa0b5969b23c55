#include "crm/team_service.hpp"

#include "events/stream_command.hpp"
#include "events/team_codec.hpp"

namespace parley::crm {

namespace user = domain::user;
namespace sequence = domain::sequence;

namespace {

using UserKind = events::team_codec::UserStream;
using SequenceKind = events::team_codec::SequenceStream;

template <class T>
Answer<T> error(int status, std::string code, std::string message) {
  Answer<T> a;
  a.error = {status, std::move(code), std::move(message)};
  return a;
}

// Checked here before a command is built (the domain has no such errors).
std::string message_of(const std::string& code) {
  if (code == "invalid_role") return "role: admin, sales or analyst";
  if (code == "weak_password") return "password: 8-256 characters";
  return code;
}

// The HTTP status and words of a user's refusal.
ServiceError answer_of(user::Error e) {
  const std::string code = user::to_string(e);
  switch (e) {
    case user::Error::not_found:
      return {404, code, "no such user"};
    case user::Error::already_exists:
      return {409, code, "that name is taken"};
    case user::Error::user_disabled:
      return {403, code, "this user is disabled"};
    case user::Error::invalid_username:
      return {400, code, "username: 2-32 characters of a-z, 0-9, '.', '_' or '-'"};
    case user::Error::reserved_username:
      return {400, code, "that name is Parley's own (admin, operator, …)"};
    case user::Error::invalid_display_name:
      return {400, code, "display_name: 1-100 characters"};
    case user::Error::invalid_phone:
      return {400, code, "phones: each needs 7-15 digits, e.g. +91 98765 43210"};
    case user::Error::invalid_language:
      return {400, code, "language: en, es, ru, id or hi"};
    case user::Error::not_pending:
      return {409, code, "this user is not waiting for approval"};
    case user::Error::pending_approval:
      return {403, code, "this registration waits for an admin's approval"};
    case user::Error::missing_password:
    case user::Error::unknown_token:
    case user::Error::invalid_expiry:
      break;
  }
  return {400, code, code};
}

// A sequence's refusals are all about what was sent: 400 with its name.
ServiceError answer_of(sequence::Error e) {
  const std::string code = sequence::to_string(e);
  return {400, code, code};
}

template <class T, class DomainError>
Answer<T> refusal(DomainError e) {
  ServiceError a = answer_of(e);
  return error<T>(a.status, std::move(a.code), std::move(a.message));
}

template <class T, class Kind>
Answer<T> refused(const events::StreamOutcome<Kind>& r) {
  if (r.storage_failed()) return error<T>(503, "storage_failed", r.message);
  if (!r.refused) return error<T>(500, "internal", "refused without a reason");
  ServiceError e = answer_of(*r.refused);
  if (!r.message.empty()) e.message = r.message;
  return error<T>(e.status, std::move(e.code), std::move(e.message));
}

}  // namespace

TeamService::TeamService(events::EventStore& store, events::GroupCommitWriter& writer,
                         TeamDirectory& directory, std::function<int64_t()> now_us,
                         TeamOptions options)
    : store_(store),
      writer_(writer),
      directory_(directory),
      now_us_(std::move(now_us)),
      options_(options),
      throttle_(options.throttle),
      hash_gate_(options.hash_slots),
      dummy_hash_(hash_password("not a real password", options.password_cost)) {}

namespace {

template <class T>
Answer<T> busy() {
  auto a = error<T>(503, "busy", "too many password checks at once; try again in a second");
  a.error.retry_after_s = 1;
  return a;
}

}  // namespace

Answer<std::string> TeamService::new_password_hash(const NewUser& n) {
  if (!acceptable_password(n.password))
    return error<std::string>(400, "weak_password", message_of("weak_password"));
  // Before the password is hashed (a hash costs ~50 ms): the decider would refuse them.
  if (!user::valid_username(n.username)) return refusal<std::string>(user::Error::invalid_username);
  if (user::reserved_username(n.username))
    return refusal<std::string>(user::Error::reserved_username);
  if (!user::team_language(n.language)) return refusal<std::string>(user::Error::invalid_language);
  auto slot = hash_gate_.enter(options_.hash_wait);
  if (!slot) return busy<std::string>();
  auto hash = hash_password(n.password, options_.password_cost);
  if (hash.empty()) return error<std::string>(503, "hash_failed", "could not hash the password");
  return {std::move(hash), {}};
}

Answer<user::State> TeamService::run(const std::string& username, const user::Command& c) {
  auto r = events::run_command<UserKind>(store_, writer_, username, c);
  if (!r.ok) return refused<user::State>(r);
  directory_.upsert(r.state);
  return {r.state, {}};
}

Answer<user::State> TeamService::create_user(const NewUser& n, const std::string& by) {
  user::Profile profile{n.display_name, user::Role::sales, n.phones, n.telegram_ids, n.language};
  if (!user::parse_role(n.role, &profile.role))
    return error<user::State>(400, "invalid_role", message_of("invalid_role"));
  auto hash = new_password_hash(n);
  if (!hash.ok()) return error<user::State>(hash.error.status, hash.error.code, hash.error.message);
  return run(n.username, user::Create{n.username, profile, *hash.value, by, now_us_()});
}

Answer<user::State> TeamService::register_user(const NewUser& n) {
  size_t pending = 0;
  for (const auto& u : directory_.users()) pending += u.registration == user::Registration::pending;
  if (pending >= options_.max_pending) {
    auto a = error<user::State>(429, "too_many_registrations",
                                "too many registrations wait for approval; try again later");
    a.error.retry_after_s = 3600;
    return a;
  }
  if (auto known = directory_.user(n.username); known && known->exists)
    return refusal<user::State>(user::Error::already_exists);  // before hashing
  auto hash = new_password_hash(n);
  if (!hash.ok()) return error<user::State>(hash.error.status, hash.error.code, hash.error.message);
  user::Profile profile{n.display_name, user::Role::sales, n.phones, n.telegram_ids, n.language};
  return run(n.username, user::Register{n.username, profile, *hash.value, now_us_()});
}

Answer<user::State> TeamService::approve(const std::string& username, const std::string& role,
                                         const std::string& by) {
  user::Role r = user::Role::sales;
  if (!role.empty() && !user::parse_role(role, &r))
    return error<user::State>(400, "invalid_role", message_of("invalid_role"));
  return run(username, user::Approve{r, by, now_us_()});
}

Answer<user::State> TeamService::reject(const std::string& username, const std::string& by) {
  return run(username, user::Reject{by, now_us_()});
}

Answer<user::State> TeamService::change_user(const std::string& username, const UserChange& c,
                                             const std::string& by) {
  auto current = directory_.user(username);
  if (!current || !current->exists) return error<user::State>(404, "not_found", "no such user");
  user::Profile profile = current->profile;
  if (c.display_name) profile.display_name = *c.display_name;
  if (c.role && !user::parse_role(*c.role, &profile.role))
    return error<user::State>(400, "invalid_role", message_of("invalid_role"));
  if (c.phones) profile.phones = *c.phones;
  if (c.telegram_ids) profile.telegram_ids = *c.telegram_ids;
  if (c.language) profile.language = *c.language;
  if (c.password && !acceptable_password(*c.password))
    return error<user::State>(400, "weak_password", message_of("weak_password"));

  std::vector<user::Command> commands;
  if (c.display_name || c.role || c.phones || c.telegram_ids || c.language)
    commands.push_back(user::ChangeProfile{profile, by, now_us_()});
  if (c.password) {
    auto slot = hash_gate_.enter(options_.hash_wait);
    if (!slot) return busy<user::State>();
    auto hash = hash_password(*c.password, options_.password_cost);
    if (hash.empty()) return error<user::State>(503, "hash_failed", "could not hash the password");
    commands.push_back(user::ChangePassword{hash, by, now_us_()});
  }
  if (c.disabled) commands.push_back(user::SetDisabled{*c.disabled, by, now_us_()});
  if (commands.empty())
    return error<user::State>(
        400, "nothing_to_change",
        "give display_name, role, phones, telegram_ids, language, password or disabled");
  user::State state = *current;
  for (const auto& command : commands) {
    auto r = events::run_command<UserKind>(store_, writer_, username, command);
    if (!r.ok) return refused<user::State>(r);
    state = r.state;
    directory_.upsert(state);
  }
  return {state, {}};
}

Answer<Login> TeamService::login(const std::string& username, const std::string& password,
                                 const std::string& address) {
  // Before any hashing: a throttled caller costs nothing.
  if (const int64_t wait = throttle_.begin(username, address, now_us_()); wait > 0) {
    auto a = error<Login>(429, "too_many_attempts",
                          "too many failed logins for this user or address; wait and try again");
    a.error.retry_after_s = (wait + 999'999) / 1'000'000;
    return a;
  }
  auto u = directory_.user(username);
  bool good = false;
  {
    auto slot = hash_gate_.enter(options_.hash_wait);
    if (!slot) return busy<Login>();
    // An unknown user costs the same hash, so timing does not say who exists.
    good = verify_password(u && u->exists ? u->password_hash : dummy_hash_, password) && u &&
           u->exists;
  }
  if (!good) return error<Login>(401, "invalid_credentials", "wrong username or password");
  throttle_.succeeded(username, address);
  if (u->registration == user::Registration::pending)
    return refusal<Login>(user::Error::pending_approval);
  if (u->disabled) return error<Login>(403, "user_disabled", "this user is disabled");
  Login out;
  out.token = new_token();
  const int64_t now = now_us_();
  out.expires_us =
      now + std::chrono::duration_cast<std::chrono::microseconds>(options_.token_ttl).count();
  auto r = events::run_command<UserKind>(
      store_, writer_, username, user::IssueToken{token_id(out.token), out.expires_us, now});
  if (!r.ok) return refused<Login>(r);
  directory_.upsert(r.state);
  out.principal = principal_of(r.state);
  return {out, {}};
}

Answer<bool> TeamService::logout(const std::string& token, const std::string& by) {
  const auto id = token_id(token);
  auto known = directory_.authenticate(id, now_us_());
  std::string username = known.principal.username;
  if (username.empty()) {
    for (const auto& u : directory_.users())
      if (u.tokens.count(id)) username = u.username;
  }
  if (username.empty()) return error<bool>(404, "unknown_token", "no such token");
  auto r = events::run_command<UserKind>(store_, writer_, username,
                                         user::RevokeToken{id, by, now_us_()});
  if (!r.ok) return refused<bool>(r);
  directory_.upsert(r.state);
  return {true, {}};
}

Answer<sequence::State> TeamService::save_sequence(const std::string& name,
                                                   std::vector<sequence::Step> steps,
                                                   const std::string& send_time,
                                                   const std::string& by) {
  auto r = events::run_command<SequenceKind>(
      store_, writer_, name,
      sequence::Save{std::move(steps), send_time.empty() ? "10:00" : send_time, by, now_us_()});
  if (!r.ok) return refused<sequence::State>(r);
  directory_.upsert(r.state);
  return {r.state, {}};
}

}  // namespace parley::crm
