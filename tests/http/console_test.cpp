// The console's files as the edge serves them (http/console.hpp): the page
// revalidated, with its security headers; hashed assets cached for a year;
// 304 for an unchanged file; 404 for a file the bundle does not have.
#include "http/console.hpp"

#include <gtest/gtest.h>

namespace parley::http {
namespace {

std::string header(const HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

struct Console : ::testing::Test {
  Router router;
  void SetUp() override {
    register_console(router, {{"index.html", "<!doctype html><title>Parley</title>"},
                              {"assets/app-ABC123.js", "console.log(1)"},
                              {"assets/app-DEF456.css", "body{}"}});
  }
  HttpResponse get(const std::string& path, const std::string& etag = "") {
    auto m = router.match("GET", path);
    EXPECT_EQ(m.kind, Router::Match::found) << path;
    HttpRequest req;
    req.method = "GET";
    req.path = path;
    req.path_params = m.params;
    if (!etag.empty()) req.headers["if-none-match"] = etag;
    return (*m.handler)(req);
  }
};

TEST_F(Console, GivenTheRootThenThePageIsRevalidatedAndLocksDownWhatItLoads) {
  auto r = get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.body, "<!doctype html><title>Parley</title>");
  EXPECT_EQ(header(r, "Cache-Control"), "no-cache");
  EXPECT_NE(header(r, "Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_NE(header(r, "Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(header(r, "X-Content-Type-Options"), "nosniff");
}

TEST_F(Console, GivenAHashedAssetThenItIsCachedForAYear) {
  auto r = get("/assets/app-ABC123.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(r.body, "console.log(1)");
  EXPECT_EQ(header(r, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(get("/assets/app-DEF456.css").content_type, "text/css; charset=utf-8");
}

TEST_F(Console, GivenTheETagItHasThenTheAnswerIs304WithoutABody) {
  const auto etag = header(get("/"), "ETag");
  ASSERT_FALSE(etag.empty());
  auto r = get("/", etag);
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(get("/", "\"other\"").status, 200);
}

TEST_F(Console, GivenAFileTheBundleDoesNotHaveThenItIs404) {
  EXPECT_EQ(get("/assets/app-OLD000.js").status, 404);
  EXPECT_EQ(get("/assets/index.html").status, 404) << "the page is only at /";
}

}  // namespace
}  // namespace parley::http
