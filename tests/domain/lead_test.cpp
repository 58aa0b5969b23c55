// Given/when/then for the lead, user and sequence deciders.
#include "domain/lead.hpp"
#include "domain/limits.hpp"

#include <gtest/gtest.h>

#include "domain/sequence.hpp"
#include "domain/user.hpp"

namespace parley::domain {
namespace {

namespace lt {
using namespace lead;

const int64_t kDay = int64_t(86400) * 1000000;

State given(const std::vector<Event>& events) {
  State s = initial_state("acme-corp");
  for (const auto& e : events) s = evolve(std::move(s), e);
  return s;
}

std::vector<Event> when(const State& s, const Command& c) {
  auto r = decide(s, c);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : to_string(r.error()));
  return r.ok() ? r.value() : std::vector<Event>{};
}

Error refused(const State& s, const Command& c) {
  auto r = decide(s, c);
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error{} : r.error();
}

const Created kCreated{"acme-corp", "Acme Corp", "John", "+919876543210", "", "website",
                       "ravi",      "priya",     100};

TEST(LeadDecider, CreateRecordsWhoAndWhat) {
  auto events = when(
      given({}), Create{"Acme Corp", "John", "+919876543210", "", "website", "ravi", "priya", 100});
  ASSERT_EQ(events.size(), 1u);
  const auto& c = std::get<Created>(events[0]);
  EXPECT_EQ(c.company, "Acme Corp");
  EXPECT_EQ(c.assignee, "ravi");
  EXPECT_EQ(c.creator, "priya");
  EXPECT_EQ(refused(given({kCreated}), Create{"Acme", "", "", "", "", "ravi", "priya", 1}),
            Error::already_exists);
  EXPECT_EQ(refused(given({}), Create{"", "", "", "", "", "ravi", "priya", 1}),
            Error::missing_company);
}

TEST(LeadDecider, AContactThatIsNotUtf8OrTooLongIsRefused) {
  EXPECT_EQ(refused(given({}), Create{"Acme", "\xC3\x28", "", "", "", "ravi", "priya", 1}),
            Error::invalid_contact);
  EXPECT_EQ(refused(given({}), Create{"Acme", "", "", std::string(kMaxTextBytes + 1, 'a'), "",
                                      "ravi", "priya", 1}),
            Error::invalid_contact);
}

TEST(LeadDecider, CommandsOnAMissingLeadAreRefused) {
  EXPECT_EQ(refused(given({}), Qualify{"priya", 1}), Error::not_found);
  EXPECT_EQ(refused(given({}), AddActivity{"called", "priya", 1}), Error::not_found);
}

TEST(LeadDecider, ReassignToTheSameOwnerChangesNothing) {
  auto s = given({kCreated});
  EXPECT_TRUE(when(s, Assign{"ravi", "priya", 2}).empty());
  auto events = when(s, Assign{"neha", "priya", 2});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<Assigned>(events[0]).from, "ravi");
  EXPECT_EQ(given({kCreated, events[0]}).assignee, "neha");
}

TEST(LeadDecider, DetailsRecordOnlyWhatChanged) {
  auto s = given({kCreated, DetailsUpdated{{{"turnover", "5 crore"}}, "priya", 2}});
  auto events =
      when(s, UpdateDetails{{{"turnover", "5 crore"}, {"current_system", "Tally"}}, "priya", 3});
  ASSERT_EQ(events.size(), 1u);
  const auto& d = std::get<DetailsUpdated>(events[0]);
  EXPECT_EQ(d.fields.size(), 1u);
  EXPECT_EQ(d.fields.at("current_system"), "Tally");
  EXPECT_TRUE(when(s, UpdateDetails{{{"turnover", "5 crore"}}, "priya", 3}).empty());
}

TEST(LeadDecider, RescheduleMovesTheOpenAppointmentAndNeedsOne) {
  auto s = given({kCreated});
  EXPECT_EQ(refused(s, Reschedule{AppointmentKind::demo, "2026-11-28T10:30", 9, "priya", 3}),
            Error::no_appointment);
  auto scheduled =
      when(s, Schedule{AppointmentKind::demo, "2026-11-23T11:00", 5, "", "", "priya", 2});
  s = given({kCreated, scheduled[0]});
  EXPECT_EQ(s.status, "demo_scheduled");
  EXPECT_EQ(s.appointments[0].assignee, "ravi");  // the owner when none is named
  auto moved = when(s, Reschedule{AppointmentKind::demo, "2026-11-28T10:30", 9, "priya", 3});
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(std::get<AppointmentRescheduled>(moved[0]).from_local, "2026-11-23T11:00");
  EXPECT_EQ(refused(s, Schedule{AppointmentKind::meeting, "", 0, "", "", "priya", 3}),
            Error::missing_time);
}

TEST(LeadDecider, DemoDoneSchedulesTheSequenceAndSupersedesTheOldOne) {
  auto s = given({kCreated});
  MarkDone done{AppointmentKind::demo,
                "liked it",
                {{"seq", 1, 10 * kDay, "one", ""}, {"seq", 2, 12 * kDay, "two", "https://x/y.pdf"}},
                "priya",
                5 * kDay};
  auto events = when(s, done);
  ASSERT_EQ(events.size(), 3u);  // done + 2 steps
  EXPECT_TRUE(std::holds_alternative<AppointmentDone>(events[0]));
  const auto& step = std::get<FollowUpScheduled>(events[2]).step;
  EXPECT_EQ(step.index, 2u);
  EXPECT_EQ(step.attachment_url, "https://x/y.pdf");
  s = given({kCreated, events[0], events[1], events[2]});
  EXPECT_EQ(s.status, "demo_done");
  // A second demo done: the pending steps of the first are skipped as superseded.
  auto again = when(s, done);
  int skipped = 0;
  for (const auto& e : again)
    if (auto* k = std::get_if<FollowUpSkipped>(&e)) {
      EXPECT_EQ(k->reason, "superseded");
      ++skipped;
    }
  EXPECT_EQ(skipped, 2);
}

TEST(LeadDecider, AFollowUpFiresOnceWhenDueToTheCurrentOwner) {
  auto s = given({kCreated});
  auto events = when(
      s,
      MarkDone{AppointmentKind::demo, "", {{"seq", 1, 10 * kDay, "one", ""}}, "priya", 5 * kDay});
  s = given({kCreated, events[0], events[1], Assigned{"ravi", "neha", "priya", 6 * kDay}});
  const auto id = s.follow_ups[0].step_id;
  EXPECT_TRUE(when(s, FireFollowUp{id, 9 * kDay}).empty()) << "not due yet";
  auto fired = when(s, FireFollowUp{id, 10 * kDay});
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(std::get<FollowUpSent>(fired[0]).to, "neha");  // follows the reassignment
  s = evolve(s, fired[0]);
  EXPECT_TRUE(when(s, FireFollowUp{id, 11 * kDay}).empty()) << "a second fire acts no more";
  EXPECT_EQ(refused(s, FireFollowUp{"nope", 11 * kDay}), Error::unknown_step);
}

TEST(LeadDecider, AClosedLeadSkipsItsFollowUps) {
  auto s = given({kCreated});
  auto events = when(
      s,
      MarkDone{AppointmentKind::demo, "", {{"seq", 1, 10 * kDay, "one", ""}}, "priya", 5 * kDay});
  s = given({kCreated, events[0], events[1], StatusChanged{"demo_done", "lost", "priya", 6}});
  auto fired = when(s, FireFollowUp{s.follow_ups[0].step_id, 10 * kDay});
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(std::get<FollowUpSkipped>(fired[0]).reason, "lead_lost");
  // And a demo done on a closed lead schedules nothing.
  auto later = when(
      s, MarkDone{AppointmentKind::demo, "", {{"seq", 1, 20 * kDay, "x", ""}}, "priya", 15 * kDay});
  EXPECT_EQ(later.size(), 1u);
  EXPECT_EQ(refused(s, ChangeStatus{"maybe", "priya", 7}), Error::invalid_status);
}

}  // namespace lt

