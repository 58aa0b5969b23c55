// Catalog routes against a real socket: search shape, reads, admin auth,
// CRUD and CSV import with bad rows.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "actors/product_commands.hpp"
#include "events/memory_event_store.hpp"
#include "http/product_api.hpp"
#include "http/server.hpp"
#include "tests/formats/made_files.hpp"

namespace parley::http {
namespace {

using nlohmann::json;

class ProductApi : public ::testing::Test {
 protected:
  void SetUp() override {
    register_product_api(router_, ctx_);
    metrics_ = std::make_unique<HttpMetrics>(router_.patterns());
    ServerOptions o;
    o.port = 0;
    o.threads = 8;
    server_ = std::make_unique<HttpServer>(o, router_, *metrics_);
    std::string error;
    ASSERT_TRUE(server_->start(&error)) << error;
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    admin_ = {{"Authorization", "Bearer secret-token"}};
    auto r = client_->Post("/api/v1/products/import", admin_, kCsv, "text/csv");
    ASSERT_EQ(r->status, 200) << r->body;
  }
  void TearDown() override {
    server_->stop();
    writer_.stop();
  }

  static constexpr const char* kCsv =
      "sku,name,category,price,currency,stock,color,size,tags,description,image_url\n"
      "HW-SCR-014,Ferrox Stainless Wood Screw 4 x 30 mm,Hardware > Screws,14.90,EUR,150,silver,4 x "
      "30 mm,wood screw|stainless,Wood screws for fences.,https://cdn.example.com/p/1.jpg\n"
      "WF-SHO-001,Lunelle Stiletto Pump,Women's Shoes > Heels,129.00,EUR,42,black|red,36|37|38,"
      "pumps|high heels,Pointed-toe pump.,https://cdn.example.com/p/2.jpg\n"
      "BAD-1,Broken,Hardware,twelve,EUR,1,,,,,\n";

