// The offline brain's persona with the real binary (issue 21, point 7): an
// admin names it and sets its tone and sign-off per language; shoppers in
// Spanish, Indonesian and English hear it greet, thank and close in that
// voice, and a language left alone keeps the built-in one.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Server;

constexpr const char* kAdmin = "admin-persona";

httplib::Headers admin() {
  return {{"Authorization", std::string("Bearer ") + kAdmin}};
}

std::string said(httplib::Client& c, const std::string& user, const std::string& text) {
  auto r =
      c.Post("/api/v1/chat", json{{"user_id", user}, {"text", text}}.dump(), "application/json");
  EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
  std::string out;
  if (!r || r->status != 200) return out;
  const json answer = json::parse(r->body);
  for (const auto& m : answer["replies"]) out += m.value("text", "") + "\n";
  return out;
}

// Until the persona view has read the log's end.
bool settled(httplib::Client& c) {
  for (int i = 0; i < 300; ++i) {
    auto r = c.Get("/readyz");
    auto j = r ? json::parse(r->body, nullptr, false) : json();
    if (j.is_object() && j["projections"]["persona"]["lag"] == 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

TEST(PersonaE2E, ShoppersHearTheShopsPersonaInTheirLanguage) {
  testing::TempDir dir;
  Server server(dir.path(), {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin});
  httplib::Client c("127.0.0.1", server.port());
  auto es = c.Put("/api/v1/admin/persona/es", admin(),
                  json{{"name", "Maya"}, {"sign_off", "Un abrazo, Maya de Ferretería Sol"}}.dump(),
                  "application/json");
  ASSERT_EQ(es->status, 200) << es->body;
  EXPECT_EQ(json::parse(es->body)["name"], "Maya");
  ASSERT_EQ(c.Put("/api/v1/admin/persona/id", admin(), json{{"tone", "formal"}}.dump(),
                  "application/json")
                ->status,
            200);
  EXPECT_EQ(c.Put("/api/v1/admin/persona/id", admin(), json{{"tone", "grumpy"}}.dump(),
                  "application/json")
                ->status,
            400);
  ASSERT_TRUE(settled(c));

  const auto hola = said(c, "ana", "hola");
  EXPECT_EQ(hola.rfind("¡Hola! Soy Maya.", 0), 0u) << hola;
  const auto gracias = said(c, "ana", "gracias, adiós");
  EXPECT_NE(gracias.find("Un abrazo, Maya de Ferretería Sol"), std::string::npos) << gracias;

  const auto halo = said(c, "budi", "selamat pagi");
  EXPECT_NE(halo.find("Bapak/Ibu"), std::string::npos) << halo;

  const auto hello = said(c, "sam", "hello");
  EXPECT_EQ(hello.find("Maya"), std::string::npos) << hello;
  EXPECT_EQ(hello.find("Bapak"), std::string::npos) << hello;

  auto all = json::parse(c.Get("/api/v1/admin/persona", admin())->body);
  ASSERT_EQ(all["personas"].size(), 5u) << all;
  EXPECT_EQ(all["personas"][1]["language"], "es");
  EXPECT_EQ(all["personas"][3]["tone"], "formal");
}

}  // namespace
}  // namespace parley
