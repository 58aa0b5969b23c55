// A sales team's session through the HTTP handlers (no socket), in English
// and in Hinglish: intake, qualification with the missing-field question,
// meeting, demo, demo done -> follow-ups, a step firing under an injected
// clock, reassignment, closing, and the history. Then the auth rules.
#include "team_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;
using nlohmann::json;

struct Script {
  std::string create, create_other, qualify, details, meeting, demo, demo_done, reassign, history;
  std::string company, lead_id, meeting_local, demo_local;
};

// "2026-11-25T15:00" as the replies write it: "Wed 25 Nov 15:00".
std::string brain_time(const std::string& local) {
  return brain::human_local_time("en", local);
}

void run_session(Team& t, const Script& s) {
  t.add_user("priya", "Priya Sharma", "sales");
  t.add_user("ravi", "Ravi Kumar", "sales");
  t.add_user("neha", "Neha Gupta", "sales");
  auto priya = t.login("priya");

  auto r = t.say(priya, s.create);
  EXPECT_NE(r.find(s.company), std::string::npos) << r;
  EXPECT_NE(r.find("Ravi Kumar"), std::string::npos) << "echoes the assignee: " << r;
  EXPECT_EQ(t.notifications("ravi", "lead_assigned").size(), 1u) << "the new owner is told";
  t.say(priya, s.create_other);

  // Two leads fit the short name: the desk asks, the member picks.
  r = t.say(priya, s.qualify);
  ASSERT_NE(r.find("Which one"), std::string::npos) << r;
  r = t.say(priya, s.company);
  EXPECT_NE(r.find("qualified"), std::string::npos) << r;
  EXPECT_NE(r.find("turnover"), std::string::npos) << "asks for what is missing: " << r;
  r = t.say(priya, s.details);
  EXPECT_NE(r.find("updated"), std::string::npos) << r;
  auto l = t.lead(s.lead_id);
  EXPECT_TRUE(l["qualified"].get<bool>());
  EXPECT_TRUE(l["details"].contains("turnover")) << l.dump();
  EXPECT_TRUE(l["details"].contains("current_system")) << l.dump();

  r = t.say(priya, s.meeting);
  EXPECT_NE(r.find(brain_time(s.meeting_local)), std::string::npos) << r;
  r = t.say(priya, s.demo);
  EXPECT_NE(r.find(brain_time(s.demo_local)), std::string::npos) << r;
  l = t.lead(s.lead_id);
  ASSERT_EQ(l["appointments"].size(), 2u);
  EXPECT_EQ(l["appointments"][0]["when"], s.meeting_local);
  EXPECT_EQ(l["appointments"][1]["when"], s.demo_local);

  // Demo done: the default sequence (days 1, 3, 7 at 10:00) becomes timers.
  r = t.say(priya, s.demo_done);
  EXPECT_NE(r.find("Follow-ups scheduled"), std::string::npos) << r;
  EXPECT_NE(r.find("Mon 23 Nov 10:00"), std::string::npos) << r;
  EXPECT_EQ(t.timers.pending(), 3u);

  r = t.say(priya, s.reassign);
  EXPECT_NE(r.find("Neha Gupta"), std::string::npos) << r;
  EXPECT_EQ(t.notifications("neha", "lead_assigned").size(), 1u);
  EXPECT_EQ(t.notifications("ravi", "lead_reassigned").size(), 1u) << "the old owner is told";

  // The clock reaches step 1 (23 Nov 10:00 IST): it fires once, to the new owner.
  l = t.lead(s.lead_id);
  const std::string step1_text = l["follow_ups"][0]["text"];
  t.now = kStart + 24 * 60 * kMinute;
  EXPECT_EQ(t.timers.fire_due(t.now - kMinute), 0u) << "not due a minute early";
  EXPECT_EQ(t.timers.fire_due(t.now), 1u);
  EXPECT_EQ(t.timers.fire_due(t.now), 0u);
  auto sent = t.notifications("neha", "follow_up");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_NE(sent[0].find(step1_text), std::string::npos) << "the exact text to forward";
  EXPECT_EQ(t.lead(s.lead_id)["follow_ups"][0]["state"], "sent");
  priya = t.login("priya");  // the clock moved past the token's hour

  // Closed: the next step is skipped when it falls due.
  r = t.say(priya, s.company + " lost");
  EXPECT_NE(r.find("lost"), std::string::npos) << r;
  t.now = kStart + 3 * 24 * 60 * kMinute;
  EXPECT_EQ(t.timers.fire_due(t.now), 1u);
  priya = t.login("priya");
  l = t.lead(s.lead_id);
  EXPECT_EQ(l["follow_ups"][1]["state"], "skipped");
  EXPECT_EQ(l["follow_ups"][1]["skip_reason"], "lead_lost");
  EXPECT_EQ(t.notifications("neha", "follow_up").size(), 1u);

  // The history: every event, in order, with who, in words.
  auto h = t.call("GET", "/api/v1/leads/" + s.lead_id + "/history", priya);
  ASSERT_EQ(h.status, 200) << h.body;
  std::vector<std::string> lines;
  const auto history = json::parse(h.body);
  for (const auto& e : history["history"])
    lines.push_back(e["by_name"].get<std::string>() + ": " + e["text"].get<std::string>());
  const std::vector<std::string> expected_starts = {
      "Priya Sharma: Lead created for " + s.company,
      "Priya Sharma: Marked qualified",
      "Priya Sharma: Details updated",
      "Priya Sharma: Meeting scheduled for",
      "Priya Sharma: Demo scheduled for",
      "Priya Sharma: Demo done",
      "Priya Sharma: Follow-up 1",
      "Priya Sharma: Follow-up 2",
      "Priya Sharma: Follow-up 3",
      "Priya Sharma: Reassigned from Ravi Kumar to Neha Gupta",
      "Parley: Follow-up 1 sent to Neha Gupta",
      "Priya Sharma: Status changed",
      "Parley: Follow-up 2 skipped"};
  ASSERT_EQ(lines.size(), expected_starts.size()) << h.body;
  for (size_t i = 0; i < lines.size(); ++i)
    EXPECT_EQ(lines[i].rfind(expected_starts[i], 0), 0u) << lines[i];
  r = t.say(priya, s.history);
  EXPECT_NE(r.find("Reassigned from Ravi Kumar to Neha Gupta"), std::string::npos) << r;

  // Tasks: the meeting is on Ravi's list for its day.
  auto tasks =
      t.call("GET", "/api/v1/tasks?assignee=ravi&from=" + s.meeting_local.substr(0, 10), priya);
  ASSERT_EQ(tasks.status, 200) << tasks.body;
  EXPECT_EQ(json::parse(tasks.body)["tasks"].size(), 0u) << "the lead is lost: no open tasks";
}