  events::MemoryEventStore store_;
  events::GroupCommitWriter writer_{store_};
  actors::ProductCommands commands_{store_, writer_, [] { return int64_t{1}; }};
  projections::CatalogView catalog_{store_};
  ProductApiContext ctx_{commands_, catalog_, Authorizer("secret-token")};
  Router router_;
  std::unique_ptr<HttpMetrics> metrics_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<httplib::Client> client_;
  httplib::Headers admin_;
};

TEST_F(ProductApi, ImportReportsBadRowsByLineAndKeepsTheGoodOnes) {
  auto r = client_->Post("/api/v1/products/import", admin_, kCsv, "text/csv");
  auto body = json::parse(r->body);
  EXPECT_EQ(body["rows"], 2);
  EXPECT_EQ(body["changed"], 0);  // the same CSV again changes nothing
  EXPECT_EQ(body["unchanged"], 2);
  ASSERT_EQ(body["errors"].size(), 1u);
  EXPECT_EQ(body["errors"][0]["line"], 4);
  EXPECT_EQ(body["errors"][0]["sku"], "BAD-1");
  auto bad = client_->Post("/api/v1/products/import", admin_, "not,a,catalog\n", "text/csv");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"]["code"], "invalid_csv");
}

TEST_F(ProductApi, GivenProgressWhenImportingThenRowsLandingAreToldThenTheReport) {
  std::string csv =
      "sku,name,category,price,currency,stock,color,size,tags,description,image_url\n";
  for (int i = 0; i < 120; ++i)
    csv += "BULK-" + std::to_string(i) + ",Bulk bolt " + std::to_string(i) +
           ",Hardware > Bolts,1.50,EUR,10,,,bolt,A bolt.,https://cdn.example.com/b.jpg\n";
  csv += "BULK-BAD,Broken,Hardware,twelve,EUR,1,,,,,\n";
  auto r = client_->Post("/api/v1/products/import?progress=1", admin_, csv, "text/csv");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/x-ndjson");
  std::vector<json> lines;
  for (size_t start = 0, end; (end = r->body.find('\n', start)) != std::string::npos;
       start = end + 1)
    lines.push_back(json::parse(r->body.substr(start, end - start)));
  ASSERT_GE(lines.size(), 3u) << r->body;
  EXPECT_EQ(lines.front()["progress"], (json{{"done", 0}, {"total", 120}}));
  size_t done = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    ASSERT_TRUE(lines[i].contains("progress")) << lines[i];
    EXPECT_GE(lines[i]["progress"]["done"].get<size_t>(), done) << "never goes back";
    done = lines[i]["progress"]["done"];
  }
  EXPECT_EQ(done, 120u) << "the last progress is every row";
  EXPECT_LE(lines.size(), 2u + 120 / 2)
      << "at most every 2% (2 rows of 120), plus the start and the report";
  const auto& report = lines.back()["report"];
  EXPECT_EQ(report["rows"], 120);
  EXPECT_EQ(report["changed"], 120);
  ASSERT_EQ(report["errors"].size(), 1u);
  EXPECT_EQ(report["errors"][0]["line"], 122);
  EXPECT_EQ(client_->Get("/api/v1/products/BULK-119")->status, 200)
      << "readable once the report is out";
  EXPECT_EQ(client_->Post("/api/v1/products/import?progress=yes", admin_, csv, "text/csv")->status,
            400);
}

TEST_F(ProductApi, GivenProgressWhenTheClientLeavesAfterTheFirstLineThenEveryGoodRowStillLands) {
  std::string csv =
      "sku,name,category,price,currency,stock,color,size,tags,description,image_url\n";
  for (int i = 0; i < 3000; ++i)  // long enough that the client leaves mid-import
    csv += "GONE-" + std::to_string(i) + ",Gone bolt " + std::to_string(i) +
           ",Hardware > Bolts,1.50,EUR,10,,,bolt,A bolt.,https://cdn.example.com/b.jpg\n";
  httplib::Client leaving("127.0.0.1", server_->port());
  httplib::Request req;
  req.method = "POST";
  req.path = "/api/v1/products/import?progress=1";
  req.headers = admin_;
  req.body = csv;
  req.set_header("Content-Type", "text/csv");
  std::string first;
  req.content_receiver = [&](const char* data, size_t n, uint64_t, uint64_t) {
    first.append(data, n);
    return false;  // gone after the first bytes
  };
  leaving.send(req);
  EXPECT_NE(first.find("\"progress\""), std::string::npos) << first;
  // The import goes on without its reader.
  int status = 0;
  for (int i = 0; i < 200 && status != 200; ++i) {
    status = client_->Get("/api/v1/products/GONE-2999")->status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 200) << "the last row landed";
}

TEST_F(ProductApi, SearchAnswersTheContractShape) {
  auto r = client_->Get("/api/v1/products/search?q=tacones%20rojos&limit=5");
  ASSERT_EQ(r->status, 200);
  auto results = json::parse(r->body)["results"];
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0]["sku"], "WF-SHO-001");
  EXPECT_EQ(results[0]["price"], 129.0);
  EXPECT_EQ(results[0]["currency"], "EUR");
  EXPECT_EQ(results[0]["stock"], 42);
  EXPECT_GT(results[0]["score"].get<double>(), 0);
  EXPECT_EQ(client_->Get("/api/v1/products/search")->status, 400);
  EXPECT_EQ(client_->Get("/api/v1/products/search?q=x&limit=0")->status, 400);
}

TEST_F(ProductApi, ReadsOneProduct) {
  auto r = client_->Get("/api/v1/products/hw-scr-014");
  ASSERT_EQ(r->status, 200);
  auto p = json::parse(r->body);
  EXPECT_EQ(p["sku"], "HW-SCR-014");
  EXPECT_EQ(p["price"], 14.9);
  EXPECT_EQ(p["in_stock"], true);
  EXPECT_EQ(client_->Get("/api/v1/products/NOPE-1")->status, 404);
}

