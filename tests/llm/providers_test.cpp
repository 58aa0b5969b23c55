// The three provider families against fake servers on loopback that answer
// as the real APIs do: the request on the wire, plain text, tool calls
// (single, parallel, invalid arguments), malformed answers, 429 with
// Retry-After, 500s, timeouts, auth errors and streamed chunks.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "llm/provider.hpp"
#include "tests/llm/provider_answers.hpp"
#include "tests/support/fake_platform.hpp"

namespace parley::llm {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
using testing::llm_answers::Family;
using Clock = std::chrono::steady_clock;

CompletionRequest shop_request() {
  CompletionRequest r;
  r.model = "m1";
  r.system = "You are the shop's assistant.";
  r.messages.push_back({Message::Role::user, "I need screws", {}, "", "", false});
  r.tools.push_back({"search_products",
                     "Search the catalog",
                     {{"type", "object"},
                      {"properties", {{"query", {{"type", "string"}}}}},
                      {"required", {"query"}}}});
  r.tools.push_back(
      {"view_cart", "Show the cart", {{"type", "object"}, {"properties", json::object()}}});
  return r;
}

class Providers : public ::testing::TestWithParam<const Family*> {
 protected:
  std::unique_ptr<Provider> provider(const FakePlatform& fake, RetryPolicy retry = {}) {
    ProviderSettings s;
    s.name = GetParam()->provider;
    s.base_url = fake.base() + (s.name == "openai" ? "/v1/" : "");
    s.api_key = "sk-test";
    s.retry = retry;
    s.retry.base_delay = milliseconds(10);
    return make_provider(s);
  }
  static Clock::time_point in(milliseconds ms) { return Clock::now() + ms; }
  static RetryPolicy quick() {
    RetryPolicy p;
    p.max_delay = milliseconds(200);
    return p;
  }
};

TEST_P(Providers, PlainTextWithUsageAndTheRequestAsTheApiWantsIt) {
  const Family& f = *GetParam();
  FakePlatform fake([&](const Recorded&, size_t) { return Answer{200, f.plain}; });
  auto r = provider(fake)->complete(shop_request(), in(milliseconds(5000)));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r.value().text, "Hello! How can I help?");
  EXPECT_TRUE(r.value().tool_calls.empty());
  EXPECT_EQ(r.value().usage.input_tokens, 42);
  EXPECT_EQ(r.value().usage.output_tokens, 7);
  EXPECT_EQ(r.value().model, "m1-2024");
  EXPECT_EQ(r.value().attempts, 1);

  ASSERT_EQ(fake.requests().size(), 1u);
  const auto q = fake.requests()[0];
  EXPECT_EQ(q.path, f.path);
  const auto body = json::parse(q.body);
  const std::string name = f.provider;
  if (name == "openai") {
    EXPECT_EQ(q.headers.at("authorization"), "Bearer sk-test");
    EXPECT_EQ(body["model"], "m1");
    EXPECT_EQ(body["messages"][0],
              json({{"role", "system"}, {"content", "You are the shop's assistant."}}));
    EXPECT_EQ(body["messages"][1], json({{"role", "user"}, {"content", "I need screws"}}));
    EXPECT_EQ(body["tools"][0]["type"], "function");
    EXPECT_EQ(body["tools"][0]["function"]["name"], "search_products");
    EXPECT_EQ(body["tools"][0]["function"]["parameters"]["required"][0], "query");
    EXPECT_FALSE(body.contains("stream"));
  } else if (name == "anthropic") {
    EXPECT_EQ(q.headers.at("x-api-key"), "sk-test");
    EXPECT_EQ(q.headers.at("anthropic-version"), "2023-06-01");
    EXPECT_EQ(body["model"], "m1");
    EXPECT_EQ(body["system"], "You are the shop's assistant.");
    EXPECT_EQ(body["messages"][0]["role"], "user");
    EXPECT_EQ(body["messages"][0]["content"][0]["text"], "I need screws");
    EXPECT_EQ(body["tools"][0]["name"], "search_products");
    EXPECT_EQ(body["tools"][0]["input_schema"]["required"][0], "query");
    EXPECT_TRUE(body["max_tokens"].is_number());
  } else {
    EXPECT_EQ(q.headers.at("x-goog-api-key"), "sk-test");
    EXPECT_EQ(body["systemInstruction"]["parts"][0]["text"], "You are the shop's assistant.");
    EXPECT_EQ(body["contents"][0]["role"], "user");
    EXPECT_EQ(body["contents"][0]["parts"][0]["text"], "I need screws");
    EXPECT_EQ(body["tools"][0]["functionDeclarations"][1]["name"], "view_cart");
  }
}

