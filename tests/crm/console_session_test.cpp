// The console's session cookie (http/session_cookie.hpp, http/session_api.cpp):
// signing in sets an HttpOnly, SameSite=Strict cookie holding the token; the
// cookie authenticates reads; a change made with the cookie alone needs the
// CSRF header from the console's own origin; signing out revokes the token.
#include "http/session_cookie.hpp"
#include "team_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;
using nlohmann::json;

std::string header_of(const http::HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

// "parley_session=abc; Path=/; …" -> "abc".
std::string cookie_value(const std::string& set_cookie) {
  const auto eq = set_cookie.find('=');
  const auto semi = set_cookie.find(';');
  return set_cookie.substr(eq + 1, semi - eq - 1);
}

struct ConsoleSession : Team {
  void SetUp() override {
    Team::SetUp();
    add_user("priya", "Priya Sharma", "sales", "es");
    add_user("ana", "Ana Lytic", "analyst");
  }
  // A request carrying only the session cookie (and the given headers).
  http::HttpResponse with_cookie(const std::string& method, const std::string& path,
                                 const std::string& cookie, const json& body = nullptr,
                                 std::map<std::string, std::string> headers = {}) {
    http::HttpRequest req;
    req.method = method;
    req.path = path;
    if (!body.is_null()) req.body = body.dump();
    req.headers = std::move(headers);
    req.headers["cookie"] = "theme=dark; parley_session=" + cookie + "; other=1";
    auto m = router.match(method, path);
    EXPECT_EQ(m.kind, http::Router::Match::found) << path;
    req.path_params = m.params;
    return (*m.handler)(req);
  }
  std::string sign_in(const json& body) {
    auto r = call("POST", "/api/v1/auth/session", "", body);
    EXPECT_EQ(r.status, 200) << r.body;
    return cookie_value(header_of(r, "Set-Cookie"));
  }
};

TEST_F(ConsoleSession, GivenAPasswordWhenSigningInThenTheTokenIsInAnHttpOnlyStrictCookieOnly) {
  auto r =
      call("POST", "/api/v1/auth/session", "", {{"username", "priya"}, {"password", "pass-priya"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto set = header_of(r, "Set-Cookie");
  EXPECT_EQ(set.rfind("parley_session=", 0), 0u) << set;
  EXPECT_NE(set.find("HttpOnly"), std::string::npos) << set;
  EXPECT_NE(set.find("SameSite=Strict"), std::string::npos) << set;
  EXPECT_NE(set.find("Max-Age=3600"), std::string::npos) << "the token's hour: " << set;
  EXPECT_EQ(set.find("Secure"), std::string::npos) << "plain HTTP on loopback: " << set;
  const auto body = json::parse(r.body);
  EXPECT_FALSE(body.contains("token")) << "the page never sees the token: " << r.body;
  EXPECT_EQ(body["user"]["role"], "sales");
  EXPECT_EQ(body["user"]["language"], "es");
  EXPECT_EQ(body["user"]["timezone"], "Asia/Kolkata")
      << "the console shows times in the shop's zone";
}

TEST_F(ConsoleSession, GivenTheCookieWhenReadingThenItAuthenticatesWithTheMembersRole) {
  const auto cookie = sign_in({{"username", "ana"}, {"password", "pass-ana"}});
  auto r = with_cookie("GET", "/api/v1/auth/me", cookie);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["username"], "ana");
  EXPECT_EQ(json::parse(r.body)["timezone"], "Asia/Kolkata");
  EXPECT_EQ(with_cookie("GET", "/api/v1/admin/users", cookie).status, 403) << "an analyst";
  EXPECT_EQ(with_cookie("GET", "/api/v1/auth/me", "forged").status, 401);
}

TEST_F(ConsoleSession, GivenOnlyTheCookieWhenChangingStateWithoutTheCsrfHeaderThenItIsRefused) {
  const auto cookie = sign_in({{"username", "priya"}, {"password", "pass-priya"}});
  const json text = {{"text", "New lead: Acme Corp, Juan Perez, +34 600 111 222"}};
  auto r = with_cookie("POST", "/api/v1/crm/messages", cookie, text);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "csrf_check_failed");
  r = with_cookie(
      "POST", "/api/v1/crm/messages", cookie, text,
      {{"x-parley-csrf", "1"}, {"origin", "https://evil.example"}, {"host", "shop:8080"}});
  EXPECT_EQ(r.status, 403) << "another origin";
  EXPECT_TRUE(book.list("", "").empty()) << "nothing was done";
  r = with_cookie("POST", "/api/v1/crm/messages", cookie, text,
                  {{"x-parley-csrf", "1"}, {"origin", "http://shop:8080"}, {"host", "shop:8080"}});
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(ConsoleSession, GivenABearerTokenThenNoCsrfHeaderIsNeeded) {
  const auto token = login("priya");
  auto r = call("POST", "/api/v1/crm/messages", token, {{"text", "my tasks"}});
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(ConsoleSession, GivenTheAdminTokenWhenSigningInThenTheShopsAdminHasASession) {
  const auto cookie = sign_in({{"token", "admin-secret"}});
  EXPECT_EQ(cookie, "admin-secret");
  auto r = with_cookie("GET", "/api/v1/admin/users", cookie);
  EXPECT_EQ(r.status, 200) << r.body;
  r = call("POST", "/api/v1/auth/session", "", {{"token", "not-a-token"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_TRUE(header_of(r, "Set-Cookie").empty());
}

TEST_F(ConsoleSession, GivenAWrongPasswordWhenSigningInThenNoCookieIsSet) {
  auto r =
      call("POST", "/api/v1/auth/session", "", {{"username", "priya"}, {"password", "nope-nope"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_TRUE(header_of(r, "Set-Cookie").empty());
  EXPECT_EQ(call("POST", "/api/v1/auth/session", "", {{"username", "priya"}}).status, 400);
}

TEST_F(ConsoleSession, GivenASessionWhenSigningOutThenTheTokenIsRevokedAndTheCookieCleared) {
  const auto cookie = sign_in({{"username", "priya"}, {"password", "pass-priya"}});
  EXPECT_EQ(with_cookie("DELETE", "/api/v1/auth/session", cookie).status, 403) << "CSRF";
  auto r = with_cookie("DELETE", "/api/v1/auth/session", cookie, nullptr, {{"x-parley-csrf", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(header_of(r, "Set-Cookie").find("Max-Age=0"), std::string::npos);
  r = with_cookie("GET", "/api/v1/auth/me", cookie);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "token_revoked");
}

TEST(SessionCookie, BehindAnHttpsProxyTheCookieIsSecure) {
  http::HttpRequest req;
  req.headers["x-forwarded-proto"] = "https";
  EXPECT_TRUE(http::forwarded_https(req));
  EXPECT_NE(http::session_set_cookie("t", 60, true).find("; Secure"), std::string::npos);
}

TEST(SessionCookie, OnlyTheSessionCookieIsRead) {
  http::HttpRequest req;
  req.headers["cookie"] = "parley_session_old=x; parley_session=tok";
  EXPECT_EQ(http::session_cookie(req), "tok");
  req.headers["cookie"] = "xparley_session=tok";
  EXPECT_EQ(http::session_cookie(req), "");
}

TEST(SessionCookie, GivenATokenWithSeparatorsThenTheCookieKeepsItWholeAndReadsItBack) {
  const std::string token = "admin token; Path=/evil,\"x\"%41\\";
  const auto set = http::session_set_cookie(token, 60, false);
  const auto value = set.substr(0, set.find(';'));  // the browser keeps name=value up to ';'
  EXPECT_EQ(value.find_first_of(" ,\"\\"), std::string::npos) << value;
  http::HttpRequest req;
  req.headers["cookie"] = "other=1; " + value;
  EXPECT_EQ(http::session_cookie(req), token);
  EXPECT_EQ(
      http::session_set_cookie("0123abcdef", 60, false).rfind("parley_session=0123abcdef;", 0), 0u)
      << "a member's hex token is kept as it is";
}

}  // namespace
}  // namespace parley
