#include "http/router.hpp"

#include <gtest/gtest.h>

namespace parley::http {
namespace {

Handler named(const std::string& name) {
  return [name](const HttpRequest&) { return json_ok(name); };
}

Router sample() {
  Router r;
  r.add("GET", "/healthz", named("health"));
  r.add("POST", "/api/v1/chat", named("chat"));
  r.add("GET", "/api/v1/conversations/{id}", named("conv"));
  r.add("GET", "/api/v1/conversations/{id}/events", named("events"));
  r.add("DELETE", "/api/v1/conversations/{id}", named("delete"));
  return r;
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  auto r = sample();
  auto m = r.match("GET", "/api/v1/conversations/api:u1/events");
  ASSERT_EQ(m.kind, Router::Match::found);
  EXPECT_EQ(m.route, "/api/v1/conversations/{id}/events");
  EXPECT_EQ(m.params.at("id"), "api:u1");
  EXPECT_EQ((*m.handler)(HttpRequest{}).body, "events");
}

TEST(Router, PercentDecodesParameters) {
  auto m = sample().match("GET", "/api/v1/conversations/whatsapp%3A%2B91%20x");
  ASSERT_EQ(m.kind, Router::Match::found);
  EXPECT_EQ(m.params.at("id"), "whatsapp:+91 x");
}

TEST(Router, TrailingSlashAndRepeatedSlashesAreTheSamePath) {
  EXPECT_EQ(sample().match("GET", "/healthz/").kind, Router::Match::found);
  EXPECT_EQ(sample().match("POST", "//api//v1/chat").kind, Router::Match::found);
}

TEST(Router, UnknownPathIsNotFound) {
  auto r = sample();
  EXPECT_EQ(r.match("GET", "/nope").kind, Router::Match::not_found);
  EXPECT_EQ(r.match("GET", "/api/v1/conversations").kind, Router::Match::not_found);
  EXPECT_EQ(r.match("GET", "/api/v1/conversations/a/b/c").kind, Router::Match::not_found);
}

TEST(Router, KnownPathWithOtherMethodIsMethodNotAllowed) {
  auto m = sample().match("PUT", "/api/v1/conversations/x");
  EXPECT_EQ(m.kind, Router::Match::method_not_allowed);
  EXPECT_EQ(m.allow, "GET, DELETE");
  EXPECT_EQ(sample().match("GET", "/api/v1/chat").allow, "POST");
}

TEST(Router, HeadIsServedByGet) {
  EXPECT_EQ(sample().match("HEAD", "/healthz").kind, Router::Match::found);
}

TEST(Router, PatternsAreListedOnce) {
  EXPECT_EQ(sample().patterns().size(), 4u);
}

}  // namespace
}  // namespace parley::http
