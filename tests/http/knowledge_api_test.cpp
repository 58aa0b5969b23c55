// The knowledge routes (http/knowledge_api.hpp) over an in-memory log: an
// admin uploads, replaces and removes documents; bad rows are named by line;
// anyone may search; nothing is written for a refused upload.
#include "http/knowledge_api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "events/memory_event_store.hpp"
#include "tests/formats/made_files.hpp"

namespace parley::http {
namespace {

using nlohmann::json;

constexpr const char* kFaq =
    "question,answer,language\n"
    "Do you ship to Bali?,\"Yes, to all of Indonesia: 3 to 5 days.\",en\n"
    "¿Hacen envíos a Bali?,\"Sí, a toda Indonesia: de 3 a 5 días.\",es\n"
    "Opening hours?,Mon to Sat 9-18,fr\n";

struct KnowledgeApi : ::testing::Test {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  projections::KnowledgeView view{store, nullptr};
  actors::KnowledgeCommands commands{store, writer, [] { return int64_t{1'800'000'000'000'000}; }};
  KnowledgeApiContext ctx{commands, view, Authorizer("admin-secret")};
  Router router;
  void SetUp() override { register_knowledge_api(router, ctx); }
  void TearDown() override { writer.stop(); }

  HttpResponse call(const std::string& method, const std::string& path,
                    std::map<std::string, std::string> query = {}, const std::string& body = "",
                    const std::string& token = "admin-secret") {
    HttpRequest req;
    req.method = method;
    auto match = router.match(method, path);
    EXPECT_TRUE(match.handler) << method << " " << path;
    req.path = path;
    req.path_params = match.params;
    for (auto& [k, v] : query) req.query.emplace(k, v);
    req.body = body;
    if (!token.empty()) req.headers["authorization"] = "Bearer " + token;
    return (*match.handler)(req);
  }
  HttpResponse upload(const std::string& body, const std::string& id = "faq",
                      const std::string& token = "admin-secret") {
    return call("POST", "/api/v1/admin/knowledge",
                {{"id", id}, {"title", "Shipping FAQ"}, {"format", "faq_csv"}, {"language", "en"}},
                body, token);
  }
};

TEST_F(KnowledgeApi,
       GivenAFaqWithABadRowWhenUploadedThenTheGoodRowsAreSearchableAndTheBadOneNamed) {
  auto r = upload(kFaq);
  ASSERT_EQ(r.status, 201) << r.body;
  auto body = json::parse(r.body);
  EXPECT_EQ(body["passages"], 2);
  ASSERT_EQ(body["errors"].size(), 1u);
  EXPECT_EQ(body["errors"][0]["line"], 4);
  EXPECT_EQ(body["document"]["versions"], 1);

  auto found = call("GET", "/api/v1/knowledge/search",
                    {{"q", "hacen envios a bali"}, {"language", "es"}}, "", "");
  ASSERT_EQ(found.status, 200) << found.body;
  auto results = json::parse(found.body)["results"];
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0]["language"], "es");
  EXPECT_EQ(results[0]["document_id"], "faq");
  EXPECT_EQ(results[0]["title"], "Shipping FAQ");
  EXPECT_EQ(results[0]["line"], 3);
}

TEST_F(KnowledgeApi, GivenTheSameUploadTwiceThenNothingChangesAndAnotherBodyReplacesIt) {
  ASSERT_EQ(upload(kFaq).status, 201);
  auto again = upload(kFaq);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(json::parse(again.body)["changed"], false);
  auto replaced = upload("question,answer,language\nGift wrap?,Yes for 2 EUR.,en\n");
  ASSERT_EQ(replaced.status, 200);
  EXPECT_EQ(json::parse(replaced.body)["document"]["versions"], 2);
  auto old = call("GET", "/api/v1/knowledge/search", {{"q", "bali"}}, "", "");
  EXPECT_TRUE(json::parse(old.body)["results"].empty()) << "the replaced text is gone from search";
}

TEST_F(KnowledgeApi, GivenNothingReadableOrABadParameterThenItIsRefusedAndNothingWritten) {
  auto none = upload("question,answer,language\n,no question,en\n");
  EXPECT_EQ(none.status, 422);
  EXPECT_EQ(json::parse(none.body)["error"]["code"], "no_passages");
  EXPECT_EQ(json::parse(none.body)["error"]["errors"][0]["line"], 2);
  EXPECT_EQ(upload(kFaq, "Bad Id!").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/admin/knowledge",
                 {{"id", "x"}, {"title", "t"}, {"format", "pdf?"}, {"language", "en"}}, "hi")
                .status,
            400);
  auto fr = call("POST", "/api/v1/admin/knowledge",
                 {{"id", "x"}, {"title", "t"}, {"format", "text"}, {"language", "fr"}}, "hi");
  EXPECT_EQ(fr.status, 422);
  EXPECT_EQ(json::parse(fr.body)["error"]["code"], "invalid_language") << "its rule, by name";
  auto blank = call("POST", "/api/v1/admin/knowledge",
                    {{"id", "x"}, {"title", "t"}, {"format", "text"}, {"language", "en"}}, " \n ");
  EXPECT_EQ(json::parse(blank.body)["error"]["code"], "empty_body");
  EXPECT_EQ(upload(kFaq, "faq", "").status, 401);
  EXPECT_EQ(store.last_position(), 0u) << "nothing was written";
}

TEST_F(KnowledgeApi, GivenADocumentWhenRemovedThenItLeavesTheListAndSearch) {
  ASSERT_EQ(upload(kFaq).status, 201);
  auto listed = json::parse(call("GET", "/api/v1/admin/knowledge").body)["documents"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["passages"], 2);
  EXPECT_EQ(call("DELETE", "/api/v1/admin/knowledge/faq").status, 200);
  EXPECT_EQ(call("DELETE", "/api/v1/admin/knowledge/faq").status, 404);
  EXPECT_TRUE(json::parse(call("GET", "/api/v1/admin/knowledge").body)["documents"].empty());
  auto found = call("GET", "/api/v1/knowledge/search", {{"q", "bali"}}, "", "");
  EXPECT_TRUE(json::parse(found.body)["results"].empty());
  EXPECT_EQ(
      call("GET", "/api/v1/knowledge/search", {{"q", "bali"}, {"language", "xx"}}, "", "").status,
      400);
}

TEST_F(KnowledgeApi, GivenARemovedDocumentWhenUploadedAgainThenItIsNewAndSearchedAgain) {
  ASSERT_EQ(upload(kFaq).status, 201);
  ASSERT_EQ(call("DELETE", "/api/v1/admin/knowledge/faq").status, 200);
  auto again = upload(kFaq);
  EXPECT_EQ(again.status, 201) << again.body;
  auto found = call("GET", "/api/v1/knowledge/search", {{"q", "bali"}}, "", "");
  EXPECT_FALSE(json::parse(found.body)["results"].empty());
}

TEST_F(KnowledgeApi, GivenASalesScriptOrAChatExportThenItIsListedButNeverSearched) {
  auto script = call("POST", "/api/v1/admin/knowledge",
                     {{"id", "closing"},
                      {"title", "Closing lines"},
                      {"format", "text"},
                      {"language", "en"},
                      {"purpose", "sales_script"},
                      {"stage", "objection"}},
                     "If they say shipping to Bali is expensive, offer the code VIP10.");
  ASSERT_EQ(script.status, 201) << script.body;
  auto chat = call(
      "POST", "/api/v1/admin/knowledge",
      {{"id", "talk"}, {"title", "Sales talk"}, {"format", "whatsapp_chat"}, {"language", "en"}},
      "12/31/23, 10:15 PM - Ana: do you ship to Bali? my address is Jalan 5\n"
      "12/31/23, 10:16 PM - Shop: yes, 3 days\n");
  ASSERT_EQ(chat.status, 201) << chat.body;
  auto found = call("GET", "/api/v1/knowledge/search", {{"q", "shipping to bali"}}, "", "");
  EXPECT_TRUE(json::parse(found.body)["results"].empty())
      << "the shop's own lines and its customers' words are not public: " << found.body;
  auto listed = json::parse(call("GET", "/api/v1/admin/knowledge").body)["documents"];
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["searched"], false);
  EXPECT_EQ(listed[1]["searched"], false);
  EXPECT_GT(listed[0]["bytes"].get<int>(), 0);
}

TEST_F(KnowledgeApi, GivenAWordDocumentWhenUploadedThenItsPassagesAreSearchedByParagraph) {
  const std::string docx = testing::make_docx({{"Returns", "Heading1"},
                                               {"Opening hours are 9 to 6, Monday to Saturday."},
                                               {"You may return an item within 30 days."}});
  auto r = call("POST", "/api/v1/admin/knowledge",
                {{"id", "handbook"}, {"title", "Handbook"}, {"format", "docx"}, {"language", "en"}},
                docx);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json::parse(r.body)["passages"], 2);
  auto found = call("GET", "/api/v1/knowledge/search", {{"q", "can I return it"}}, "", "");
  auto results = json::parse(found.body)["results"];
  ASSERT_FALSE(results.empty()) << found.body;
  EXPECT_EQ(results[0]["text"], "You may return an item within 30 days.");
  EXPECT_EQ(results[0]["heading"], "Returns");
  EXPECT_EQ(results[0]["line"], 3);  // the document's third paragraph
}

