#include "domain/user.hpp"
#include "domain/overloaded.hpp"

#include <algorithm>
#include <cctype>

namespace parley::domain::user {

const char* to_string(Role r) {
  switch (r) {
    case Role::admin:
      return "admin";
    case Role::sales:
      return "sales";
    case Role::analyst:
      return "analyst";
  }
  return "sales";
}

bool parse_role(const std::string& text, Role* out) {
  for (Role r : {Role::admin, Role::sales, Role::analyst}) {
    if (text == to_string(r)) {
      *out = r;
      return true;
    }
  }
  return false;
}

const char* to_string(Error e) {
  switch (e) {
    case Error::invalid_username:
      return "invalid_username";
    case Error::reserved_username:
      return "reserved_username";
    case Error::already_exists:
      return "already_exists";
    case Error::not_found:
      return "not_found";
    case Error::invalid_display_name:
      return "invalid_display_name";
    case Error::invalid_phone:
      return "invalid_phone";
    case Error::invalid_language:
      return "invalid_language";
    case Error::not_pending:
      return "not_pending";
    case Error::pending_approval:
      return "pending_approval";
    case Error::missing_password:
      return "missing_password";
    case Error::user_disabled:
      return "user_disabled";
    case Error::unknown_token:
      return "unknown_token";
    case Error::invalid_expiry:
      return "invalid_expiry";
  }
  return "unknown";
}

const char* to_string(Registration r) {
  switch (r) {
    case Registration::none:
      return "";
    case Registration::pending:
      return "pending";
    case Registration::approved:
      return "approved";
    case Registration::rejected:
      return "rejected";
  }
  return "";
}

bool team_language(const std::string& code) {
  return code == "en" || code == "es" || code == "ru" || code == "id" || code == "hi";
}

bool valid_username(const std::string& u) {
  if (u.size() < 2 || u.size() > 32) return false;
  return std::all_of(u.begin(), u.end(), [](unsigned char c) {
    return std::islower(c) || std::isdigit(c) || c == '.' || c == '_' || c == '-';
  });
}

bool reserved_username(const std::string& u) {
  static const char* const kReserved[] = {"admin",  "administrator", "root",    "system",
                                          "parley", "operator",      "manager", "bot",
                                          "api",    "support",       "owner"};
  return std::any_of(std::begin(kReserved), std::end(kReserved),
                     [&](const char* r) { return u == r; });
}

std::string normalize_phone(const std::string& phone) {
  std::string out;
  for (char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
    if (c == '+' && out.empty()) out += c;
  }
  size_t digits = out.size() - (!out.empty() && out[0] == '+' ? 1 : 0);
  return digits >= 7 && digits <= 15 ? out : "";
}

State initial_state(const std::string& username) {
  State s;
  s.username = username;
  return s;
}

namespace {

using Events = std::vector<Event>;
using Decided = Result<Events, Error>;

// The profile as stored: names trimmed, phones normalised, no duplicates.
Result<Profile, Error> clean(Profile p) {
  auto trim = [](std::string s) {
    const char* ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string::npos) return std::string();
    return s.substr(b, s.find_last_not_of(ws) - b + 1);
  };
  p.display_name = trim(p.display_name);
  if (p.display_name.empty() || p.display_name.size() > 100)
    return fail(Error::invalid_display_name);
  std::vector<std::string> phones;
  for (const auto& raw : p.phones) {
    auto n = normalize_phone(raw);
    if (n.empty()) return fail(Error::invalid_phone);
    if (std::find(phones.begin(), phones.end(), n) == phones.end()) phones.push_back(n);
  }
  p.phones = std::move(phones);
  std::vector<std::string> ids;
  for (const auto& raw : p.telegram_ids) {
    auto id = trim(raw);
    if (id.empty()) continue;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  p.telegram_ids = std::move(ids);
  if (p.language.empty()) p.language = "en";
  if (!team_language(p.language)) return fail(Error::invalid_language);
  return p;
}

bool same(const Profile& a, const Profile& b) {
  return a.display_name == b.display_name && a.role == b.role && a.phones == b.phones &&
         a.telegram_ids == b.telegram_ids && a.language == b.language;
}

Decided on(const State& s, const Create& c) {
  if (!valid_username(c.username)) return fail(Error::invalid_username);
  if (reserved_username(c.username)) return fail(Error::reserved_username);
  if (s.exists) return fail(Error::already_exists);
  if (c.password_hash.empty()) return fail(Error::missing_password);
  auto p = clean(c.profile);
  if (!p) return fail(p.error());
  return Events{Created{c.username, std::move(p).value(), c.password_hash, c.by, c.at_us}};
}

Decided on(const State& s, const ChangeProfile& c) {
  if (!s.exists) return fail(Error::not_found);
  auto p = clean(c.profile);
  if (!p) return fail(p.error());
  if (same(p.value(), s.profile)) return Events{};
  return Events{ProfileChanged{std::move(p).value(), c.by, c.at_us}};
}

Decided on(const State& s, const ChangePassword& c) {
  if (!s.exists) return fail(Error::not_found);
  if (c.password_hash.empty()) return fail(Error::missing_password);
  return Events{PasswordChanged{c.password_hash, c.by, c.at_us}};
}

Decided on(const State& s, const SetDisabled& c) {
  if (!s.exists) return fail(Error::not_found);
  if (s.registration == Registration::pending && !c.disabled) return fail(Error::pending_approval);
  if (s.disabled == c.disabled) return Events{};
  if (c.disabled) return Events{Disabled{c.by, c.at_us}};
  return Events{Enabled{c.by, c.at_us}};
}

Decided on(const State& s, const IssueToken& c) {
  if (!s.exists) return fail(Error::not_found);
  if (s.registration == Registration::pending) return fail(Error::pending_approval);
  if (s.disabled) return fail(Error::user_disabled);
  if (c.expires_us <= c.at_us) return fail(Error::invalid_expiry);
  return Events{TokenIssued{c.token_id, c.expires_us, c.at_us}};
}

Decided on(const State& s, const Register& c) {
  if (!valid_username(c.username)) return fail(Error::invalid_username);
  if (reserved_username(c.username)) return fail(Error::reserved_username);
  if (s.exists) return fail(Error::already_exists);
  if (c.password_hash.empty()) return fail(Error::missing_password);
  Profile asked = c.profile;
  asked.role = Role::sales;  // the admin who approves chooses
  auto p = clean(std::move(asked));
  if (!p) return fail(p.error());
  return Events{Registered{c.username, std::move(p).value(), c.password_hash, c.at_us}};
}

Decided on(const State& s, const Approve& c) {
  if (!s.exists) return fail(Error::not_found);
  if (s.registration != Registration::pending) return fail(Error::not_pending);
  return Events{Approved{c.role, c.by, c.at_us}};
}

Decided on(const State& s, const Reject& c) {
  if (!s.exists) return fail(Error::not_found);
  if (s.registration != Registration::pending) return fail(Error::not_pending);
  return Events{Rejected{c.by, c.at_us}};
}

Decided on(const State& s, const RevokeToken& c) {
  if (!s.exists) return fail(Error::not_found);
  auto it = s.tokens.find(c.token_id);
  if (it == s.tokens.end()) return fail(Error::unknown_token);
  if (it->second.revoked) return Events{};
  return Events{TokenRevoked{c.token_id, c.by, c.at_us}};
}

}  // namespace

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  return std::visit([&](const auto& c) { return on(state, c); }, command);
}

