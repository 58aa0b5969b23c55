// The shop's knowledge from its own files, with the real binary (issue 21): a
// Word handbook in Spanish and a PDF of terms in English are uploaded as
// files; shoppers in Spanish, English and Russian get their passages quoted,
// and the conversation records which paragraph or line was quoted. Sales
// scripts in Spanish and Russian greet in the shop's own words; a shopper in
// a language with no script hears the built-in greeting.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "tests/formats/made_files.hpp"
#include "tests/support/chat.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Server;

constexpr const char* kAdmin = "admin-files";

httplib::Headers admin() {
  return {{"Authorization", std::string("Bearer ") + kAdmin}};
}

std::string say(httplib::Client& c, const std::string& user, const std::string& text) {
  return testing::chat_replies(c, user, text);
}

// What the conversation recorded of its last message: the quoted passage.
std::string last_cited(httplib::Client& c, const std::string& user) {
  auto view = c.Get("/api/v1/conversations/api:" + user, admin());
  if (!view || view->status != 200) return "no conversation";
  const json messages = json::parse(view->body)["messages"];
  return messages.empty() ? "" : messages.back().value("cited", "");
}

void upload(httplib::Client& c, const std::string& query, const std::string& body,
            const char* type) {
  auto r = c.Post("/api/v1/admin/knowledge?" + query, admin(), body, type);
  ASSERT_TRUE(r && r->status == 201) << query << ": " << (r ? r->body : "no answer");
}

TEST(KnowledgeFilesE2E, AWordHandbookAPdfAndSalesScriptsAnswerShoppersInThreeLanguages) {
  testing::TempDir dir;
  Server server(dir.path(), {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin});
  httplib::Client c("127.0.0.1", server.port());

  upload(
      c, "id=manual&title=Manual%20de%20la%20tienda&format=docx&language=es",
      testing::make_docx({{"Manual de la tienda", "Title"},
                          {"Envíos", "Heading1"},
                          {"Enviamos a toda España en 48 horas; el envío es gratis desde 50 €."},
                          {"Devoluciones", "Heading1"},
                          {"Puedes devolver cualquier producto sin usar en un plazo de 30 días."}}),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  upload(c, "id=terms&title=Terms&format=pdf&language=en",
         testing::make_pdf(
             {{{"Terms of sale"}},
              {{"Payment"}, {"We accept payment by card, bank transfer or cash on delivery."}}}),
         "application/pdf");
  upload(c, "id=hola&title=Saludo&format=markdown&language=es&purpose=sales_script&stage=greeting",
         "- ¡Hola! Soy Sol, de Ferretería Sol. ¿Qué proyecto tienes entre manos?\n",
         "text/markdown");
  upload(c, "id=privet&title=Privet&format=text&language=ru&purpose=sales_script&stage=greeting",
         "Здравствуйте! Это «Солнце», хозяйственный магазин. Что ищете?\n", "text/plain");

  std::string r = say(c, "es1", "¿cuánto tarda el envío?");
  EXPECT_NE(r.find("Enviamos a toda España en 48 horas"), std::string::npos) << r;
  EXPECT_EQ(last_cited(c, "es1"), "manual:3") << "the handbook's third paragraph";

  r = say(c, "en1", "which payment methods do you accept?");
  EXPECT_NE(r.find("We accept payment by card"), std::string::npos) << r;
  EXPECT_EQ(last_cited(c, "en1").rfind("terms:", 0), 0u) << last_cited(c, "en1");

  r = say(c, "ru1", "можно вернуть товар?");
  EXPECT_NE(r.find("Puedes devolver"), std::string::npos)
      << "the only passage on returns, quoted as written: " << r;
  EXPECT_EQ(last_cited(c, "ru1"), "manual:5");

  EXPECT_NE(say(c, "es2", "hola").find("¡Hola! Soy Sol, de Ferretería Sol."), std::string::npos);
  EXPECT_NE(say(c, "ru2", "привет").find("Здравствуйте! Это «Солнце»"), std::string::npos);
  r = say(c, "id2", "halo");
  EXPECT_EQ(r.find("Sol"), std::string::npos) << "no script in Indonesian: " << r;
  EXPECT_EQ(r.find("Солнце"), std::string::npos) << r;

  auto list = json::parse(c.Get("/api/v1/admin/knowledge", admin())->body)["documents"];
  ASSERT_EQ(list.size(), 4u);
  for (const auto& d : list) {
    if (d["id"] == "manual") {
      EXPECT_EQ(d["format"], "docx");
    }
  }
  EXPECT_EQ(server.terminate(), 0);
}

}  // namespace
}  // namespace parley
