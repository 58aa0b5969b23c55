// The knowledge document decider: uploads, replacements, removals and the
// rules a document must keep, given/when/then.
#include "domain/knowledge_document.hpp"

#include <gtest/gtest.h>

namespace parley::domain::knowledge {
namespace {

Document faq() {
  return Document{"Shipping and returns",
                  Format::faq_csv,
                  "en",
                  Purpose::info,
                  "",
                  "question,answer,language\nDo you ship to Bali?,Yes: 3 to 5 days.,en\n"};
}

State given(const std::vector<Event>& history) {
  State s;
  for (const auto& e : history) s = evolve(std::move(s), e);
  return s;
}

Error refusal(const State& s, const Command& c) {
  auto r = decide(s, c);
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error::not_found : r.error();
}

TEST(KnowledgeDocument, GivenNoDocumentWhenUploadedThenItIsUploadedByWhomAndWhen) {
  auto then = decide(given({}), Upload{faq(), "admin", 42});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  const auto& up = std::get<DocumentUploaded>(then.value()[0]);
  EXPECT_EQ(up.document, faq());
  EXPECT_EQ(up.by, "admin");
  EXPECT_EQ(up.at_us, 42);
  const State s = given(then.value());
  EXPECT_TRUE(s.exists);
  EXPECT_EQ(s.versions, 1u);
}

TEST(KnowledgeDocument, GivenTheSameDocumentWhenUploadedAgainThenNothingIsDecided) {
  const State s = given({DocumentUploaded{faq(), "admin", 1}});
  auto then = decide(s, Upload{faq(), "ravi", 2});
  ASSERT_TRUE(then.ok());
  EXPECT_TRUE(then.value().empty()) << "an import is idempotent";
}

TEST(KnowledgeDocument, GivenADocumentWhenAnotherIsUploadedUnderItsIdThenItIsReplaced) {
  const State s = given({DocumentUploaded{faq(), "admin", 1}});
  Document changed = faq();
  changed.body += "Can I return it?,Within 30 days.,en\n";
  auto then = decide(s, Upload{changed, "admin", 2});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  EXPECT_TRUE(std::holds_alternative<DocumentReplaced>(then.value()[0]));
  const State after = given({DocumentUploaded{faq(), "admin", 1}, then.value()[0]});
  EXPECT_EQ(after.document.body, changed.body);
  EXPECT_EQ(after.versions, 2u);
}

TEST(KnowledgeDocument, GivenARemovedDocumentWhenRemovedAgainThenItIsNotFound) {
  const State s = given({DocumentUploaded{faq(), "admin", 1}, DocumentRemoved{"admin", 2}});
  EXPECT_FALSE(s.exists);
  EXPECT_EQ(refusal(s, Remove{"admin", 3}), Error::not_found);
  EXPECT_EQ(refusal(given({}), Remove{"admin", 3}), Error::not_found);
  auto again = decide(s, Upload{faq(), "admin", 4});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(std::holds_alternative<DocumentUploaded>(again.value().at(0)))
      << "a removed document may be uploaded anew";
}

TEST(KnowledgeDocument, GivenABrokenRuleThenTheUploadIsRefusedWithIt) {
  auto with = [](auto change) {
    Document d = faq();
    change(d);
    return refusal(given({}), Upload{d, "admin", 1});
  };
  EXPECT_EQ(with([](Document& d) { d.title = ""; }), Error::invalid_title);
  EXPECT_EQ(with([](Document& d) { d.title = std::string(201, 't'); }), Error::invalid_title);
  EXPECT_EQ(with([](Document& d) { d.body = " \n\t "; }), Error::empty_body);
  EXPECT_EQ(with([](Document& d) { d.body = std::string(kMaxDocumentBytes + 1, 'x'); }),
            Error::too_large);
  EXPECT_EQ(with([](Document& d) { d.language = "fr"; }), Error::invalid_language);
  EXPECT_EQ(with([](Document& d) { d.purpose = Purpose::sales_script; }), Error::invalid_stage)
      << "a sales script names its stage";
  EXPECT_EQ(with([](Document& d) { d.stage = "closing"; }), Error::invalid_stage)
      << "facts have no stage";
  EXPECT_EQ(with([](Document& d) {
              d.purpose = Purpose::sales_script;
              d.stage = "haggling";
            }),
            Error::invalid_stage);
}

TEST(KnowledgeDocument, GivenASalesScriptForAStageThenItIsAccepted) {
  Document script{
      "Closing lines",       Format::text, "es",
      Purpose::sales_script, "objection",  "Entiendo la duda: el envío es gratis desde 50 €."};
  auto then = decide(given({}), Upload{script, "admin", 1});
  ASSERT_TRUE(then.ok()) << to_string(then.error());
  Purpose p;
  EXPECT_TRUE(purpose_from(to_string(Purpose::sales_script), &p));
  EXPECT_EQ(p, Purpose::sales_script);
  EXPECT_FALSE(purpose_from("gossip", &p));
}

}  // namespace
}  // namespace parley::domain::knowledge