TEST(UserDecider, TokensExpireAreRevokedAndDieWithPasswordOrDisable) {
  using namespace user;
  State s = initial_state("priya");
  auto created =
      decide(s, Create{"priya", {"Priya", Role::sales, {"+91 98765-43210"}, {}}, "h", "admin", 1});
  ASSERT_TRUE(created.ok());
  s = evolve(s, created.value()[0]);
  EXPECT_EQ(s.profile.phones[0], "+919876543210");
  s = evolve(s, TokenIssued{"t1", 100, 10});
  EXPECT_EQ(check_token(s, "t1", 50), TokenCheck::ok);
  EXPECT_EQ(check_token(s, "t1", 100), TokenCheck::expired);
  EXPECT_EQ(check_token(s, "t2", 50), TokenCheck::unknown);
  s = evolve(s, TokenIssued{"t2", 1000, 20});
  s = evolve(s, TokenRevoked{"t2", "priya", 30});
  EXPECT_EQ(check_token(s, "t2", 50), TokenCheck::revoked);
  s = evolve(s, TokenIssued{"t3", 1000, 40});
  s = evolve(s, PasswordChanged{"h2", "admin", 50});
  EXPECT_EQ(check_token(s, "t3", 60), TokenCheck::revoked);
  s = evolve(s, TokenIssued{"t4", 1000, 70});
  auto off = decide(s, SetDisabled{true, "admin", 80});
  ASSERT_TRUE(off.ok());
  s = evolve(s, off.value()[0]);
  EXPECT_EQ(check_token(s, "t4", 90), TokenCheck::disabled);
  auto issue = decide(s, IssueToken{"t5", 1000, 90});
  ASSERT_FALSE(issue.ok());
  EXPECT_EQ(issue.error(), Error::user_disabled);
  auto bad =
      decide(initial_state("x"), Create{"Bad Name", {"X", Role::sales, {}, {}}, "h", "a", 1});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error(), Error::invalid_username);
  auto phone =
      decide(initial_state("x"), Create{"x1", {"X", Role::sales, {"12"}, {}}, "h", "a", 1});
  ASSERT_FALSE(phone.ok());
  EXPECT_EQ(phone.error(), Error::invalid_phone);
}

TEST(SequenceDecider, ValidatesSteps) {
  using namespace sequence;
  auto s = initial_state("demo_follow_up");
  EXPECT_TRUE(decide(s, Save{{{1, "hi", ""}}, "10:00", "admin", 1}).ok());
  EXPECT_EQ(decide(s, Save{{{1, "  ", ""}}, "10:00", "admin", 1}).error(), Error::empty_text);
  EXPECT_EQ(decide(s, Save{{{400, "x", ""}}, "10:00", "admin", 1}).error(), Error::invalid_day);
  EXPECT_EQ(decide(s, Save{{{1, "x", "ftp://x"}}, "10:00", "admin", 1}).error(),
            Error::invalid_url);
  EXPECT_EQ(decide(s, Save{{{1, "x", ""}}, "25:00", "admin", 1}).error(), Error::invalid_send_time);
  EXPECT_EQ(decide(initial_state("Bad Name"), Save{{}, "10:00", "a", 1}).error(),
            Error::invalid_name);
}

}  // namespace
}  // namespace parley::domain
