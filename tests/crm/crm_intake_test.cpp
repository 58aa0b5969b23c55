// CRM intake as reps dash it off (issue 18, point 6), in two languages or
// scripts each, asserting the leads and not only the replies: a lead told
// as a sentence with its assignee, a list with a bare assignee at the end,
// qualification details in one reply, an assignee written in Devanagari,
// and task lists for another day or a week.
#include "team_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;
using nlohmann::json;

struct Intake : Team {
  void SetUp() override {
    Team::SetUp();
    add_user("priya", "Priya Sharma", "sales");
    add_user("ravi", "Ravi Kumar", "sales");
    add_user("neha", "Neha Gupta", "sales");
    token = login("priya");
  }
  std::string token;
};

TEST_F(Intake, ALeadToldAsASentenceKeepsItsCompanyContactAndAssignee) {
  say(token,
      "There is a lead from Sharma Textiles, contact is Vikram Sharma (+91 99887 76655), assign to "
      "Neha.");
  auto l = lead("sharma-textiles");
  EXPECT_EQ(l["company"], "Sharma Textiles");
  EXPECT_EQ(l["contact_name"], "Vikram Sharma");
  EXPECT_EQ(l["phone"], "+919988776655");
  EXPECT_EQ(l["assignee"], "neha");

  say(token,
      "Hay un lead nuevo de Ferretería Marín, contacto Laura Marín, +34 611 222 333, "
      "asígnalo a Ravi");
  l = lead("ferreteria-marin");
  EXPECT_EQ(l["company"], "Ferretería Marín");
  EXPECT_EQ(l["assignee"], "ravi");
}

TEST_F(Intake, AListEndingInABareNameAssignsIt) {
  say(token, "New lead: Orion Labs, Maya Sen, +91 90000 11111, website, Ravi");
  auto l = lead("orion-labs");
  EXPECT_EQ(l["contact_name"], "Maya Sen");
  EXPECT_EQ(l["source"], "website");
  EXPECT_EQ(l["assignee"], "ravi");

  say(token, "naya lead: Kaveri Foods, Sunil Rao, +91 98450 12345, referral, Neha");
  l = lead("kaveri-foods");
  EXPECT_EQ(l["assignee"], "neha");
}

TEST_F(Intake, QualificationDetailsInOneReplyGoToTheirFields) {
  say(token, "New lead: Lotus Interiors, Arjun Mehta, +91 98111 22334, website, Ravi");
  const std::string asked = say(token, "Lotus Interiors qualified");
  ASSERT_NE(asked.find("turnover"), std::string::npos) << asked;
  say(token, "12 MG Road, Bengaluru, Turnover: 5 crore, uses Tally, challenge: slow invoicing");
  auto d = lead("lotus-interiors")["details"];
  EXPECT_EQ(d.value("turnover", ""), "5 crore") << d.dump();
  EXPECT_EQ(d.value("current_system", ""), "Tally") << d.dump();
  EXPECT_EQ(d.value("challenges", ""), "slow invoicing") << d.dump();
  EXPECT_NE(d.value("address", "").find("12 MG Road"), std::string::npos) << d.dump();
  EXPECT_EQ(d.value("address", "").find("Tally"), std::string::npos) << d.dump();
}

TEST_F(Intake, AnAssigneeInDevanagariIsTheMemberOfThatName) {
  say(token, "New lead: Gupta Electricals, Raj Gupta, +91 97000 11223, website, Ravi");
  say(token, "Gupta Electricals ka lead नेहा को असाइन करो");
  EXPECT_EQ(lead("gupta-electricals")["assignee"], "neha");
  say(token, "Gupta Electricals का लीड रवि को दे दो");
  EXPECT_EQ(lead("gupta-electricals")["assignee"], "ravi");
}

TEST_F(Intake, TaskListsForTomorrowAndForTheWeek) {
  say(token, "New lead: Zenith Tools, Omar Ali, +91 95555 12345, website, Priya");
  say(token, "Schedule meeting with Zenith Tools tomorrow 3pm assigned to Priya");  // Mon 23 Nov
  say(token, "Schedule demo for Zenith Tools on Thursday 11am assigned to Priya");  // Thu 26 Nov
  std::string r = say(token, "my tasks today");
  EXPECT_EQ(r.find("Zenith"), std::string::npos) << r;
  r = say(token, "kal ke tasks dikhao");
  EXPECT_NE(r.find("15:00"), std::string::npos) << r;
  EXPECT_EQ(r.find("11:00"), std::string::npos) << "only tomorrow: " << r;
  r = say(token, "this week's tasks");
  EXPECT_NE(r.find("Mon 23 Nov 15:00"), std::string::npos) << r;
  EXPECT_NE(r.find("Thu 26 Nov 11:00"), std::string::npos) << r;
  r = say(token, "mis tareas de esta semana");
  EXPECT_NE(r.find("Thu 26 Nov 11:00"), std::string::npos) << r;
}

}  // namespace
}  // namespace parley