TEST_F(ProductApi, WritesNeedTheAdminToken) {
  std::string body = R"({"sku":"X-1","name":"Thing","price":5})";
  EXPECT_EQ(client_->Post("/api/v1/products", body, "application/json")->status, 401);
  httplib::Headers wrong = {{"Authorization", "Bearer nope"}};
  auto r = client_->Post("/api/v1/products", wrong, body, "application/json");
  EXPECT_EQ(r->status, 401);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "unauthorized");
  EXPECT_EQ(client_->Delete("/api/v1/products/HW-SCR-014")->status, 401);
  EXPECT_EQ(client_->Post("/api/v1/products/import", kCsv, "text/csv")->status, 401);
}

TEST_F(ProductApi, CreateUpdateDelete) {
  auto created = client_->Post("/api/v1/products", admin_,
                               R"({"sku":"x-1","name":"Brass Hinge","price":5.5,"stock":3})",
                               "application/json");
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(json::parse(created->body)["sku"], "X-1");
  EXPECT_EQ(json::parse(client_->Get("/api/v1/products/search?q=hinge")->body)["results"][0]["sku"],
            "X-1");
  auto updated = client_->Put("/api/v1/products/X-1", admin_,
                              R"({"name":"Brass Hinge","price":6,"stock":0})", "application/json");
  ASSERT_EQ(updated->status, 200) << updated->body;
  EXPECT_EQ(json::parse(client_->Get("/api/v1/products/X-1")->body)["stock"], 0);
  auto mismatch = client_->Put("/api/v1/products/X-1", admin_,
                               R"({"sku":"Y-2","name":"n","price":1})", "application/json");
  EXPECT_EQ(mismatch->status, 400);
  auto invalid = client_->Post("/api/v1/products", admin_, R"({"sku":"X-2","name":"n","price":-1})",
                               "application/json");
  EXPECT_EQ(invalid->status, 422);
  EXPECT_EQ(json::parse(invalid->body)["error"]["code"], "invalid_price");
  EXPECT_EQ(
      client_->Post("/api/v1/products", admin_, R"({"name":"n"})", "application/json")->status,
      400);
  auto huge = client_->Post("/api/v1/products", admin_, R"({"sku":"X-3","name":"n","price":1e300})",
                            "application/json");
  EXPECT_EQ(huge->status, 400);
  EXPECT_NE(huge->body.find("out of range"), std::string::npos) << huge->body;
  EXPECT_EQ(client_->Delete("/api/v1/products/X-1", admin_)->status, 200);
  EXPECT_EQ(client_->Get("/api/v1/products/X-1")->status, 404);
  EXPECT_EQ(client_->Delete("/api/v1/products/X-1", admin_)->status, 404);
}

const char* const kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

TEST_F(ProductApi, GivenAnExcelCatalogThenItImportsWithTheSameColumnsAndRowNumberedErrors) {
  const std::string xlsx = testing::make_xlsx({
      {"sku", "name", "category", "price", "currency", "stock", "color", "size", "tags",
       "description", "image_url"},
      {"XL-DRL-001", "Bosch cordless drill", "Tools > Drills", "89.9", "EUR", "12", "blue", "",
       "drill|cordless", "18 V, two batteries.", "https://cdn.example.com/d.jpg"},
      {},
      {"XL-BAD-002", "Broken price", "Tools", "cheap", "EUR", "1"},
  });
  auto r = client_->Post("/api/v1/products/import", admin_, xlsx, kXlsxType);
  ASSERT_EQ(r->status, 200) << r->body;
  auto body = json::parse(r->body);
  EXPECT_EQ(body["changed"], 1);
  ASSERT_EQ(body["errors"].size(), 1u);
  EXPECT_EQ(body["errors"][0]["line"], 4) << "the row number Excel shows";
  auto drill = json::parse(client_->Get("/api/v1/products/XL-DRL-001")->body);
  EXPECT_EQ(drill["price_cents"], 8990) << "Excel's number 89.9 read as 89.90";
  EXPECT_EQ(drill["stock"], 12);
}

