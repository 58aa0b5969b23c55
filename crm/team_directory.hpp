// The team as the edge needs it at once: users by name, phone and Telegram
// id; bearer tokens; Message Master sequences. Folded from the log (user.*,
// sequence.*) by a LogFollower, and also updated directly by whoever just
// appended, so a token works on the very next request. Both paths carry the
// stream's version; the directory keeps the newest and ignores the rest.
#pragma once

#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/sequence.hpp"
#include "domain/user.hpp"
#include "projections/log_follower.hpp"

namespace parley::crm {

struct Principal {
  std::string username;
  domain::user::Role role = domain::user::Role::sales;
  std::string display_name;
  std::string language = "en";  // what the desk speaks to them
};

struct TokenAnswer {
  domain::user::TokenCheck check = domain::user::TokenCheck::unknown;
  Principal principal;     // when check == ok
  int64_t expires_us = 0;  // when check == ok
};

class TeamDirectory final : public projections::LogFollower {
 public:
  std::string_view name() const override { return "team directory"; }
  explicit TeamDirectory(events::EventStore& store);
  ~TeamDirectory() override { stop_following(); }

  void upsert(const domain::user::State& user);
  void upsert(const domain::sequence::State& sequence);

  std::optional<domain::user::State> user(const std::string& username) const;
  std::vector<domain::user::State> users() const;  // by username
  TokenAnswer authenticate(const std::string& token_id, int64_t now_us) const;
  // The enabled member writing from this phone (any format) or Telegram id.
  std::optional<Principal> by_phone(const std::string& phone) const;
  std::optional<Principal> by_telegram(const std::string& chat_id) const;
  // Enabled members whose username, display name or first name is `name`
  // (case-insensitive); "Priya" finds "Priya Sharma".
  std::vector<Principal> find_members(const std::string& name) const;

  // The saved sequence, or the built-in default for demo_follow_up, or nullopt.
  std::optional<domain::sequence::State> sequence(const std::string& name) const;
  std::vector<domain::sequence::State> sequences() const;

 private:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t) override {}
  void put_user(domain::user::State user);  // holds mu_ exclusively

  mutable std::shared_mutex mu_;
  std::map<std::string, domain::user::State> users_;
  std::unordered_map<std::string, std::string> by_phone_;     // phone key -> username
  std::unordered_map<std::string, std::string> by_telegram_;  // chat id -> username
  std::unordered_map<std::string, std::string> by_token_;     // token id -> username
  std::map<std::string, domain::sequence::State> sequences_;
};

Principal principal_of(const domain::user::State& user);

}  // namespace parley::crm
