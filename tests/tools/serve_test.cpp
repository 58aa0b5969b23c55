// The `parley` binary end to end: serve, SIGTERM under load, restart, and
// the events tools reading the store while the server runs.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>
#include <tuple>

#include "events/rocks_event_store.hpp"
#include "tests/formats/made_files.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::run;
using testing::Server;

std::string chat_body(const std::string& user, const std::string& text) {
  return json{{"user_id", user}, {"text", text}}.dump();
}

TEST(Serve, SigtermFinishesInFlightRequestsAndLosesNothing) {
  testing::TempDir dir;
  std::atomic<int> answered{0};
  std::vector<std::string> answered_users;
  std::mutex mu;
  {
    Server server(dir.path());
    ASSERT_GT(server.port(), 0);
    std::atomic<bool> go{true};
    std::vector<std::thread> clients;
    for (int t = 0; t < 8; ++t)
      clients.emplace_back([&, t] {
        httplib::Client c("127.0.0.1", server.port());
        for (int i = 0; go; ++i) {
          std::string user = "t" + std::to_string(t) + "-" + std::to_string(i);
          auto r = c.Post("/api/v1/chat", chat_body(user, "hola"), "application/json");
          if (!r) break;  // the server closed the connection
          if (r->status != 200) continue;
          ++answered;
          std::lock_guard lock(mu);
          answered_users.push_back(user);
        }
      });
    for (int i = 0; i < 10000 && answered < 200; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_GE(answered.load(), 200) << "the server did not answer";
    EXPECT_EQ(server.terminate(), 0) << server.log();
    go = false;
    for (auto& t : clients) t.join();
    EXPECT_NE(server.log().find("stopped cleanly"), std::string::npos) << server.log();
  }
  // Every answered chat is in the log with its reply.
  events::RocksEventStore::Options o;
  o.path = dir.sub("events");
  auto store = events::RocksEventStore::open(o);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  for (const auto& user : answered_users) {
    std::vector<events::EventEnvelope> s;
    ASSERT_TRUE((*store)->read_stream({"conversation", "api:" + user}, 1, SIZE_MAX, &s).ok());
    ASSERT_EQ(s.size(), 2u) << user;
  }
}

TEST(Serve, RestartRecoversConversationsAndToolsReadAlongside) {
  testing::TempDir dir;
  const std::string csv = dir.sub("catalog.csv");
  {
    std::ofstream out(csv);
    out << "sku,name,category,price,currency,stock,color,size,tags,description,image_url\n"
           "T-1,Brass Hinge,Hardware > Hinges,5.00,EUR,3,,,,A hinge.,https://x/1.jpg\n"
           "T-2,Steel Hinge,Hardware > Hinges,4.00,EUR,0,,,,A hinge.,https://x/2.jpg\n";
  }
  const std::vector<std::string> catalog_env = {"PARLEY_CATALOG=" + csv,
                                                "PARLEY_ADMIN_TOKEN=serve-admin"};
  {
    Server server(dir.path(), catalog_env);
    EXPECT_NE(server.log().find("2 products"), std::string::npos) << server.log();
    httplib::Client c("127.0.0.1", server.port());
    ASSERT_EQ(c.Post("/api/v1/chat", chat_body("u1", "first"), "application/json")->status, 200);
    ASSERT_EQ(server.terminate(), 0);
  }
  Server server(dir.path(), catalog_env);  // the catalog is not imported twice
  httplib::Client c("127.0.0.1", server.port());
  ASSERT_EQ(c.Post("/api/v1/chat", chat_body("u1", "second"), "application/json")->status, 200);
  auto found = json::parse(c.Get("/api/v1/products/search?q=hinge")->body)["results"];
  EXPECT_EQ(found.size(), 2u);
  auto view = json::parse(
      c.Get("/api/v1/conversations/api:u1", {{"Authorization", "Bearer serve-admin"}})->body);
  ASSERT_EQ(view["messages"].size(), 4u);
  EXPECT_EQ(view["messages"][2]["id"], "api:u1#3");  // numbering continued after restart
  EXPECT_EQ(view["messages"][2]["text"], "second");

  // The events tools read the store while the server holds it.
  auto [code, out, err] =
      run({PARLEY_BIN, "events", "stream", "conversation/api:u1"}, server.env());
  EXPECT_EQ(code, 0) << err;
  std::vector<json> lines;
  std::istringstream is(out);
  for (std::string l; std::getline(is, l);) lines.push_back(json::parse(l));
  ASSERT_EQ(lines.size(), 4u) << out;
  EXPECT_EQ(lines[3]["type"], "conversation.message_sent");
  EXPECT_EQ(lines[3]["seq"], 4);

  std::tie(code, out, err) = run({PARLEY_BIN, "events", "stats"}, server.env());
  EXPECT_EQ(code, 0) << err;
  EXPECT_NE(out.find("conversation.message_received            2"), std::string::npos) << out;
  EXPECT_NE(out.find("catalog.product_upserted                 2"), std::string::npos) << out;
  EXPECT_NE(out.find("streams       3"), std::string::npos) << out;

  std::tie(code, out, err) = run({PARLEY_BIN, "events", "tail", "-n", "1"}, server.env());
  EXPECT_EQ(code, 0) << err;
  EXPECT_EQ(json::parse(out)["position"], 6);
}

TEST(Cli, CatalogImportReportsBadRowsByLine) {
  testing::TempDir dir;
  const std::string csv = dir.sub("c.csv");
  {
    std::ofstream out(csv);
    out << "sku,name,category,price,currency,stock,color,size,tags,description,image_url\n"
           "T-1,Brass Hinge,Hardware > Hinges,5.00,EUR,3,,,,A hinge.,https://x/1.jpg\n"
           "T-2,Steel Hinge,Hardware > Hinges,abc,EUR,0,,,,A hinge.,https://x/2.jpg\n";
  }
  std::vector<std::string> env = {"PARLEY_DATA_DIR=" + dir.path()};
  auto [code, out, err] = run({PARLEY_BIN, "catalog", "import", csv}, env);
  EXPECT_EQ(code, 3) << err;  // some rows were bad
  EXPECT_NE(err.find(csv + ":3: T-2: price 'abc'"), std::string::npos) << err;
  EXPECT_NE(err.find("1 products read, 1 added or changed"), std::string::npos) << err;
  std::tie(code, out, err) = run({PARLEY_BIN, "catalog", "import", csv}, env);
  EXPECT_NE(err.find("0 added or changed, 1 unchanged"), std::string::npos) << err;
  std::tie(code, out, err) = run({PARLEY_BIN, "catalog", "import", dir.sub("missing.csv")}, env);
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("cannot read"), std::string::npos);
}

