// Personal data at rest with the real binary (issue 17, item 16): a shopper
// orders and gives their details; no file of the data directory holds them;
// an admin forgets the customer; the conversation, the order and the views
// read as erased, also after `parley projections rebuild all`; a server
// started with another master key refuses the data.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "tests/support/chat.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Server;

constexpr const char* kAdmin = "admin-privacy";
const httplib::Headers kAdminHeaders = {{"Authorization", std::string("Bearer ") + kAdmin}};

// Every byte of every file under `dir` except the master key.
std::string data_files(const std::string& dir) {
  std::string bytes;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) {
    if (!f.is_regular_file() || f.path().filename() == "master-key") continue;
    std::ifstream in(f.path(), std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return bytes;
}

std::string say(httplib::Client& c, const std::string& user, const std::string& text) {
  return testing::chat_replies(c, user, text);
}

std::string place_order(httplib::Client& c, const std::string& user, const std::string& details) {
  std::string transcript;
  for (const char* text : {"I need something to fasten wood", "add 2 of the first one", "checkout"})
    transcript += say(c, user, text);
  transcript += say(c, user, details);
  const std::string placed = say(c, user, "yes");
  std::smatch m;
  EXPECT_TRUE(std::regex_search(placed, m, std::regex("(ORD-[0-9A-Z]{16})")))
      << transcript << placed;
  return m.empty() ? "" : m[1].str();
}

// Polls `path` until `pred` holds of its body (the views follow the log
// every 100 ms); the last body.
std::string wait_for(httplib::Client& c, const std::string& path,
                     const std::function<bool(const std::string&)>& pred) {
  std::string body;
  for (int i = 0; i < 100; ++i) {
    auto r = c.Get(path.c_str(), kAdminHeaders);
    body = r ? r->body : "";
    if (r && r->status == 200 && pred(body)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return body;
}

json get(httplib::Client& c, const std::string& path) {
  auto r = c.Get(path.c_str(), kAdminHeaders);
  EXPECT_TRUE(r && r->status == 200) << path << ": " << (r ? r->body : "no answer");
  return r ? json::parse(r->body, nullptr, false) : json();
}

TEST(PrivacyE2E, DetailsAreSealedOnDiskAndAForgottenCustomerReadsAsErasedEverywhere) {
  testing::TempDir dir;
  const std::vector<std::string> env = {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin};
  const std::string details =
      "Zofia Wiśniewska, +48 601 234 567, zofia@example.com, ul. Długa 7, Gdańsk";
  std::string order;
  {
    Server server(dir.path(), env);
    httplib::Client c("127.0.0.1", server.port());
    say(c, "zofia", "do you sell zzqxwv lamps");  // a search that finds nothing
    order = place_order(c, "zofia", details);
    ASSERT_FALSE(order.empty());
    EXPECT_EQ(get(c, "/api/v1/orders/" + order)["customer"]["name"], "Zofia Wiśniewska");
    const std::string customers = wait_for(c, "/api/v1/analytics/customers", [](const auto& b) {
      return b.find("Wiśniewska") != std::string::npos;
    });
    EXPECT_NE(customers.find("Wiśniewska"), std::string::npos) << customers;
    // While serving, the events and the views sit in their WALs, uncompressed.
    const std::string files = data_files(dir.path());
    for (const char* plain :
         {"Wiśniewska", "601 234 567", "48601234567", "zofia@example.com", "Długa", "Gdańsk"})
      EXPECT_EQ(files.find(plain), std::string::npos) << plain << " is stored in the clear";
    ASSERT_EQ(server.terminate(), 0) << server.log();
  }

  {
    Server server(dir.path(), env);
    httplib::Client c("127.0.0.1", server.port());
    EXPECT_EQ(c.Post("/api/v1/conversations/api:zofia/forget")->status, 401);
    EXPECT_EQ(c.Post("/api/v1/conversations/api:nobody/forget", kAdminHeaders, "", "")->status,
              404);
    auto r = c.Post("/api/v1/conversations/api:zofia/forget", kAdminHeaders, "", "");
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(json::parse(r->body)["forgotten"], true);

    const json conversation = get(c, "/api/v1/conversations/api:zofia?limit=100");
    EXPECT_EQ(conversation.dump().find("Wiśniewska"), std::string::npos) << conversation.dump();
    EXPECT_NE(conversation.dump().find("[erased]"), std::string::npos);
    const json placed = get(c, "/api/v1/orders/" + order);
    EXPECT_EQ(placed["customer"]["name"], "[erased]");
    EXPECT_GT(placed["total_cents"].get<int64_t>(), 0);
    // The activity history reads the log: erased at once, no rebuild.
    const json activity = get(c, "/api/v1/analytics/activity/conversation/api:zofia");
    EXPECT_EQ(activity.dump().find("Wiśniewska"), std::string::npos) << activity.dump();
    EXPECT_NE(activity.dump().find("Wrote: [erased]"), std::string::npos) << activity.dump();
    EXPECT_EQ(json::parse(r->body)["views_to_rebuild"], json::array({"funnel"}));
    // The longest id a path may carry reads no stream: 404, not a storage error.
    EXPECT_EQ(c.Get(("/api/v1/analytics/activity/conversation/" + std::string(256, 'x')).c_str(),
                    kAdminHeaders)
                  ->status,
              404);
    // The live orders view forgot too (no rebuild yet).
    for (const char* view : {"/api/v1/analytics/orders", "/api/v1/analytics/customers"}) {
      const std::string live =
          wait_for(c, view, [](const auto& b) { return b.find("[erased]") != std::string::npos; });
      EXPECT_EQ(live.find("Wiśniewska"), std::string::npos) << live;
      EXPECT_EQ(live.find("48601234567"), std::string::npos) << live;
    }
    // The shopper may write again; the new message is theirs to read.
    say(c, "zofia", "hello again");
    EXPECT_NE(get(c, "/api/v1/conversations/api:zofia?limit=100").dump().find("hello again"),
              std::string::npos);
    ASSERT_EQ(server.terminate(), 0) << server.log();
  }

  auto [code, out, err] = testing::run({PARLEY_BIN, "projections", "rebuild", "all"},
                                       {"PARLEY_DATA_DIR=" + dir.path()});
  ASSERT_EQ(code, 0) << out << err;
  {
    Server server(dir.path(), env);
    httplib::Client c("127.0.0.1", server.port());
    for (const char* view : {"/api/v1/analytics/orders", "/api/v1/analytics/customers"}) {
      const std::string rebuilt = get(c, view).dump();
      EXPECT_EQ(rebuilt.find("Wiśniewska"), std::string::npos) << rebuilt;
      EXPECT_NE(rebuilt.find("[erased]"), std::string::npos) << rebuilt;
    }
  }

  // Another master key: the server refuses to start rather than read garbage.
  std::ofstream(dir.path() + "/other-key") << std::string(64, 'a') << "\n";
  auto [refused, rout, rerr] =
      testing::run({PARLEY_BIN, "serve"}, {"PARLEY_DATA_DIR=" + dir.path(), "PARLEY_HTTP_PORT=0",
                                           "PARLEY_MASTER_KEY_FILE=" + dir.path() + "/other-key",
                                           std::string("PARLEY_ADMIN_TOKEN=") + kAdmin});
  EXPECT_EQ(refused, 1);
  EXPECT_NE(rerr.find("master key"), std::string::npos) << rerr;
}

}  // namespace
}  // namespace parley
