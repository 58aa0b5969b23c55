#include "tools/serve_team.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>

#include "domain/user.hpp"
#include "events/llm_codec.hpp"

namespace parley::tools {

namespace {

int64_t wall_clock_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const char* kDigestKey = "digest";

}  // namespace

ServeTeam::ServeTeam(const Settings& settings, events::EventStore& store,
                     events::GroupCommitWriter& writer, bool telegram_can_send,
                     std::string phone_channel, const std::string& admin_token)
    : settings_(settings),
      store_(store),
      writer_(writer),
      telegram_can_send_(telegram_can_send),
      phone_channel_(std::move(phone_channel)),
      zone_(crm::TimeZone::load(settings.timezone).value_or(crm::TimeZone::utc())),
      directory_(std::make_unique<crm::TeamDirectory>(store)),
      timers_(std::make_unique<crm::TimerScheduler>(
          wall_clock_us, [this](const std::string& key, int64_t due) { return fire(key, due); })),
      // Follow-up timers come from the timers view (tools/serve_views.hpp).
      book_(std::make_unique<crm::LeadBook>(store, nullptr)),
      auth_(admin_token, directory_.get(), wall_clock_us) {
  crm::TeamOptions options;
  crm::parse_password_cost(settings.password_cost, &options.password_cost);
  options.token_ttl = std::chrono::hours(settings.token_ttl_hours);
  service_ = std::make_unique<crm::TeamService>(store, writer, *directory_, wall_clock_us, options);
  digest_ = std::make_unique<crm::Digest>(
      *book_, *directory_, writer, zone_, [this](const std::string& u) { return contact_of(u); },
      settings.digest_time);
}

ServeTeam::~ServeTeam() {
  stop();
}

events::Status ServeTeam::load() {
  auto st = directory_->catch_up();
  if (!st.ok()) return st;
  return book_->catch_up();
}

std::optional<actors::Contact> ServeTeam::contact_of(const std::string& username) const {
  auto u = directory_->user(username);
  if (!u || u->disabled) return std::nullopt;
  if (telegram_can_send_ && !u->profile.telegram_ids.empty())
    return actors::Contact{"telegram", u->profile.telegram_ids.front(), u->profile.language};
  if (!phone_channel_.empty() && !u->profile.phones.empty()) {
    std::string digits;
    for (char c : u->profile.phones.front())
      if (c >= '0' && c <= '9') digits += c;
    return actors::Contact{phone_channel_, digits, u->profile.language};
  }
  return std::nullopt;
}

actors::LeadDeps ServeTeam::lead_deps() const {
  actors::LeadDeps deps;
  deps.contact_of = [this](const std::string& u) { return contact_of(u); };
  deps.name_of = [this](const std::string& u) {
    auto m = directory_->user(u);
    return m ? m->profile.display_name : std::string();
  };
  return deps;
}

void ServeTeam::attach(actors::Engine& engine,
                       std::shared_ptr<const brain::DetailsExtractor> extractor) {
  engine_ = &engine;
  crm::DeskOptions desk_options{settings_.request_timeout, std::move(extractor), {}};
  // The extractor's calls for the desk are billed like a shopper's turn's,
  // each batch on a stream of its own.
  desk_options.record_calls = [this](const std::vector<domain::llm_usage::Call>& calls) {
    static std::atomic<uint64_t> batch{0};
    const std::string id =
        "desk-" + std::to_string(wall_clock_us()) + "-" + std::to_string(++batch);
    events::AppendRequest append;
    append.stream = {events::llm_codec::kTurnStream, id};
    for (const auto& c : calls) append.events.push_back(events::llm_codec::encode(c, id));
    writer_.submit(std::move(append), [](events::AppendResult) {});
  };
  desk_ = std::make_unique<crm::Desk>(engine, store_, *book_, *directory_, zone_,
                                      std::move(desk_options));
  team_api_ = std::make_unique<http::TeamApiContext>(http::TeamApiContext{
      *service_, auth_, wall_clock_us, settings_.timezone, settings_.team_registration});
  crm_api_ = std::make_unique<http::CrmApiContext>(
      http::CrmApiContext{*desk_, *book_, *directory_, store_, engine, auth_, wall_clock_us,
                          settings_.request_timeout});
  directory_->start_following(std::chrono::milliseconds(200));
  book_->start_following(std::chrono::milliseconds(200));
  timers_->set(kDigestKey, digest_->next_after(wall_clock_us()));
}

void ServeTeam::start_timers() {
  timers_->start();
}

void ServeTeam::register_routes(http::Router& router) {
  http::register_team_api(router, *team_api_);
  http::register_crm_api(router, *crm_api_);
}

void ServeTeam::stop() {
  if (timers_) timers_->stop();
  if (book_) book_->stop_following();
  if (directory_) directory_->stop_following();
}

bool ServeTeam::fire(const std::string& key, int64_t due_us) {
  const int64_t now = std::max(wall_clock_us(), due_us);
  if (key == kDigestKey) {
    bool ok = digest_->send(now);
    if (ok) timers_->set(kDigestKey, digest_->next_after(now));
    return ok;
  }
  if (!engine_) return false;
  // "nudge/<conversation id>/n<k>": a shopper nudge.
  if (key.rfind("nudge/", 0) == 0) {
    const std::string nudge_id = key.substr(6);
    const auto cut = nudge_id.rfind("/n");
    if (cut == std::string::npos) return true;  // not a key this build makes
    auto r = engine_->command(nudge_id.substr(0, cut), actors::FireNudge{nudge_id, now},
                              settings_.request_timeout);
    if (r.ok() || r.error.code == actors::EngineErrc::rejected) return true;
    std::fprintf(stderr, "parley: nudge %s not fired yet: %s\n", key.c_str(),
                 r.error.detail.c_str());
    return false;
  }
  // "follow_up/<lead id>/<step id>": a lead's follow-up step.
  if (key.rfind("follow_up/", 0) != 0) return true;
  const std::string rest = key.substr(10);
  const auto slash = rest.rfind('/');
  if (slash == std::string::npos) return true;
  const std::string lead_id = rest.substr(0, slash), step_id = rest.substr(slash + 1);
  auto r = engine_->lead(lead_id, actors::LeadRequest{domain::lead::FireFollowUp{step_id, now}},
                         settings_.request_timeout);
  if (r.ok()) {
    book_->upsert(r.value.state);
    return true;
  }
  if (r.error.code == actors::EngineErrc::rejected) return true;  // no such step: nothing to do
  std::fprintf(stderr, "parley: follow-up %s not fired yet: %s\n", key.c_str(),
               r.error.detail.c_str());
  return false;
}

std::optional<crm::Principal> ServeTeam::member(const std::string& channel,
                                                const std::string& user_id) const {
  if (channel == "telegram") return directory_->by_telegram(user_id);
  return directory_->by_phone(user_id);
}

std::vector<std::string> ServeTeam::desk(const crm::Principal& who, const std::string& text,
                                         int64_t at_us) {
  if (!desk_) return {"The CRM is starting; please send that again in a moment."};
  return desk_->handle(who, text, at_us);
}

std::vector<std::pair<std::string, std::function<uint64_t()>>> ServeTeam::followers() const {
  return {{"team", [d = directory_.get()] { return d->checkpoint(); }},
          {"leads", [b = book_.get()] { return b->checkpoint(); }}};
}

}  // namespace parley::tools
