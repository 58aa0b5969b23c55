#include "crm/team_directory.hpp"

#include <mutex>

#include "brain/romanize.hpp"
#include "brain/text.hpp"
#include "events/team_codec.hpp"

namespace parley::crm {

namespace user = domain::user;
namespace sequence = domain::sequence;

namespace {

// "+91 98765-43210" -> "919876543210": every digit, country code included.
// (The last ten digits alone let +7 987 654 3210 and +1 987 654 3210 reach the
// CRM desk of the member whose phone is +91 98765 43210: found by our probe.)
std::string phone_key(const std::string& phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits.push_back(c);
  return digits;
}

}  // namespace

Principal principal_of(const user::State& u) {
  return Principal{u.username, u.profile.role, u.profile.display_name, u.profile.language};
}

TeamDirectory::TeamDirectory(events::EventStore& store) : LogFollower(store) {}

bool TeamDirectory::wants(std::string_view type) const {
  return events::team_codec::is_user_event(type) || events::team_codec::is_sequence_event(type);
}

events::Status TeamDirectory::apply(const events::EventEnvelope& env) {
  std::unique_lock lock(mu_);
  if (events::team_codec::is_sequence_event(env.type)) {
    auto e = events::team_codec::decode_sequence(env);
    if (!e) return e.status();
    auto it = sequences_.find(env.entity_id);
    auto s = it == sequences_.end() ? sequence::initial_state(env.entity_id) : it->second;
    if (env.seq != s.version + 1) return events::Status::Ok();  // already have it
    sequences_[env.entity_id] = sequence::evolve(std::move(s), *e);
    return events::Status::Ok();
  }
  auto e = events::team_codec::decode_user(env);
  if (!e) return e.status();
  auto it = users_.find(env.entity_id);
  auto u = it == users_.end() ? user::initial_state(env.entity_id) : it->second;
  if (env.seq != u.version + 1) return events::Status::Ok();
  put_user(user::evolve(std::move(u), *e));
  return events::Status::Ok();
}

void TeamDirectory::put_user(user::State u) {
  auto it = users_.find(u.username);
  if (it != users_.end()) {
    for (const auto& p : it->second.profile.phones) by_phone_.erase(phone_key(p));
    for (const auto& t : it->second.profile.telegram_ids) by_telegram_.erase(t);
  }
  for (const auto& p : u.profile.phones) by_phone_[phone_key(p)] = u.username;
  for (const auto& t : u.profile.telegram_ids) by_telegram_[t] = u.username;
  for (const auto& [id, token] : u.tokens) by_token_[id] = u.username;
  users_[u.username] = std::move(u);
}

void TeamDirectory::upsert(const user::State& u) {
  std::unique_lock lock(mu_);
  auto it = users_.find(u.username);
  if (it != users_.end() && it->second.version >= u.version) return;
  put_user(u);
}

void TeamDirectory::upsert(const sequence::State& s) {
  std::unique_lock lock(mu_);
  auto it = sequences_.find(s.name);
  if (it != sequences_.end() && it->second.version >= s.version) return;
  sequences_[s.name] = s;
}

std::optional<user::State> TeamDirectory::user(const std::string& username) const {
  std::shared_lock lock(mu_);
  auto it = users_.find(username);
  if (it == users_.end()) return std::nullopt;
  return it->second;
}

std::vector<user::State> TeamDirectory::users() const {
  std::shared_lock lock(mu_);
  std::vector<user::State> out;
  for (const auto& [name, u] : users_) out.push_back(u);
  return out;
}

TokenAnswer TeamDirectory::authenticate(const std::string& token_id, int64_t now_us) const {
  std::shared_lock lock(mu_);
  TokenAnswer out;
  auto t = by_token_.find(token_id);
  if (t == by_token_.end()) return out;
  auto u = users_.find(t->second);
  if (u == users_.end()) return out;
  out.check = user::check_token(u->second, token_id, now_us);
  if (out.check == user::TokenCheck::ok) {
    out.principal = principal_of(u->second);
    out.expires_us = u->second.tokens.at(token_id).expires_us;
  }
  return out;
}

std::optional<Principal> TeamDirectory::by_phone(const std::string& phone) const {
  std::shared_lock lock(mu_);
  auto key = phone_key(phone);
  if (key.empty()) return std::nullopt;
  auto it = by_phone_.find(key);
  if (it == by_phone_.end()) return std::nullopt;
  const auto& u = users_.at(it->second);
  if (u.disabled) return std::nullopt;
  return principal_of(u);
}

std::optional<Principal> TeamDirectory::by_telegram(const std::string& chat_id) const {
  std::shared_lock lock(mu_);
  auto it = by_telegram_.find(chat_id);
  if (it == by_telegram_.end()) return std::nullopt;
  const auto& u = users_.at(it->second);
  if (u.disabled) return std::nullopt;
  return principal_of(u);
}

std::vector<Principal> TeamDirectory::find_members(const std::string& name) const {
  // A name in Devanagari meets its Latin spelling ("नेहा" is Neha), with one
  // letter of slack for the ways a name is romanised ("राकेश" ~ "Rakesh").
  const auto wanted = brain::romanize_devanagari(brain::fold(name));
  const bool transliterated = brain::has_devanagari(name);
  std::vector<Principal> out;
  if (wanted.empty()) return out;
  auto same = [&](const std::string& known) {
    if (known == wanted) return true;
    return transliterated && known.size() >= 4 && brain::edit_distance(known, wanted, 1) <= 1;
  };
  std::shared_lock lock(mu_);
  for (const auto& [username, u] : users_) {
    if (u.disabled) continue;
    const auto display = brain::fold(u.profile.display_name);
    const auto first = display.substr(0, display.find(' '));
    if (same(brain::fold(username)) || same(display) || same(first)) out.push_back(principal_of(u));
  }
  return out;
}

std::optional<sequence::State> TeamDirectory::sequence(const std::string& name) const {
  {
    std::shared_lock lock(mu_);
    auto it = sequences_.find(name);
    if (it != sequences_.end()) return it->second;
  }
  if (name == sequence::kDemoFollowUp) return sequence::default_demo_follow_up();
  return std::nullopt;
}

std::vector<sequence::State> TeamDirectory::sequences() const {
  std::vector<sequence::State> out;
  std::shared_lock lock(mu_);
  for (const auto& [n, s] : sequences_) out.push_back(s);
  if (!sequences_.count(sequence::kDemoFollowUp))
    out.insert(out.begin(), sequence::default_demo_follow_up());
  return out;
}

}  // namespace parley::crm
