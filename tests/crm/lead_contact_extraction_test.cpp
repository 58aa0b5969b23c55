// The desk with the extractor on: a new lead's contact the rules miss is read
// from the message by the model, the rules' own fields stay theirs, the lead's
// decider checks the model's, and every call is handed over for usage.
#include <gtest/gtest.h>

#include "tests/crm/team_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;
using nlohmann::json;

class StubContacts final : public brain::DetailsExtractor {
 public:
  bool active() const override { return true; }
  brain::DetailsExtraction extract(const std::string& text, const std::string&,
                                   brain::DetailsFor what, const std::string&,
                                   int64_t) const override {
    asked.push_back(text);
    wanted = what;
    brain::DetailsExtraction r;
    r.details.name = name;
    r.details.phone = "+91 98765 43210";
    r.details.email = "jane@acme.example";
    r.details.city = "Pune";  // not a lead's: dropped
    domain::llm_usage::Call c;
    c.agent = "extractor";
    r.calls.push_back(c);
    return r;
  }
  std::string name = "Jane Roe";
  mutable std::vector<std::string> asked;
  mutable brain::DetailsFor wanted = brain::DetailsFor::delivery;
};

struct LeadContacts : Team {
  void SetUp() override {
    Team::SetUp();
    add_user("priya", "Priya Shah", "sales");
    crm::DeskOptions o;
    o.extractor = model;
    o.record_calls = [this](const std::vector<domain::llm_usage::Call>& calls) {
      recorded += calls.size();
    };
    with_model = std::make_unique<crm::Desk>(*engine, store, book, dir, zone, o);
  }
  std::string tell(const std::string& text) {
    std::string out;
    for (const auto& r :
         with_model->handle(crm::principal_of(*dir.user("priya")), text, now.load()))
      out += r + "\n";
    return out;
  }
  std::shared_ptr<StubContacts> model = std::make_shared<StubContacts>();
  std::unique_ptr<crm::Desk> with_model;
  size_t recorded = 0;
};

TEST_F(LeadContacts, TheModelFillsTheContactTheRulesMiss) {
  const auto reply =
      tell("New lead: Acme Software, met their CTO at the expo, she gave me her card");
  ASSERT_EQ(model->asked.size(), 1u) << reply;
  EXPECT_EQ(model->wanted, brain::DetailsFor::lead_contact);
  auto l = lead("acme-software");
  EXPECT_EQ(l["contact_name"], "Jane Roe") << l;
  EXPECT_EQ(l["email"], "jane@acme.example");
  EXPECT_NE(reply.find("Jane Roe"), std::string::npos) << "the echo says it: " << reply;
  EXPECT_EQ(recorded, 1u);
}

TEST_F(LeadContacts, TheRulesFieldsStayAndAFullContactAsksNobody) {
  tell("New lead: Globex, Hank Scorpio, +91 90000 22222, hank@globex.example");
  EXPECT_TRUE(model->asked.empty()) << "the rules read all three";
  auto l = lead("globex");
  EXPECT_EQ(l["contact_name"], "Hank Scorpio");
  tell("New lead: Initech, Bill Lumbergh");
  ASSERT_EQ(model->asked.size(), 1u);
  EXPECT_EQ(lead("initech")["contact_name"], "Bill Lumbergh") << "the rules' name wins";
  EXPECT_EQ(lead("initech")["email"], "jane@acme.example") << "the model's fills the gap";
}

TEST_F(LeadContacts, AContactTheDeciderRefusesCreatesNoLead) {
  model->name = std::string(domain::kMaxTextBytes + 1, 'x');
  const auto reply = tell("New lead: Umbrella, a contact from the fair");
  EXPECT_FALSE(book.get("umbrella").has_value()) << reply;
}

}  // namespace
}  // namespace parley