TEST_P(Providers, ParallelToolCalls) {
  const Family& f = *GetParam();
  FakePlatform fake([&](const Recorded&, size_t) { return Answer{200, f.tools}; });
  auto r = provider(fake)->complete(shop_request(), in(milliseconds(5000)));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r.value().tool_calls.size(), 2u);
  const auto& a = r.value().tool_calls[0];
  const auto& b = r.value().tool_calls[1];
  EXPECT_EQ(a.name, "search_products");
  EXPECT_TRUE(a.valid());
  EXPECT_EQ(a.arguments, json({{"query", "screws"}}));
  EXPECT_EQ(b.name, "view_cart");
  EXPECT_EQ(b.arguments, json::object());
  EXPECT_FALSE(a.id.empty());
  EXPECT_NE(a.id, b.id);
  EXPECT_EQ(r.value().usage.input_tokens, 100);
  EXPECT_EQ(r.value().usage.output_tokens, 20);
}

TEST_P(Providers, ArgumentsThatAreNotAnObjectMakeAnInvalidCall) {
  const Family& f = *GetParam();
  FakePlatform fake([&](const Recorded&, size_t) { return Answer{200, f.invalid_args}; });
  auto r = provider(fake)->complete(shop_request(), in(milliseconds(5000)));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r.value().tool_calls.size(), 1u);
  EXPECT_FALSE(r.value().tool_calls[0].valid());
  EXPECT_NE(r.value().tool_calls[0].invalid_arguments.find("scr"), std::string::npos);
}

TEST_P(Providers, MalformedAnswerIsABadResponseAndNotRetried) {
  FakePlatform fake([&](const Recorded&, size_t) { return Answer{200, "{\"choices\": [tru"}; });
  auto r = provider(fake)->complete(shop_request(), in(milliseconds(5000)));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::bad_response);
  EXPECT_EQ(fake.requests().size(), 1u);
}

TEST_P(Providers, RateLimitedThenAnswersAfterRetryAfter) {
  const Family& f = *GetParam();
  FakePlatform fake([&](const Recorded&, size_t n) {
    if (n == 1)
      return Answer{429,
                    R"({"error":{"message":"slow down","type":"rate_limit_error"}})",
                    {{"Retry-After", "0.15"}}};
    return Answer{200, f.plain};
  });
  const auto t0 = Clock::now();
  auto r = provider(fake, quick())->complete(shop_request(), in(milliseconds(5000)));
  const auto waited = Clock::now() - t0;
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r.value().attempts, 2);
  EXPECT_EQ(fake.requests().size(), 2u);
  EXPECT_GE(waited, milliseconds(150));  // the Retry-After, not the 10 ms backoff
}

TEST_P(Providers, RateLimitedBeyondTheDeadlineGivesUpAtOnce) {
  FakePlatform fake([&](const Recorded&, size_t) {
    return Answer{429, R"({"error":{"message":"quota"}})", {{"Retry-After", "30"}}};
  });
  RetryPolicy p;
  p.max_delay = milliseconds(60000);
  const auto t0 = Clock::now();
  auto r = provider(fake, p)->complete(shop_request(), in(milliseconds(500)));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::rate_limited);
  EXPECT_EQ(r.error().message, "HTTP 429: quota");
  EXPECT_LT(Clock::now() - t0, milliseconds(400));
}

TEST_P(Providers, ServerErrorsAreRetriedThenReported) {
  const Family& f = *GetParam();
  FakePlatform flaky([&](const Recorded&, size_t n) {
    return n == 1 ? Answer{500, R"({"error":{"message":"boom"}})"} : Answer{200, f.plain};
  });
  auto ok = provider(flaky)->complete(shop_request(), in(milliseconds(5000)));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok.value().attempts, 2);

  FakePlatform down([&](const Recorded&, size_t) { return Answer{503, "overloaded"}; });
  auto r = provider(down)->complete(shop_request(), in(milliseconds(5000)));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::unavailable);
  EXPECT_EQ(r.error().attempts, 3);
  EXPECT_EQ(r.error().status, 503);
  EXPECT_EQ(down.requests().size(), 3u);
}

