// GET /api/v1/conversations (http/inbox_api.hpp): for sales and admin only,
// parameters checked before any work, pages as the view cuts them.
#include "http/inbox_api.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

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
  const auto reversed = get("from=2026-12-05&to=2026-12-01");
  EXPECT_EQ(reversed.status, 400);
  EXPECT_NE(reversed.body.find("invalid_range"), std::string::npos) << reversed.body;
}

// What the stream wrote, as the console's EventSource would read it.
struct Written {
  std::mutex mu;
  std::string text;
  bool has(const std::string& s) {
    std::lock_guard lock(mu);
    return text.find(s) != std::string::npos;
  }
};

TEST_F(InboxApi, GivenTheEventStreamWhenAConversationChangesThenItsIdIsSent) {
  ctx.keep_alive = std::chrono::milliseconds(20);
  HttpRequest req;
  req.method = "GET";
  req.path = "/api/v1/inbox/events";
  req.headers["authorization"] = "Bearer admin-secret";
  auto r = (*router.match("GET", req.path).handler)(req);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/event-stream");
  ASSERT_TRUE(r.stream);
  Written out;
  std::thread reader([&] {
    r.stream([&](const std::string& bytes) {
      std::lock_guard lock(out.mu);
      out.text += bytes;
      return true;
    });
  });
  conversations.changes().publish({"telegram:42"});
  conversations.changes().publish({"telegram:7"}, projections::ChangeFeed::Kind::detail);
  // Quiet afterwards: the keep-alive comment follows (every 20 ms here).
  for (int i = 0; i < 200 && !(out.has("telegram:7") && out.has(": keep-alive")); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  conversations.changes().close();  // as the server does before it stops
  reader.join();
  EXPECT_TRUE(
      out.has("event: conversation\nid: 1\ndata: {\"conversation_id\":\"telegram:42\"}\n\n"))
      << out.text;
  EXPECT_TRUE(out.has("event: delivery\nid: 2\ndata: {\"conversation_id\":\"telegram:7\"}\n\n"))
      << "news for a conversation's page only, not its inbox row: " << out.text;
  EXPECT_TRUE(out.has(": keep-alive")) << out.text;
}

TEST_F(InboxApi, GivenTooManyOpenStreamsThenTheNextIs503AndASlotFreesWhenOneEnds) {
  ctx.max_streams = 1;
  HttpRequest req;
  req.method = "GET";
  req.path = "/api/v1/inbox/events";
  req.headers["authorization"] = "Bearer admin-secret";
  const auto& handler = *router.match("GET", req.path).handler;
  {
    auto first = handler(req);
    EXPECT_EQ(first.status, 200);
    auto second = handler(req);
    EXPECT_EQ(second.status, 503);
  }  // the first stream's response is gone: its slot is free
  EXPECT_EQ(handler(req).status, 200);
  req.headers.erase("authorization");
  EXPECT_EQ(handler(req).status, 401);
}

}  // namespace
}  // namespace parley::http