TEST(Cli, AStockSheetInExcelSetsStockAndTheDemoProductsCanBeDropped) {
  testing::TempDir dir;
  std::vector<std::string> env = {"PARLEY_DATA_DIR=" + dir.path()};
  const std::string catalog = dir.sub("own.csv"), stock = dir.sub("count.xlsx");
  {
    std::ofstream out(catalog);
    out << "sku,name,category,price,currency,stock,color,size,tags,description,image_url\n"
           "OWN-1,Brass Hinge,Hardware > Hinges,5.00,EUR,3,,,,A hinge.,https://x/1.jpg\n";
    std::ofstream sheet(stock, std::ios::binary);
    sheet << testing::make_xlsx({{"sku", "quantity"}, {"OWN-1", "40"}, {"GONE-9", "1"}});
  }
  {
    Server server(dir.path(), env);  // the first start imports the demo catalog
    EXPECT_EQ(server.terminate(), 0);
  }
  auto [code, out, err] = run({PARLEY_BIN, "catalog", "import", catalog}, env);
  EXPECT_EQ(code, 0) << err;
  std::tie(code, out, err) = run({PARLEY_BIN, "catalog", "import", stock}, env);
  EXPECT_EQ(code, 3) << err;
  EXPECT_NE(err.find(stock + ":3: GONE-9: no product with this sku"), std::string::npos) << err;
  EXPECT_NE(err.find("2 stock rows read, 1 stock levels changed"), std::string::npos) << err;
  std::tie(code, out, err) = run({PARLEY_BIN, "catalog", "drop-demo"}, env);
  EXPECT_EQ(code, 0) << err;
  EXPECT_NE(err.find("products removed, 0 kept"), std::string::npos) << err;

  Server server(dir.path(), env);
  httplib::Client c("127.0.0.1", server.port());
  auto own = c.Get("/api/v1/products/OWN-1");
  ASSERT_TRUE(own && own->status == 200);
  EXPECT_EQ(nlohmann::json::parse(own->body)["stock"], 40);
  auto demo = nlohmann::json::parse(c.Get("/api/v1/products/search?q=screw&limit=50")->body);
  EXPECT_TRUE(demo["results"].empty()) << "no demo product is left, nor imported again: " << demo;
}