TEST_P(Providers, WrongKeyIsAnAuthErrorAndNotRetried) {
  FakePlatform fake([&](const Recorded&, size_t) {
    return Answer{401, R"({"error":{"message":"invalid x-api-key"}})"};
  });
  auto r = provider(fake)->complete(shop_request(), in(milliseconds(5000)));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::auth);
  EXPECT_EQ(r.error().message, "HTTP 401: invalid x-api-key");
  EXPECT_EQ(fake.requests().size(), 1u);
}

TEST_P(Providers, SlowProviderTimesOutWithinTheDeadline) {
  const Family& f = *GetParam();
  FakePlatform fake([&](const Recorded&, size_t) {
    return Answer{200, f.plain, {}, milliseconds(600)};
  });
  const auto t0 = Clock::now();
  auto r = provider(fake)->complete(shop_request(), in(milliseconds(200)));
  const auto took = Clock::now() - t0;
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::timeout);
  EXPECT_LT(took, milliseconds(500));
  EXPECT_EQ(fake.requests().size(), 1u);  // a timeout is not retried past the deadline
}

TEST_P(Providers, NobodyListeningIsUnavailable) {
  ProviderSettings s;
  s.name = GetParam()->provider;
  s.base_url = "http://127.0.0.1:1";
  s.retry.base_delay = milliseconds(5);
  auto r = make_provider(s)->complete(shop_request(), in(milliseconds(2000)));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::unavailable);
  EXPECT_EQ(r.error().attempts, 3);
}

TEST_P(Providers, StreamedTextArrivesInPiecesAndToolCallsAddUp) {
  const Family& f = *GetParam();
  FakePlatform fake([&](const Recorded&, size_t) { return Answer{200, f.stream}; });
  std::vector<std::string> pieces;
  auto r = provider(fake)->complete(shop_request(), in(milliseconds(5000)),
                                    [&](std::string_view d) { pieces.emplace_back(d); });
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(pieces, (std::vector<std::string>{"Hel", "lo"}));
  EXPECT_EQ(r.value().text, "Hello");
  ASSERT_EQ(r.value().tool_calls.size(), 1u);
  EXPECT_EQ(r.value().tool_calls[0].name, "search_products");
  EXPECT_EQ(r.value().tool_calls[0].arguments, json({{"query", "drill"}}));
  EXPECT_EQ(r.value().usage.input_tokens, 30);
  EXPECT_EQ(r.value().usage.output_tokens, 12);
  const auto q = fake.requests().at(0);
  EXPECT_EQ(q.path, f.stream_path);
  const std::string name = f.provider;
  if (name == "gemini") {
    EXPECT_EQ(q.params.at("alt"), "sse");
  } else {
    EXPECT_EQ(json::parse(q.body)["stream"], true);
  }
}

