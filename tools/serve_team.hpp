// The sales-team side of `parley serve`: the team directory and lead book
// folded from the log, logins, the CRM desk, the timer scheduler (follow-ups
// and the morning digest) and their routes. Built in two steps because the
// engine needs to know how to reach the team (lead_deps) and the desk needs
// the engine (attach).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "actors/engine.hpp"
#include "crm/desk.hpp"
#include "crm/digest.hpp"
#include "crm/lead_book.hpp"
#include "crm/team_directory.hpp"
#include "crm/team_service.hpp"
#include "crm/timer_scheduler.hpp"
#include "http/auth.hpp"
#include "http/crm_api.hpp"
#include "http/router.hpp"
#include "http/team_api.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

class ServeTeam {
 public:
  // `telegram_can_send`: team members with a Telegram id are reached there;
  // others by phone on `phone_channel` ("" = not reachable by phone).
  ServeTeam(const Settings& settings, events::EventStore& store, events::GroupCommitWriter& writer,
            bool telegram_can_send, std::string phone_channel, const std::string& admin_token);
  ~ServeTeam();  // stop()

  // Reads the team and the leads from the log; call before attach.
  events::Status load();
  actors::LeadDeps lead_deps() const;
  // Starts following the log, the desk and the timers. `extractor` (may be
  // null) reads a new lead's contact the desk's rules miss.
  void attach(actors::Engine& engine,
              std::shared_ptr<const brain::DetailsExtractor> extractor = nullptr);
  void register_routes(http::Router& router);
  void stop();

  const http::Authorizer& auth() const { return auth_; }
  crm::TimerScheduler& timers() { return *timers_; }
  // Fires the timers (follow-ups, nudges, the digest) from now on: after
  // attach; in cluster mode only on the node that holds the duty.
  void start_timers();
  crm::TeamDirectory& directory() { return *directory_; }
  // For the channel intake: the member writing as (channel, user id), if any.
  std::optional<crm::Principal> member(const std::string& channel,
                                       const std::string& user_id) const;
  std::vector<std::string> desk(const crm::Principal& who, const std::string& text, int64_t at_us);
  std::vector<std::pair<std::string, std::function<uint64_t()>>> followers() const;

 private:
  bool fire(const std::string& key, int64_t due_us);
  std::optional<actors::Contact> contact_of(const std::string& username) const;

  const Settings& settings_;
  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  bool telegram_can_send_;
  std::string phone_channel_;
  crm::TimeZone zone_;
  std::unique_ptr<crm::TeamDirectory> directory_;
  std::unique_ptr<crm::TimerScheduler> timers_;  // digest, follow-ups, nudges
  std::unique_ptr<crm::LeadBook> book_;
  std::unique_ptr<crm::TeamService> service_;
  std::unique_ptr<crm::Digest> digest_;
  std::unique_ptr<crm::Desk> desk_;
  actors::Engine* engine_ = nullptr;
  http::Authorizer auth_;
  std::unique_ptr<http::TeamApiContext> team_api_;
  std::unique_ptr<http::CrmApiContext> crm_api_;
};

}  // namespace parley::tools
