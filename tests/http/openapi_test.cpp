// The OpenAPI document and the router agree (http/openapi.hpp): a route the
// document does not describe, or an operation that is no route, is named.
#include "http/openapi.hpp"

#include <gtest/gtest.h>

namespace parley::http {
namespace {

const char* kDoc = R"({"openapi":"3.1.0","paths":{
  "/api/v1/a":{"get":{},"post":{},"parameters":[]},
  "/api/v1/b/{id}":{"delete":{}}}})";

TEST(OpenApi, GivenTheSameRoutesThenThereIsNothingToSay) {
  EXPECT_TRUE(openapi_mismatches(
                  {{"GET", "/api/v1/a"}, {"POST", "/api/v1/a"}, {"DELETE", "/api/v1/b/{id}"}}, kDoc)
                  .empty());
}

TEST(OpenApi, GivenAnUndocumentedRouteThenItIsNamed) {
  auto m = openapi_mismatches({{"GET", "/api/v1/a"},
                               {"POST", "/api/v1/a"},
                               {"DELETE", "/api/v1/b/{id}"},
                               {"PUT", "/api/v1/b/{id}"}},
                              kDoc);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "PUT /api/v1/b/{id}: a route the document does not describe");
}

TEST(OpenApi, GivenAnOperationThatIsNoRouteThenItIsNamed) {
  auto m = openapi_mismatches({{"GET", "/api/v1/a"}, {"DELETE", "/api/v1/b/{id}"}}, kDoc);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "POST /api/v1/a: in the document, not a route");
}

TEST(OpenApi, GivenADocumentThatDoesNotReadThenThatIsSaid) {
  EXPECT_EQ(openapi_mismatches({}, "{not json").size(), 1u);
  EXPECT_EQ(openapi_mismatches({}, R"({"openapi":"3.1.0"})").size(), 1u);
}

TEST(OpenApi, GivenTheRouteThenTheDocumentIsServedAsIs) {
  Router router;
  register_openapi(router, kDoc);
  auto m = router.match("GET", "/api/v1/openapi.json");
  ASSERT_EQ(m.kind, Router::Match::found);
  auto r = (*m.handler)(HttpRequest{});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, kDoc);
  EXPECT_TRUE(
      openapi_mismatches(router.routes(), R"({"paths":{"/api/v1/openapi.json":{"get":{}}}})")
          .empty());
}

}  // namespace
}  // namespace parley::http