TEST_F(KnowledgeApi, GivenAPdfWhenUploadedThenEachPassageNamesItsPage) {
  const std::string pdf =
      testing::make_pdf({{{"Welcome to the shop."}}, {{"Delivery to Bali takes 3 to 5 days."}}});
  auto r = call("POST", "/api/v1/admin/knowledge",
                {{"id", "terms"}, {"title", "Terms"}, {"format", "pdf"}, {"language", "en"}}, pdf);
  ASSERT_EQ(r.status, 201) << r.body;
  auto found = call("GET", "/api/v1/knowledge/search", {{"q", "delivery to bali"}}, "", "");
  auto results = json::parse(found.body)["results"];
  ASSERT_FALSE(results.empty()) << found.body;
  EXPECT_EQ(results[0]["document_id"], "terms");
  EXPECT_EQ(results[0]["page"], 2);
}

TEST_F(KnowledgeApi, GivenADamagedWordFileOrPdfThenTheWholeFileIsRefusedNamingThePart) {
  const std::string broken_docx = testing::make_zip(
      {{"word/document.xml", "<w:document xmlns:w=\"w\"><w:body>\n<w:p><w:t>cut</w:p>"}});
  auto r = call("POST", "/api/v1/admin/knowledge",
                {{"id", "handbook"}, {"title", "Handbook"}, {"format", "docx"}, {"language", "en"}},
                broken_docx);
  ASSERT_EQ(r.status, 422) << r.body;
  auto error = json::parse(r.body)["error"];
  EXPECT_EQ(error["code"], "unreadable_file");
  EXPECT_EQ(error["errors"][0]["part"], "word/document.xml");
  EXPECT_EQ(error["errors"][0]["line"], 2);

  std::string pdf = testing::make_pdf({{{"Delivery to Bali takes 3 to 5 days."}}});
  pdf.resize(pdf.size() / 3);
  r = call("POST", "/api/v1/admin/knowledge",
           {{"id", "terms"}, {"title", "Terms"}, {"format", "pdf"}, {"language", "en"}}, pdf);
  EXPECT_EQ(r.status, 422) << r.body;

  // Nothing half-imported: no event, no document.
  EXPECT_EQ(json::parse(call("GET", "/api/v1/admin/knowledge").body)["documents"].size(), 0u);
  EXPECT_EQ(store.last_position(), 0u);
}

}  // namespace
}  // namespace parley::http
