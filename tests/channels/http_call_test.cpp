// One request type, two clients: the blocking net::send and the outbox's
// MultiClient put the same HttpCall on the wire and read the answer the same
// way (tests/support/fake_platform.hpp records what arrived on loopback).
#include <gtest/gtest.h>

#include "channels/http_client.hpp"
#include "net/http_call.hpp"
#include "tests/support/fake_platform.hpp"

namespace parley {
namespace {

using namespace std::chrono_literals;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;

net::HttpCall delete_with_auth(const std::string& base) {
  net::HttpCall call;
  call.method = "DELETE";
  call.url = base + "/v1/things/7";
  call.headers = {{"X-Trace", "t-1"}};
  call.body = "reason=spam";
  call.basic_auth = "shop:secret";
  return call;
}

net::HttpResponse via_multi_client(const net::HttpCall& call) {
  channels::MultiClient client(channels::HttpOptions{});
  client.start(call, 42);
  for (int i = 0; i < 100; ++i)
    for (auto& done : client.run(100ms))
      if (done.tag == 42) return done.response;
  return {};
}

TEST(HttpCall, BothClientsSendTheMethodHeadersBodyAndBasicAuthOfTheCall) {
  FakePlatform platform([](const Recorded&, size_t) {
    return Answer{201, R"({"ok":true})", {{"Retry-After", " 3 "}}};
  });
  const auto call = delete_with_auth(platform.base());

  const auto blocking = net::send(call, net::kConnectTimeout, 5s);
  const auto multiplexed = via_multi_client(call);

  ASSERT_EQ(platform.count(), 2u);
  for (const auto& seen : platform.requests()) {
    EXPECT_EQ(seen.method, "DELETE");
    EXPECT_EQ(seen.path, "/v1/things/7");
    EXPECT_EQ(seen.headers.at("x-trace"), "t-1");
    EXPECT_EQ(seen.headers.at("authorization"), "Basic c2hvcDpzZWNyZXQ=");
    EXPECT_EQ(seen.body, "reason=spam");
    EXPECT_EQ(seen.headers.count("expect"), 0u);
  }
  for (const auto& answer : {blocking, multiplexed}) {
    EXPECT_EQ(answer.status, 201);
    EXPECT_EQ(answer.body, R"({"ok":true})");
    EXPECT_EQ(answer.headers.at("retry-after"), "3");  // name lowered, value trimmed
    EXPECT_EQ(answer.transport_error, "");
  }
}

TEST(HttpCall, AJsonPostCarriesItsContentTypeBeforeTheExtraHeaders) {
  FakePlatform platform([](const Recorded&, size_t) { return Answer{}; });
  const auto call = net::json_post(platform.base() + "/hook", R"({"a":1})", {{"X-Key", "k"}});
  EXPECT_EQ(call.method, "POST");
  EXPECT_EQ(net::send(call, net::kConnectTimeout, 5s).status, 200);
  const auto seen = platform.requests().at(0);
  EXPECT_EQ(seen.headers.at("content-type"), "application/json");
  EXPECT_EQ(seen.headers.at("x-key"), "k");
  EXPECT_EQ(seen.body, R"({"a":1})");
}

TEST(HttpCall, ABlockingCallThatRunsOutOfTimeSaysItTimedOut) {
  FakePlatform platform([](const Recorded&, size_t) { return Answer{200, "{}", {}, 400ms}; });
  const auto answer =
      net::send(net::json_post(platform.base() + "/slow", "{}"), net::kConnectTimeout, 100ms);
  EXPECT_EQ(answer.status, 0);
  EXPECT_TRUE(answer.timed_out);
  EXPECT_FALSE(answer.transport_error.empty());
  const auto none_left =
      net::send(net::json_post(platform.base() + "/slow", "{}"), net::kConnectTimeout, 0ms);
  EXPECT_TRUE(none_left.timed_out);
}

TEST(HttpCall, ABlockingCallStopsReadingAtItsCapAndSaysTheAnswerWasTooLarge) {
  const std::string big(300 * 1024, 'x');
  FakePlatform platform([&](const Recorded&, size_t) { return Answer{200, big, {}}; });
  net::HttpCall call;
  call.method = "GET";
  call.url = platform.base() + "/file";
  call.max_response_bytes = 64 * 1024;
  const auto capped = net::send(call, net::kConnectTimeout, 5s);
  EXPECT_EQ(capped.status, 0);
  EXPECT_TRUE(capped.too_large);
  EXPECT_LE(capped.body.size(), call.max_response_bytes);
  EXPECT_NE(capped.transport_error.find("65536 bytes"), std::string::npos);

  call.max_response_bytes = big.size();  // exactly the cap is allowed
  const auto whole = net::send(call, net::kConnectTimeout, 5s);
  EXPECT_EQ(whole.status, 200);
  EXPECT_FALSE(whole.too_large);
  EXPECT_EQ(whole.body.size(), big.size());
}

}  // namespace
}  // namespace parley