TEST_P(Providers, ToolResultsGoBackInTheProvidersShape) {
  FakePlatform fake([&](const Recorded&, size_t) { return Answer{200, GetParam()->plain}; });
  auto req = shop_request();
  Message call{Message::Role::assistant, "", {}, "", "", false};
  call.tool_calls.push_back({"call_a", "search_products", {{"query", "screws"}}, ""});
  call.tool_calls.push_back({"call_b", "view_cart", json::object(), ""});
  req.messages.push_back(call);
  req.messages.push_back({Message::Role::tool,
                          R"({"results":[{"sku":"HW-1"}]})",
                          {},
                          "call_a",
                          "search_products",
                          false});
  req.messages.push_back(
      {Message::Role::tool, R"("no such tool")", {}, "call_b", "view_cart", true});
  ASSERT_TRUE(provider(fake)->complete(req, in(milliseconds(5000))));
  const auto body = json::parse(fake.requests().at(0).body);
  const std::string name = GetParam()->provider;
  if (name == "openai") {
    const auto& m = body["messages"];
    ASSERT_EQ(m.size(), 5u);
    EXPECT_EQ(m[2]["tool_calls"][0]["function"]["arguments"], R"({"query":"screws"})");
    EXPECT_EQ(m[3], json({{"role", "tool"},
                          {"tool_call_id", "call_a"},
                          {"content", R"({"results":[{"sku":"HW-1"}]})"}}));
    EXPECT_EQ(m[4]["tool_call_id"], "call_b");
  } else if (name == "anthropic") {
    const auto& m = body["messages"];
    ASSERT_EQ(m.size(), 3u);  // user, assistant (2 tool_use), user (2 tool_result)
    EXPECT_EQ(m[1]["content"][1]["type"], "tool_use");
    EXPECT_EQ(m[1]["content"][1]["id"], "call_b");
    EXPECT_EQ(m[2]["role"], "user");
    EXPECT_EQ(m[2]["content"][0]["tool_use_id"], "call_a");
    EXPECT_EQ(m[2]["content"][1]["is_error"], true);
  } else {
    const auto& c = body["contents"];
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[1]["role"], "model");
    EXPECT_EQ(c[1]["parts"][0]["functionCall"]["args"]["query"], "screws");
    EXPECT_EQ(c[2]["parts"][0]["functionResponse"]["name"], "search_products");
    EXPECT_EQ(c[2]["parts"][0]["functionResponse"]["response"]["results"][0]["sku"], "HW-1");
    EXPECT_EQ(c[2]["parts"][1]["functionResponse"]["response"]["error"], "no such tool");
  }
}

INSTANTIATE_TEST_SUITE_P(All, Providers,
                         ::testing::Values(&testing::llm_answers::kOpenAi,
                                           &testing::llm_answers::kAnthropic,
                                           &testing::llm_answers::kGemini),
                         [](const auto& param_info) {
                           return std::string(param_info.param->provider);
                         });

TEST(RetryDelay, DoublesUpToTheCapAndHonoursRetryAfter) {
  RetryPolicy p;
  p.max_attempts = 5;
  p.base_delay = milliseconds(100);
  p.max_delay = milliseconds(1000);
  HttpResponse a;
  a.status = 500;
  EXPECT_EQ(retry_delay(a, 1, p), milliseconds(100));
  EXPECT_EQ(retry_delay(a, 2, p), milliseconds(200));
  EXPECT_EQ(retry_delay(a, 4, p), milliseconds(800));
  EXPECT_EQ(retry_delay(a, 5, p), std::nullopt);  // attempts used up
  a.status = 429;
  a.headers["retry-after"] = "2";
  EXPECT_EQ(retry_delay(a, 1, p), milliseconds(1000));  // capped
  a.headers["retry-after-ms"] = "350";
  EXPECT_EQ(retry_delay(a, 1, p), milliseconds(350));
  a.status = 400;
  EXPECT_EQ(retry_delay(a, 1, p), std::nullopt);
  a = HttpResponse{};
  a.transport_error = "Connection refused";
  EXPECT_EQ(retry_delay(a, 1, p), milliseconds(100));
  a.timed_out = true;
  EXPECT_EQ(retry_delay(a, 1, p), std::nullopt);
}

TEST(Sse, EventsSplitAnywhere) {
  const std::string stream =
      ": keep-alive\r\nevent: a\r\ndata: {\"x\":1}\r\n\r\ndata: line one\ndata: line two\n\n"
      "data: Привет\n\ndata: last";
  for (size_t cut = 0; cut <= stream.size(); ++cut) {
    SseParser p;
    std::vector<SseEvent> got;
    p.feed(stream.substr(0, cut), &got);
    p.feed(stream.substr(cut), &got);
    SseEvent last;
    ASSERT_TRUE(p.finish(&last)) << cut;
    got.push_back(last);
    ASSERT_EQ(got.size(), 4u) << cut;
    EXPECT_EQ(got[0].event, "a");
    EXPECT_EQ(got[0].data, "{\"x\":1}");
    EXPECT_EQ(got[1].data, "line one\nline two");
    EXPECT_EQ(got[2].data, "Привет");
    EXPECT_EQ(got[3].data, "last");
  }
}

}  // namespace
}  // namespace parley::llm