TEST_F(ProductApi, GivenAStockOnlySheetThenOnlyStockChangesAndUnknownSkusAreNamedByLine) {
  const auto before = json::parse(client_->Get("/api/v1/products/HW-SCR-014")->body);
  const std::string xlsx =
      testing::make_xlsx({{"SKU", "Quantity"}, {"hw-scr-014", "7"}, {"NO-SUCH-1", "3"}});
  auto r = client_->Post("/api/v1/products/import?progress=1", admin_, xlsx, kXlsxType);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto report = json::parse(r->body.substr(r->body.rfind('\n', r->body.size() - 2) + 1));
  EXPECT_EQ(report["report"]["changed"], 1) << r->body;
  ASSERT_EQ(report["report"]["errors"].size(), 1u);
  EXPECT_EQ(report["report"]["errors"][0]["line"], 3);
  EXPECT_EQ(report["report"]["errors"][0]["sku"], "NO-SUCH-1");
  EXPECT_EQ(client_->Get("/api/v1/products/NO-SUCH-1")->status, 404) << "stock creates nothing";
  auto after = json::parse(client_->Get("/api/v1/products/HW-SCR-014")->body);
  EXPECT_EQ(after["stock"], 7);
  after["stock"] = before["stock"];
  after["in_stock"] = before["in_stock"];
  EXPECT_EQ(after, before) << "nothing but the stock changed";

  auto csv =
      client_->Post("/api/v1/products/import", admin_, "sku,stock\nWF-SHO-001,0\n", "text/csv");
  ASSERT_EQ(csv->status, 200) << csv->body;
  EXPECT_EQ(json::parse(client_->Get("/api/v1/products/WF-SHO-001")->body)["stock"], 0)
      << "the same sheet as CSV";
}

TEST_F(ProductApi, GivenADamagedWorkbookThenItIsRefusedWholeNamingThePartAndNothingLands) {
  std::string xlsx = testing::make_xlsx({{"sku", "quantity"}, {"HW-SCR-014", "1"}});
  const auto catalog_before = client_->Get("/api/v1/products/HW-SCR-014")->body;
  auto cut =
      client_->Post("/api/v1/products/import", admin_, xlsx.substr(0, xlsx.size() / 2), kXlsxType);
  ASSERT_EQ(cut->status, 400) << cut->body;
  EXPECT_EQ(json::parse(cut->body)["error"]["code"], "unreadable_file");
  const std::string broken = testing::make_zip(
      {{"xl/worksheets/sheet1.xml", "<worksheet><sheetData>\n<row r=\"1\"><c><v>1</row>"}});
  auto r = client_->Post("/api/v1/products/import", admin_, broken, kXlsxType);
  ASSERT_EQ(r->status, 400) << r->body;
  const auto error = json::parse(r->body)["error"];
  EXPECT_EQ(error["errors"][0]["part"], "xl/worksheets/sheet1.xml");
  EXPECT_EQ(error["errors"][0]["line"], 2);
  EXPECT_EQ(client_->Get("/api/v1/products/HW-SCR-014")->body, catalog_before);
}

TEST_F(ProductApi, GivenDemoProductsWhenDroppedThenTheUneditedGoAndTheEditedStay) {
  ctx_.demo = domain::parse_catalog_csv(kCsv).products;  // the two good rows stand for the demo
  json edited = json::parse(client_->Get("/api/v1/products/WF-SHO-001")->body);
  edited["description"] = "Our own pump, restyled.";
  edited.erase("price");
  edited.erase("in_stock");
  ASSERT_EQ(client_->Put("/api/v1/products/WF-SHO-001", admin_, edited.dump(), "application/json")
                ->status,
            200);
  EXPECT_EQ(client_->Post("/api/v1/products/drop-demo")->status, 401);
  auto r = client_->Post("/api/v1/products/drop-demo", admin_, "", "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body), (json{{"removed", 1}, {"kept", {"WF-SHO-001"}}}));
  EXPECT_EQ(client_->Get("/api/v1/products/HW-SCR-014")->status, 404);
  EXPECT_EQ(client_->Get("/api/v1/products/WF-SHO-001")->status, 200);
  auto again = client_->Post("/api/v1/products/drop-demo", admin_, "", "application/json");
  EXPECT_EQ(json::parse(again->body)["removed"], 0) << "dropping twice removes nothing more";
}

}  // namespace
}  // namespace parley::http