TEST(Cli, KnowledgeImportNamesBadRowsByLineAndKeepsTheRest) {
  testing::TempDir dir;
  const std::string faq = dir.sub("Shop FAQ.csv"), notes = dir.sub("hours.md");
  {
    std::ofstream out(faq);
    out << "question,answer,language\n"
           "Do you ship to Bali?,\"Yes, 3 to 5 days.\",en\n"
           "Opening hours?,9 to 6,fr\n";
    std::ofstream md(notes);
    md << "# Opening hours\n\nMonday to Saturday, 9:00 to 18:00.\n";
  }
  std::vector<std::string> env = {"PARLEY_DATA_DIR=" + dir.path()};
  auto [code, out, err] = run({PARLEY_BIN, "knowledge", "import", faq, notes}, env);
  EXPECT_EQ(code, 3) << err;  // a row was bad
  EXPECT_NE(err.find(faq + ":3: "), std::string::npos) << err;
  EXPECT_NE(err.find("shop-faq-csv, 1 passages, added"), std::string::npos) << err;
  EXPECT_NE(err.find("hours-md, 1 passages, added"), std::string::npos) << err;
  std::tie(code, out, err) = run({PARLEY_BIN, "knowledge", "import", notes}, env);
  EXPECT_EQ(code, 0) << err;
  EXPECT_NE(err.find("hours-md, 1 passages, unchanged"), std::string::npos) << err;
  std::tie(code, out, err) =
      run({PARLEY_BIN, "knowledge", "import", "--format", "odt", notes}, env);
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("--format is text, markdown, faq_csv, whatsapp_chat, docx or pdf"),
            std::string::npos);
  // A file that says it is a PDF but is not: refused whole, nothing written.
  std::tie(code, out, err) =
      run({PARLEY_BIN, "knowledge", "import", "--format", "pdf", notes}, env);
  EXPECT_EQ(code, 1) << err;
  EXPECT_NE(err.find("not a PDF file"), std::string::npos) << err;
}

TEST(Cli, ErrorsAreClear) {
  testing::TempDir dir;
  std::vector<std::string> env = {"PARLEY_DATA_DIR=" + dir.sub("none")};
  auto [code, out, err] = run({PARLEY_BIN, "frobnicate"}, env);
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("unknown command"), std::string::npos);
  std::tie(code, out, err) = run({PARLEY_BIN, "events", "stats"}, env);
  EXPECT_EQ(code, 1);
  EXPECT_NE(err.find("no event store"), std::string::npos) << err;
  std::tie(code, out, err) = run({PARLEY_BIN, "events", "stream", "nonsense"}, env);
  EXPECT_EQ(code, 2);
  std::tie(code, out, err) =
      run({PARLEY_BIN, "serve"}, {"PARLEY_DATA_DIR=" + dir.path(), "PARLEY_HTTP_PORT=99999"});
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("PARLEY_HTTP_PORT"), std::string::npos) << err;
  std::tie(code, out, err) =
      run({PARLEY_BIN, "serve"}, {"PARLEY_DATA_DIR=" + dir.path(), "PARLEY_TEAM_LANGUAGE=fr"});
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("PARLEY_TEAM_LANGUAGE"), std::string::npos) << err;
}

}  // namespace
}  // namespace parley