TEST_F(Team, EnglishSession) {
  run_session(*this,
              {"New lead: Acme Software, John Doe, +91 98765 43210, source website, assign to Ravi",
               "New lead: Acme Logistics, Jane Roe, +91 90000 11111", "Lead qualified for Acme",
               "turnover 5 crore, current system Tally, challenges manual billing, address MG Road "
               "Bengaluru",
               "Schedule meeting with Acme Software on 25 Nov 3pm assigned to Ravi",
               "Schedule demo for Acme Software tomorrow 11am",
               "Demo done for Acme Software. They liked the reports.",
               "Reassign Acme Software to Neha", "history of Acme Software", "Acme Software",
               "acme-software", "2026-11-25T15:00", "2026-11-23T11:00"});
}

TEST_F(Team, HinglishSession) {
  run_session(
      *this,
      {"naya lead: Sharma Traders, Rakesh Sharma, +91 99887 76655, source website, Ravi ko assign "
       "karo",
       "naya lead: Sharma Textiles, Mahesh Joshi, +91 98290 11223", "Sharma qualified ho gaya",
       "turnover 8 crore, current system Busy, challenges GST filing mein delay",
       "Sharma Traders ke saath 25 Nov 3 baje meeting schedule karo, Ravi ko assign karo",
       "Sharma Traders ka demo kal 11 baje rakh do",
       "Sharma Traders ka demo ho gaya, inventory module pasand aaya",
       "Sharma Traders ka lead Neha ko de do", "Sharma Traders ki history dikhao", "Sharma Traders",
       "sharma-traders", "2026-11-25T15:00", "2026-11-23T11:00"});
}

TEST_F(Team, AuthRules) {
  add_user("priya", "Priya Sharma", "sales");
  add_user("anita", "Anita Rao", "analyst");
  // Wrong password, unknown user: the same 401.
  auto r =
      call("POST", "/api/v1/auth/login", "", {{"username", "priya"}, {"password", "nope-nope"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("invalid_credentials"), std::string::npos);
  r = call("POST", "/api/v1/auth/login", "", {{"username", "ghost"}, {"password", "nope-nope"}});
  EXPECT_EQ(r.status, 401);
  // No token, a made-up token.
  EXPECT_EQ(call("GET", "/api/v1/leads", "").status, 401);
  EXPECT_EQ(call("GET", "/api/v1/leads", "plt_made_up").status, 401);
  // Wrong role: an analyst reads leads but may not send CRM commands or manage users.
  const auto anita = login("anita");
  EXPECT_EQ(call("GET", "/api/v1/leads", anita).status, 200);
  EXPECT_EQ(call("POST", "/api/v1/crm/messages", anita, {{"text", "my tasks"}}).status, 403);
  const auto priya = login("priya");
  EXPECT_EQ(call("GET", "/api/v1/admin/users", priya).status, 403);
  // Expired: the injected clock passes the token's hour.
  now = kStart + 61 * kMinute;
  r = call("GET", "/api/v1/auth/me", priya);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("token_expired"), std::string::npos);
  // Revoked by logout.
  const auto fresh = login("priya");
  EXPECT_EQ(call("GET", "/api/v1/auth/me", fresh).status, 200);
  EXPECT_EQ(call("POST", "/api/v1/auth/logout", fresh).status, 200);
  r = call("GET", "/api/v1/auth/me", fresh);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("token_revoked"), std::string::npos);
  // Disabled: the live token stops working and login is refused.
  const auto before = login("priya");
  EXPECT_EQ(call("PATCH", "/api/v1/admin/users/priya", "admin-secret", {{"disabled", true}}).status,
            200);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", before).status, 401);
  r = call("POST", "/api/v1/auth/login", "", {{"username", "priya"}, {"password", "pass-priya"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("user_disabled"), std::string::npos);
  // Nothing in the log holds a password or a token in clear.
  std::vector<events::EventEnvelope> all;
  store.read_all(1, SIZE_MAX, &all);
  for (const auto& e : all) {
    EXPECT_EQ(e.payload.find("pass-priya"), std::string::npos) << e.payload;
    EXPECT_EQ(e.payload.find(before), std::string::npos) << e.payload;
  }
  // Bad input is a clear 400.
  r = call("POST", "/api/v1/admin/users", "admin-secret", {{"username", "x"}});
  EXPECT_EQ(r.status, 400);
  r = call("POST", "/api/v1/admin/users", "admin-secret",
           {{"username", "Bad Name"}, {"password", "long-enough"}, {"role", "sales"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("invalid_username"), std::string::npos);
}

}  // namespace
}  // namespace parley
