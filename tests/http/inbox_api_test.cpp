// GET /api/v1/conversations (http/inbox_api.hpp): for sales and admin only,
// parameters checked before any work, pages as the view cuts them.
#include "http/inbox_api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace parley::http {
namespace {

using nlohmann::json;

struct InboxApi : ::testing::Test {
  projections::ConversationsView conversations;
  projections::CartsView carts;
  Authorizer auth{"admin-secret"};
  InboxApiContext ctx{conversations, carts, projections::Calendar::utc(), auth};
  Router router;
  void SetUp() override { register_inbox_api(router, ctx); }
  HttpResponse get(const std::string& query, const std::string& token = "admin-secret") {
    HttpRequest req;
    req.method = "GET";
    req.path = "/api/v1/conversations";
    for (size_t start = 0; start < query.size();) {
      auto amp = query.find('&', start);
      if (amp == std::string::npos) amp = query.size();
      const auto pair = query.substr(start, amp - start);
      const auto eq = pair.find('=');
      req.query.emplace(pair.substr(0, eq), pair.substr(eq + 1));
      start = amp + 1;
    }
    if (!token.empty()) req.headers["authorization"] = "Bearer " + token;
    return (*router.match("GET", req.path).handler)(req);
  }
};

TEST_F(InboxApi, GivenNoTokenThenItIs401) {
  EXPECT_EQ(get("", "").status, 401);
}

TEST_F(InboxApi, GivenAnEmptyLogThenThePageIsEmptyWithNoNext) {
  auto r = get("");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto body = json::parse(r.body);
  EXPECT_TRUE(body["conversations"].empty());
  EXPECT_TRUE(body["next"].is_null());
  EXPECT_EQ(body["matched"], 0);
}

TEST_F(InboxApi, GivenParametersOutOfRangeThenEachIsA400) {
  for (const char* bad : {"limit=0", "limit=201", "limit=x", "handoff=yes", "has_cart=1",
                          "from=2026-13-01", "to=yesterday"})
    EXPECT_EQ(get(bad).status, 400) << bad;
  EXPECT_EQ(get("q=" + std::string(101, '1')).status, 400);
  EXPECT_EQ(get("q=" + std::string(100, '1')).status, 200);
}

}  // namespace
}  // namespace parley::http
