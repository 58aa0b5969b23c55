// What the team is told and when: Message Master sequences edited over the
// API shape the follow-ups, a moved meeting reaches the people on it, the
// morning digest goes once per person and day, and follow-ups that fell due
// while the server was down fire exactly once after a restart.
#include "team_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;
using nlohmann::json;

struct Delivery : Team {
  std::string priya;
  void SetUp() override {
    Team::SetUp();
    add_user("priya", "Priya Sharma", "sales");
    add_user("ravi", "Ravi Kumar", "sales");
    priya = login("priya");
  }
  std::string error_code(const http::HttpResponse& r) {
    return json::parse(r.body)["error"]["code"].get<std::string>();
  }
};

TEST_F(Delivery, SequencePutValidatesAndShapesTheFollowUps) {
  const std::string path = "/api/v1/admin/sequences/demo_follow_up";
  // Only an admin edits sequences.
  EXPECT_EQ(call("PUT", path, priya, {{"steps", json::array()}}).status, 403);
  // Each malformed body is a 400 that names the problem, and nothing is saved.
  struct Bad {
    json body;
    std::string code;
  };
  const std::vector<Bad> bad = {
      {{{"send_time", "09:00"}}, "missing_field"},
      {{{"steps", "day 1"}}, "missing_field"},
      {{{"steps", {{{"day", -1}, {"text", "hi"}}}}}, "invalid_field"},
      {{{"steps", {{{"day", 1}}}}}, "invalid_field"},
      {{{"steps", {{{"day", 1}, {"text", "hi"}, {"attachment_url", 5}}}}}, "invalid_field"},
      {{{"steps", {{{"day", 400}, {"text", "hi"}}}}}, "invalid_day"},
      {{{"steps", {{{"day", 1}, {"text", "   "}}}}}, "empty_text"},
      {{{"steps", {{{"day", 1}, {"text", "hi"}, {"attachment_url", "ftp://x"}}}}}, "invalid_url"},
      {{{"steps", {{{"day", 1}, {"text", "hi"}}}}, {"send_time", "25:00"}}, "invalid_send_time"},
  };
  for (const auto& b : bad) {
    auto r = call("PUT", path, "admin-secret", b.body);
    EXPECT_EQ(r.status, 400) << b.body.dump() << " -> " << r.body;
    EXPECT_EQ(error_code(r), b.code) << b.body.dump();
  }
  EXPECT_FALSE(json::parse(call("GET", path, "admin-secret").body)["saved"].get<bool>());

  // A two-step sequence at 09:15, one step with a brochure.
  auto r = call("PUT", path, "admin-secret",
                {{"steps",
                  {{{"day", 2}, {"text", "Here is the proposal we discussed."}},
                   {{"day", 5},
                    {"text", "Any questions on pricing?"},
                    {"attachment_url", "https://example.com/pricing.pdf"}}}},
                 {"send_time", "09:15"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto saved = json::parse(call("GET", path, "admin-secret").body);
  EXPECT_TRUE(saved["saved"].get<bool>());
  EXPECT_EQ(saved["updated_by"], "admin");
  ASSERT_EQ(saved["steps"].size(), 2u);

  // Demo done now follows the edited sequence.
  say(priya, "New lead: Acme Software, John Doe, +91 98765 43210, assign to Ravi");
  auto reply = say(priya, "Demo done for Acme Software");
  EXPECT_NE(reply.find("Tue 24 Nov 09:15"), std::string::npos) << reply;
  EXPECT_EQ(timers.pending(), 2u);
  auto l = lead("acme-software");
  ASSERT_EQ(l["follow_ups"].size(), 2u);
  EXPECT_EQ(l["follow_ups"][1]["attachment_url"], "https://example.com/pricing.pdf");
  // Step 1 falls due on 24 Nov 09:15 IST = 2 days minus 45 minutes from now.
  now = kStart + (2 * 24 * 60 - 45) * kMinute;
  EXPECT_EQ(timers.fire_due(now - kMinute), 0u);
  EXPECT_EQ(timers.fire_due(now), 1u);
  auto sent = notifications("ravi", "follow_up");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_NE(sent[0].find("Here is the proposal we discussed."), std::string::npos) << sent[0];
}

TEST_F(Delivery, MovedMeetingReachesTheOwnerAndTheAttendee) {
  add_user("neha", "Neha Gupta", "sales");
  say(priya, "New lead: Globex, Hank Scorpio, +91 90000 22222, assign to Neha");
  say(priya, "Schedule meeting with Globex on 25 Nov 3pm assigned to Ravi");
  EXPECT_TRUE(notifications("ravi", "appointment_moved").empty());
  auto r = say(priya, "Reschedule meeting for Globex to Friday 4pm");
  EXPECT_NE(r.find("Fri 27 Nov 16:00"), std::string::npos) << "echoes the new time: " << r;
  auto to_ravi = notifications("ravi", "appointment_moved");
  auto to_neha = notifications("neha", "appointment_moved");
  ASSERT_EQ(to_ravi.size(), 1u) << "the person on the meeting";
  ASSERT_EQ(to_neha.size(), 1u) << "the lead's owner";
  EXPECT_NE(to_ravi[0].find("Globex"), std::string::npos) << to_ravi[0];
  EXPECT_NE(to_ravi[0].find("Fri 27 Nov 16:00"), std::string::npos) << to_ravi[0];
  EXPECT_TRUE(notifications("priya", "appointment_moved").empty()) << "not the one who moved it";
  EXPECT_EQ(lead("globex")["appointments"][0]["when"], "2026-11-27T16:00");
}

TEST_F(Delivery, AMeetingOrDemoScheduledForSomeoneElseReachesThemAtOnce) {
  add_user("neha", "Neha Gupta", "sales");
  say(priya, "New lead: Umbrella, Alice Abernathy, +91 90000 44444, assign to Neha");
  say(priya, "Schedule meeting with Umbrella on 25 Nov 3pm assigned to Ravi");
  auto to_ravi = notifications("ravi", "appointment_scheduled");
  ASSERT_EQ(to_ravi.size(), 1u) << "the person it was scheduled for";
  EXPECT_NE(to_ravi[0].find("Umbrella"), std::string::npos) << to_ravi[0];
  EXPECT_NE(to_ravi[0].find("25 Nov 15:00"), std::string::npos) << to_ravi[0];
  EXPECT_NE(to_ravi[0].find("meeting"), std::string::npos) << to_ravi[0];
  say(priya, "Schedule demo for Umbrella on 26 Nov 10am");  // the lead's owner's
  auto to_neha = notifications("neha", "appointment_scheduled");
  ASSERT_EQ(to_neha.size(), 1u);
  EXPECT_NE(to_neha[0].find("demo"), std::string::npos) << to_neha[0];
  say(priya, "Schedule meeting with Umbrella on 27 Nov 10am assigned to Priya");
  EXPECT_TRUE(notifications("priya", "appointment_scheduled").empty()) << "her own: nobody to tell";
  EXPECT_EQ(notifications("ravi", "appointment_scheduled").size(), 1u);
  EXPECT_EQ(notifications("neha", "appointment_scheduled").size(), 1u);
}

TEST_F(Delivery, MorningDigestGoesOncePerPersonAndDay) {
  say(priya, "New lead: Initech, Bill Lumbergh, +91 90000 33333, assign to Ravi");
  say(priya, "Schedule meeting with Initech tomorrow 3pm assigned to Ravi");
  say(priya, "Schedule demo for Initech tomorrow 11am");
  crm::Digest digest(book, dir, writer, zone, [this](const std::string& u) {
    return std::optional<actors::Contact>(actors::Contact{"telegram", u});
  });
  // The next send is tomorrow 08:30 IST.
  const int64_t tomorrow_0830 = kStart + (22 * 60 + 30) * kMinute;
  EXPECT_EQ(digest.next_after(kStart), tomorrow_0830);
  size_t queued = 0;
  ASSERT_TRUE(digest.send(tomorrow_0830, &queued));
  EXPECT_EQ(queued, 1u) << "Ravi has two tasks; Priya has none and gets nothing";
  auto got = notifications("ravi", "digest");
  ASSERT_EQ(got.size(), 1u);
  const auto demo_at = got[0].find("11:00");
  const auto meeting_at = got[0].find("15:00");
  ASSERT_NE(demo_at, std::string::npos) << got[0];
  ASSERT_NE(meeting_at, std::string::npos) << got[0];
  EXPECT_LT(demo_at, meeting_at) << "in time order: " << got[0];
  EXPECT_NE(got[0].find("Initech"), std::string::npos) << got[0];
  // A second run the same day (another process, a restart) queues nothing.
  ASSERT_TRUE(digest.send(tomorrow_0830 + 5 * kMinute, &queued));
  EXPECT_EQ(queued, 0u);
  EXPECT_EQ(notifications("ravi", "digest").size(), 1u);
  EXPECT_TRUE(notifications("priya", "digest").empty());
}

TEST_F(Delivery, OverdueFollowUpsFireOnceAfterARestart) {
  say(priya, "New lead: Umbrella, Alice, +91 90000 44444, assign to Ravi");
  say(priya, "Demo done for Umbrella");
  ASSERT_EQ(timers.pending(), 3u);
  // The server is down from now until day 4: steps 1 (day 1) and 2 (day 3)
  // are overdue when it comes back, step 3 (day 7) is not.
  engine->shutdown();
  now = kStart + 4 * 24 * 60 * kMinute;

  // A new process: its own engine, timers and lead book, folded from the log.
  actors::EngineOptions o;
  o.leads.contact_of = [this](const std::string& u) -> std::optional<actors::Contact> {
    return actors::Contact{"telegram", u};
  };
  auto engine2 = std::make_unique<actors::Engine>(store, writer, o);
  crm::LeadBook* book2_ptr = nullptr;
  crm::TimerScheduler timers2{
      clock, [&](const std::string& key, int64_t due) {
        std::string id, step;
        if (!crm::LeadBook::parse_timer_key(key, &id, &step)) return true;
        auto r = engine2->lead(
            id, actors::LeadRequest{domain::lead::FireFollowUp{step, std::max(due, now.load())}},
            std::chrono::seconds(5));
        if (r.ok()) book2_ptr->upsert(r.value.state);
        return r.ok();
      }};
  crm::LeadBook book2{store, &timers2};
  book2_ptr = &book2;
  ASSERT_TRUE(book2.catch_up().ok());
  EXPECT_EQ(timers2.pending(), 3u) << "the timers come back from the log";
  EXPECT_EQ(timers2.fire_due(now), 2u) << "both overdue steps fire";
  EXPECT_EQ(timers2.fire_due(now), 0u);
  EXPECT_EQ(timers2.pending(), 1u);
  EXPECT_EQ(notifications("ravi", "follow_up").size(), 2u);

  // A third process started from the same log finds nothing left to send.
  crm::TimerScheduler timers3{clock, [](const std::string&, int64_t) { return true; }};
  crm::LeadBook book3{store, &timers3};
  ASSERT_TRUE(book3.catch_up().ok());
  EXPECT_EQ(timers3.pending(), 1u) << "only step 3 is still pending";
  engine2->shutdown();
}

}  // namespace
}  // namespace parley