State evolve(State s, const Event& event) {
  ++s.version;
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, Created>) {
          s.exists = true;
          s.username = e.username;
          s.profile = e.profile;
          s.password_hash = e.password_hash;
          s.password_changed_us = e.at_us;
          s.created_us = e.at_us;
        } else if constexpr (std::is_same_v<T, ProfileChanged>) {
          s.profile = e.profile;
        } else if constexpr (std::is_same_v<T, PasswordChanged>) {
          s.password_hash = e.password_hash;
          s.password_changed_us = e.at_us;
          for (auto& [id, t] : s.tokens) t.revoked = true;
        } else if constexpr (std::is_same_v<T, Disabled>) {
          s.disabled = true;
          for (auto& [id, t] : s.tokens) t.revoked = true;
        } else if constexpr (std::is_same_v<T, Enabled>) {
          s.disabled = false;
        } else if constexpr (std::is_same_v<T, TokenIssued>) {
          // Tokens that expired before this one was issued are forgotten, so
          // the state stays small however often a user logs in.
          for (auto it = s.tokens.begin(); it != s.tokens.end();)
            it = it->second.expires_us <= e.at_us ? s.tokens.erase(it) : std::next(it);
          s.tokens[e.token_id] = Token{e.at_us, e.expires_us, false};
        } else if constexpr (std::is_same_v<T, TokenRevoked>) {
          auto it = s.tokens.find(e.token_id);
          if (it != s.tokens.end()) it->second.revoked = true;
        } else if constexpr (std::is_same_v<T, Registered>) {
          s.exists = true;
          s.username = e.username;
          s.profile = e.profile;
          s.password_hash = e.password_hash;
          s.password_changed_us = e.at_us;
          s.created_us = e.at_us;
          s.disabled = true;  // until approved
          s.registration = Registration::pending;
        } else if constexpr (std::is_same_v<T, Approved>) {
          s.profile.role = e.role;
          s.disabled = false;
          s.registration = Registration::approved;
        } else if constexpr (std::is_same_v<T, Rejected>) {
          s.registration = Registration::rejected;
        } else {
          static_assert(unhandled<T>, "a user event without a fold");
        }
      },
      event);
  return s;
}

TokenCheck check_token(const State& s, const std::string& token_id, int64_t now_us) {
  auto it = s.tokens.find(token_id);
  if (!s.exists || it == s.tokens.end()) return TokenCheck::unknown;
  if (s.disabled) return TokenCheck::disabled;
  if (it->second.revoked) return TokenCheck::revoked;
  if (it->second.expires_us <= now_us) return TokenCheck::expired;
  return TokenCheck::ok;
}

}  // namespace parley::domain::user
