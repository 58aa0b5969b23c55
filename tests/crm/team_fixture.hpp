// The team fixture: an in-memory store, an engine with lead entities, the
// team and CRM routes on a Router (no socket), and an injected clock that
// also drives the follow-up timers. Shared by the CRM tests.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "actors/engine.hpp"
#include "brain/lead_words.hpp"
#include "crm/desk.hpp"
#include "crm/digest.hpp"
#include "crm/lead_book.hpp"
#include "crm/team_service.hpp"
#include "crm/timer_scheduler.hpp"
#include "events/delivery_codec.hpp"
#include "events/group_commit_writer.hpp"
#include "events/memory_event_store.hpp"
#include "http/crm_api.hpp"
#include "http/team_api.hpp"

namespace parley {
namespace testing {

using nlohmann::json;
inline const int64_t kMinute = int64_t(60) * 1000000;
// 2026-11-22T10:00:00+05:30
inline const int64_t kStart = int64_t(1795321800) * 1000000;

struct Team : ::testing::Test {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  std::atomic<int64_t> now{kStart};
  std::function<int64_t()> clock = [this] { return now.load(); };
  crm::TimeZone zone = *crm::TimeZone::load("Asia/Kolkata");
  crm::TeamDirectory dir{store};
  std::unique_ptr<actors::Engine> engine;
  crm::TimerScheduler timers{
      clock, [this](const std::string& key, int64_t due) {
        std::string lead, step;
        if (!crm::LeadBook::parse_timer_key(key, &lead, &step)) return true;
        auto r = engine->lead(
            lead, actors::LeadRequest{domain::lead::FireFollowUp{step, std::max(due, now.load())}},
            std::chrono::seconds(5));
        if (r.ok()) book.upsert(r.value.state);
        return r.ok();
      }};
  crm::LeadBook book{store, &timers};
  crm::TeamService service{
      store, writer, dir, clock, {crm::PasswordCost::minimum, std::chrono::hours(1)}};
  std::unique_ptr<crm::Desk> desk;
  http::Router router;
  std::unique_ptr<http::TeamApiContext> team_api;
  std::unique_ptr<http::CrmApiContext> crm_api;

  void SetUp() override {
    actors::EngineOptions o;
    // Every member is reachable on Telegram as their username.
    o.leads.contact_of = [this](const std::string& u) -> std::optional<actors::Contact> {
      auto m = dir.user(u);
      if (!m) return std::nullopt;
      return actors::Contact{"telegram", u, m->profile.language};
    };
    o.leads.name_of = [this](const std::string& u) {
      auto m = dir.user(u);
      return m ? m->profile.display_name : u;
    };
    engine = std::make_unique<actors::Engine>(store, writer, o);
    desk = std::make_unique<crm::Desk>(*engine, store, book, dir, zone);
    http::Authorizer auth("admin-secret", &dir, clock);
    team_api = std::make_unique<http::TeamApiContext>(
        http::TeamApiContext{service, auth, clock, "Asia/Kolkata"});
    crm_api = std::make_unique<http::CrmApiContext>(
        http::CrmApiContext{*desk, book, dir, store, *engine, auth, clock});
    http::register_team_api(router, *team_api);
    http::register_crm_api(router, *crm_api);
  }
  void TearDown() override { engine->shutdown(); }

  http::HttpResponse call(const std::string& method, const std::string& target,
                          const std::string& token, const json& body = nullptr) {
    http::HttpRequest req;
    req.method = method;
    auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) {
      std::string rest = target.substr(q + 1);
      size_t start = 0;
      while (start < rest.size()) {
        auto amp = rest.find('&', start);
        auto pair = rest.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        auto eq = pair.find('=');
        req.query.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
        if (amp == std::string::npos) break;
        start = amp + 1;
      }
    }
    if (!body.is_null()) req.body = body.dump();
    if (!token.empty()) req.headers["authorization"] = "Bearer " + token;
    auto m = router.match(method, req.path);
    EXPECT_EQ(m.kind, http::Router::Match::found) << target;
    if (m.kind != http::Router::Match::found) return {};
    req.path_params = m.params;
    return (*m.handler)(req);
  }

  void add_user(const std::string& username, const std::string& name, const std::string& role,
                const std::string& language = "en") {
    auto r = call("POST", "/api/v1/admin/users", "admin-secret",
                  {{"username", username},
                   {"password", "pass-" + username},
                   {"display_name", name},
                   {"role", role},
                   {"language", language}});
    ASSERT_EQ(r.status, 201) << r.body;
  }

  std::string login(const std::string& username) {
    auto r = call("POST", "/api/v1/auth/login", "",
                  {{"username", username}, {"password", "pass-" + username}});
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).value("token", "");
  }

  // The replies to one CRM message, joined by newlines.
  std::string say(const std::string& token, const std::string& text) {
    json body = json::object();
    body["text"] = text;
    auto r = call("POST", "/api/v1/crm/messages", token, body);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(json::parse(r.body)["replies"].size() > 0) << text << " -> " << r.body;
    std::string out;
    const auto parsed = json::parse(r.body);
    for (const auto& x : parsed["replies"]) out += x["text"].get<std::string>() + "\n";
    return out;
  }

  json lead(const std::string& id) {
    auto r = call("GET", "/api/v1/leads/" + id, "admin-secret");
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }

  // Notifications queued for a member, by reason.
  std::vector<std::string> notifications(const std::string& recipient, const std::string& reason) {
    std::vector<events::EventEnvelope> all;
    store.read_all(1, SIZE_MAX, &all);
    std::vector<std::string> out;
    for (const auto& env : all) {
      if (env.type != events::delivery_codec::kNotificationQueued) continue;
      auto n = events::delivery_codec::decode_notification(env);
      if (n && n->recipient == recipient && n->reason == reason) out.push_back(n->text);
    }
    return out;
  }
};

}  // namespace testing
}  // namespace parley
