// A lead's events in words, in the language of the member who reads them:
// English as it always was, and es, ru, id, hi (Hinglish) of their own.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "brain/lead_words.hpp"

namespace parley::brain {
namespace {

namespace lead = domain::lead;

const std::vector<std::string> kOtherLanguages = {"es", "ru", "id", "hi"};

std::string display_name(const std::string& username) {
  if (username == "ravi") return "Ravi Kumar";
  if (username == "neha") return "Neha Gupta";
  if (username == "priya") return "Priya Sharma";
  return "";
}

lead::Appointment demo_at_three() {
  lead::Appointment a;
  a.id = "demo-1";
  a.kind = lead::AppointmentKind::demo;
  a.when_local = "2026-11-25T15:00";
  a.assignee = "ravi";
  return a;
}

lead::FollowUp second_step() {
  lead::FollowUp f;
  f.step_id = "after-demo#demo-1#2";
  f.sequence = "after-demo";
  f.index = 2;
  f.text = "Hello John, here is the price list.";
  return f;
}

// Acme with a demo on Wed 25 Nov 15:00 and a second follow-up step pending.
lead::State acme() {
  lead::State s;
  s.id = "lead-1";
  s.exists = true;
  s.company = "Acme Corp";
  s.contact_name = "John Doe";
  s.phone = "+91 98765 43210";
  s.assignee = "ravi";
  s.status = "demo_scheduled";
  s.appointments = {demo_at_three()};
  s.follow_ups = {second_step()};
  return s;
}

lead::Event demo_scheduled() {
  return lead::AppointmentScheduled{demo_at_three(), "priya", 0};
}

lead::AppointmentRescheduled demo_moved() {
  return lead::AppointmentRescheduled{"demo-1", "2026-11-25T15:00", "2026-11-26T11:00", 0, "priya",
                                      0};
}

std::string in(const std::string& language, const lead::Event& e) {
  return describe(language, e, acme(), display_name);
}

TEST(LeadWords, GivenAnEnglishMemberWhenALeadIsCreatedThenTheLineIsAsBefore) {
  lead::Created c{"lead-1", "Acme Corp", "John Doe", "+91 98765 43210", "john@acme.test", "website",
                  "ravi",   "priya",     0};
  EXPECT_EQ(in("en", c),
            "Lead created for Acme Corp, contact John Doe, +91 98765 43210, john@acme.test, "
            "source website; assigned to Ravi Kumar");
  EXPECT_EQ(in("en", lead::Created{"lead-2", "Beta", "", "", "", "", "", "priya", 0}),
            "Lead created for Beta; assigned to nobody");
}

TEST(LeadWords, GivenAnEnglishMemberWhenAppointmentsChangeThenTheLinesAreAsBefore) {
  EXPECT_EQ(in("en", demo_scheduled()), "Demo scheduled for Wed 25 Nov 15:00 with Ravi Kumar");
  EXPECT_EQ(in("en", demo_moved()), "Demo moved from Wed 25 Nov 15:00 to Thu 26 Nov 11:00");
  EXPECT_EQ(in("en", lead::AppointmentDone{"demo-1", lead::AppointmentKind::demo, "went well",
                                           "ravi", 0}),
            "Demo done: went well");
  EXPECT_EQ(in("en", lead::AppointmentCancelled{"demo-1", "", "ravi", 0}),
            "Demo of Wed 25 Nov 15:00 cancelled");
  EXPECT_EQ(in("en", lead::AppointmentCancelled{"meeting-9", "client ill", "ravi", 0}),
            "Appointment of meeting-9 cancelled: client ill");
}

TEST(LeadWords, GivenAnEnglishMemberWhenTheLeadMovesOnThenTheLinesAreAsBefore) {
  EXPECT_EQ(in("en", lead::Assigned{"ravi", "neha", "priya", 0}),
            "Reassigned from Ravi Kumar to Neha Gupta");
  EXPECT_EQ(in("en", lead::Qualified{"ravi", 0}), "Marked qualified");
  EXPECT_EQ(
      in("en",
         lead::DetailsUpdated{{{"current_system", "Tally"}, {"turnover", "5 crore"}}, "ravi", 0}),
      "Details updated: current system Tally; turnover 5 crore");
  EXPECT_EQ(in("en", lead::ActivityAdded{"called the client", "ravi", 0}),
            "Note: called the client");
  EXPECT_EQ(in("en", lead::StatusChanged{"demo_scheduled", "won", "ravi", 0}),
            "Status changed from demo scheduled to won");
  EXPECT_EQ(in("en", lead::FollowUpScheduled{second_step(), "ravi", 0}),
            "Follow-up 2 (after-demo) scheduled: \"Hello John, here is the price list.\"");
  EXPECT_EQ(in("en", lead::FollowUpSent{"after-demo#demo-1#2", "neha", 0}),
            "Follow-up 2 sent to Neha Gupta to forward");
  EXPECT_EQ(in("en", lead::FollowUpSkipped{"after-demo#demo-1#2", "lead_won", 0}),
            "Follow-up 2 skipped (lead won)");
}

TEST(LeadWords, GivenAnEnglishMemberWhenNotifiedThenTheTextsAreAsBefore) {
  EXPECT_EQ(assigned_to_you("en", acme(), "Priya Sharma"),
            "New lead for you: Acme Corp, John Doe, +91 98765 43210 (from Priya Sharma).");
  EXPECT_EQ(taken_from_you("en", acme(), "Neha Gupta", "Priya Sharma"),
            "Lead Acme Corp is now with Neha Gupta (changed by Priya Sharma).");
  EXPECT_EQ(appointment_moved("en", acme(), demo_moved(), "Priya Sharma"),
            "The demo with Acme Corp moved from Wed 25 Nov 15:00 to Thu 26 Nov 11:00 (by Priya "
            "Sharma).");
  EXPECT_EQ(follow_up_due("en", acme(), second_step(), 3),
            "Follow-up 2 of 3 for Acme Corp (John Doe, +91 98765 43210). Forward this to the "
            "client:\n\nHello John, here is the price list.");
}

TEST(LeadWords, GivenASpanishMemberWhenADemoIsScheduledThenTheLineIsInSpanish) {
  EXPECT_EQ(in("es", demo_scheduled()), "Demo programada para el mié 25 nov 15:00 con Ravi Kumar");
}

TEST(LeadWords, GivenARussianMemberWhenADemoIsScheduledThenTheLineIsInRussian) {
  EXPECT_EQ(in("ru", demo_scheduled()),
            "Демо назначено на ср 25 ноя 15:00, ответственный: Ravi Kumar");
}

TEST(LeadWords, GivenAnIndonesianMemberWhenADemoIsScheduledThenTheLineIsInIndonesian) {
  EXPECT_EQ(in("id", demo_scheduled()), "Demo dijadwalkan pada Rab 25 Nov 15:00 dengan Ravi Kumar");
}

TEST(LeadWords, GivenAHinglishMemberWhenADemoIsScheduledThenTheLineIsInHinglish) {
  EXPECT_EQ(in("hi", demo_scheduled()),
            "Demo Wed 25 Nov 15:00 ke liye schedule hua, Ravi Kumar ke saath");
}

TEST(LeadWords, GivenEachLanguageWhenADemoIsScheduledThenEachSaysItInItsOwnWordsWithNameAndDate) {
  std::set<std::string> seen = {in("en", demo_scheduled())};
  for (const auto& language : kOtherLanguages) {
    const std::string line = in(language, demo_scheduled());
    EXPECT_FALSE(line.empty()) << language;
    EXPECT_NE(line.find("Ravi Kumar"), std::string::npos) << language << ": " << line;
    EXPECT_NE(line.find(human_local_time(language, "2026-11-25T15:00")), std::string::npos)
        << language << ": " << line;
    EXPECT_TRUE(seen.insert(line).second) << language << " repeats another language: " << line;
  }
}

TEST(LeadWords, GivenEachLanguageWhenADemoIsMovedThenTheNotificationNamesTheLeadTheTimesAndWho) {
  std::set<std::string> seen = {appointment_moved("en", acme(), demo_moved(), "Priya Sharma")};
  for (const auto& language : kOtherLanguages) {
    const std::string text = appointment_moved(language, acme(), demo_moved(), "Priya Sharma");
    for (const std::string& part : {std::string("Acme Corp"), std::string("Priya Sharma"),
                                    human_local_time(language, "2026-11-25T15:00"),
                                    human_local_time(language, "2026-11-26T11:00")})
      EXPECT_NE(text.find(part), std::string::npos)
          << language << " lacks " << part << ": " << text;
    EXPECT_TRUE(seen.insert(text).second) << language << " repeats another language: " << text;
  }
}

TEST(LeadWords, GivenEachLanguageWhenNotifiedThenNoTextIsLeftInEnglish) {
  for (const auto& language : kOtherLanguages) {
    EXPECT_NE(assigned_to_you(language, acme(), "Priya Sharma"),
              assigned_to_you("en", acme(), "Priya Sharma"))
        << language;
    EXPECT_NE(taken_from_you(language, acme(), "Neha Gupta", "Priya Sharma"),
              taken_from_you("en", acme(), "Neha Gupta", "Priya Sharma"))
        << language;
    const std::string due = follow_up_due(language, acme(), second_step(), 3);
    EXPECT_NE(due, follow_up_due("en", acme(), second_step(), 3)) << language;
    EXPECT_NE(due.find("Hello John, here is the price list."), std::string::npos) << due;
    EXPECT_NE(in(language, lead::Created{"lead-2", "Beta", "", "", "", "", "", "priya", 0}),
              "Lead created for Beta; assigned to nobody")
        << language;
  }
}

TEST(LeadWords, GivenAnUnknownLanguageWhenWordsAreAskedThenTheyAreEnglish) {
  for (const std::string language : {"fr", "", "EN"}) {
    EXPECT_EQ(in(language, demo_scheduled()), in("en", demo_scheduled())) << language;
    EXPECT_EQ(in(language, demo_moved()), in("en", demo_moved())) << language;
    EXPECT_EQ(human_local_time(language, "2026-11-25T15:00"), "Wed 25 Nov 15:00") << language;
    EXPECT_EQ(field_label(language, "current_system"), "current system") << language;
    EXPECT_EQ(assigned_to_you(language, acme(), "Priya Sharma"),
              assigned_to_you("en", acme(), "Priya Sharma"))
        << language;
  }
}

TEST(LeadWords, GivenEachLanguageWhenATimeIsMadeHumanThenItUsesItsOwnDayAndMonthNames) {
  EXPECT_EQ(human_local_time("en", "2026-11-25T15:00"), "Wed 25 Nov 15:00");
  EXPECT_EQ(human_local_time("es", "2026-11-25T15:00"), "mié 25 nov 15:00");
  EXPECT_EQ(human_local_time("ru", "2026-11-25T15:00"), "ср 25 ноя 15:00");
  EXPECT_EQ(human_local_time("id", "2026-11-25T15:00"), "Rab 25 Nov 15:00");
  EXPECT_EQ(human_local_time("hi", "2026-11-25T15:00"), "Wed 25 Nov 15:00");
  EXPECT_EQ(human_local_time("ru", "2026-05-04T09:30"), "пн 4 мая 09:30");
  EXPECT_EQ(human_local_time("id", "2026-08-16T08:05"), "Min 16 Agu 08:05");
}

TEST(LeadWords, GivenTextThatIsNoDateWhenMadeHumanThenItComesBackUnchanged) {
  for (const std::string language : {"en", "es", "ru", "id", "hi", "fr"}) {
    EXPECT_EQ(human_local_time(language, "tomorrow 3pm"), "tomorrow 3pm") << language;
    EXPECT_EQ(human_local_time(language, ""), "") << language;
    EXPECT_EQ(human_local_time(language, "2026-11-25"), "2026-11-25") << language;
  }
}

TEST(LeadWords, GivenAKnownFieldOrStatusWhenLabelledThenEachLanguageHasItsOwnLabel) {
  EXPECT_EQ(field_label("en", "current_system"), "current system");
  EXPECT_EQ(field_label("es", "current_system"), "sistema actual");
  EXPECT_EQ(field_label("ru", "current_system"), "текущая система");
  EXPECT_EQ(field_label("id", "current_system"), "sistem saat ini");
  EXPECT_EQ(field_label("en", "demo_scheduled"), "demo scheduled");
  EXPECT_EQ(field_label("es", "won"), "ganado");
  EXPECT_EQ(field_label("ru", "lost"), "проигран");
}

TEST(LeadWords, GivenAnUnknownFieldWhenLabelledThenItsUnderscoresBecomeSpaces) {
  for (const std::string language : {"en", "es", "ru", "id", "hi", "fr"})
    EXPECT_EQ(field_label(language, "preferred_payment_terms"), "preferred payment terms")
        << language;
}

}  // namespace
}  // namespace parley::brain
