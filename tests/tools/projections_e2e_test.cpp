// The projections end to end: the `parley` binary killed with SIGKILL while
// its views are behind the log, started again, and compared with the same
// views rebuilt from position 0 by `parley projections rebuild all`.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/parley_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::run;
using testing::Server;

constexpr const char* kAdmin = "test-admin-token";

// One shopper's visit: a search, and for most a cart, a checkout, an order.
void visit(httplib::Client& c, const std::string& user, int n) {
  auto say = [&](const std::string& text) {
    c.Post("/api/v1/chat", json{{"user_id", user}, {"text", text}}.dump(), "application/json");
  };
  say(n % 5 == 0 ? "do you sell unicorn saddles" : "I need something to fasten wood");
  if (n % 5 == 0) return;  // a zero-result search, nothing else
  say("add 2 of the first one");
  if (n % 3 == 0) return;  // an abandoned cart
  say("checkout");
  say("Rahul Sharma, +91 98765 4" + std::to_string(1000 + n % 7) +
      ", rahul@example.com, 14 Park Street, Kolkata");
  say("yes");
}

// The largest projection lag /metrics reports.
uint64_t max_lag(httplib::Client& c) {
  auto r = c.Get("/metrics");
  if (!r || r->status != 200) return 0;
  uint64_t most = 0;
  std::regex re("parley_projection_lag\\{projection=\"[a-z]+\"\\} (\\d+)");
  for (std::sregex_iterator it(r->body.begin(), r->body.end(), re), end; it != end; ++it)
    most = std::max<uint64_t>(most, std::stoull((*it)[1]));
  return most;
}

// The log's head as /metrics reports it.
uint64_t log_position(httplib::Client& c) {
  auto r = c.Get("/metrics");
  std::smatch m;
  if (!r || r->status != 200 ||
      !std::regex_search(r->body, m, std::regex("parley_log_position (\\d+)")))
    return 0;
  return std::stoull(m[1]);
}

// Waits until the server is quiet: the views caught up and the log has not
// moved for half a second (the order worker finishes what the shoppers'
// orders still needed after a restart: stock, payment instructions, notices).
bool settled(httplib::Client& c) {
  uint64_t last = 0;
  int quiet = 0;
  for (int i = 0; i < 300 && quiet < 5; ++i) {
    const uint64_t head = log_position(c);
    quiet = max_lag(c) == 0 && head == last ? quiet + 1 : 0;
    last = head;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return quiet >= 5;
}

// Every analyst view the HTTP contract lists, as the server answers it.
std::map<std::string, json> analytics(int port) {
  httplib::Client c("127.0.0.1", port);
  const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kAdmin}};
  std::map<std::string, json> out;
  for (const std::string path :
       {"/api/v1/analytics/funnel", "/api/v1/analytics/carts",
        "/api/v1/analytics/carts?state=abandoned&abandoned_after_hours=1",
        "/api/v1/analytics/billing", "/api/v1/analytics/orders", "/api/v1/analytics/customers",
        "/api/v1/nudges?kind=all", "/api/v1/analytics/activity/conversation/api:shopper-7"}) {
    auto r = c.Get(path, auth);
    EXPECT_TRUE(r && r->status == 200) << path << ": " << (r ? r->body : "no answer");
    if (r && r->status == 200) out[path] = json::parse(r->body);
  }
  return out;
}

TEST(ProjectionsE2E, SigkillWhileProjectingThenRestartEqualsRebuildFromZero) {
  testing::TempDir dir;
  const std::vector<std::string> env = {"PARLEY_ADMIN_TOKEN=" + std::string(kAdmin),
                                        "PARLEY_TIMEZONE=Asia/Kolkata", "PARLEY_NUDGES=1"};
  uint64_t lag_at_kill = 0;
  {
    Server server(dir.path(), env);
    // Bursts of shoppers from 4 threads, until a burst ends with the views
    // behind the log; then SIGKILL at once, projection half done.
    std::atomic<int> next{0};
    for (int burst = 0; burst < 30 && lag_at_kill == 0; ++burst) {
      std::vector<std::thread> shoppers;
      for (int t = 0; t < 4; ++t)
        shoppers.emplace_back([&] {
          httplib::Client c("127.0.0.1", server.port());
          for (int i = 0; i < 10; ++i) {
            const int n = next++;
            visit(c, "shopper-" + std::to_string(n), n);
          }
        });
      for (auto& t : shoppers) t.join();
      httplib::Client c("127.0.0.1", server.port());
      lag_at_kill = max_lag(c);
      if (lag_at_kill > 0) server.kill_hard();
    }
    ASSERT_GT(lag_at_kill, 0u) << "the views never fell behind; nothing was killed mid-fold";
  }

  std::map<std::string, json> after_kill;
  {
    Server server(dir.path(), env);
    httplib::Client c("127.0.0.1", server.port());
    ASSERT_TRUE(settled(c));
    ASSERT_EQ(max_lag(c), 0u);
    after_kill = analytics(server.port());
    ASSERT_EQ(server.terminate(), 0) << server.log();
  }
  ASSERT_FALSE(after_kill["/api/v1/analytics/orders"]["orders"].empty());

  std::vector<std::string> cli_env = env;
  cli_env.push_back("PARLEY_DATA_DIR=" + dir.path());
  auto [code, out, err] = run({PARLEY_BIN, "projections", "rebuild", "all"}, cli_env);
  ASSERT_EQ(code, 0) << err;
  EXPECT_NE(out.find("rebuilt all"), std::string::npos) << out;

  Server server(dir.path(), env);
  const auto rebuilt = analytics(server.port());
  ASSERT_EQ(rebuilt.size(), after_kill.size());
  for (const auto& [path, view] : after_kill) {
    EXPECT_TRUE(view == rebuilt.at(path))
        << path << "\nafter the kill: " << view.dump().substr(0, 300)
        << "\nrebuilt:        " << rebuilt.at(path).dump().substr(0, 300);
    EXPECT_FALSE(view.empty()) << path;
  }
}

}  // namespace
}  // namespace parley
