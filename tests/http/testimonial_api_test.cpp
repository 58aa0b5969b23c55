// The testimonial routes (http/testimonial_api.hpp) over an in-memory log: an
// admin saves, replaces and removes testimonials; anyone is shown them as the
// bot picks them; a bad field is named and nothing is written for it.
#include "http/testimonial_api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "events/memory_event_store.hpp"

namespace parley::http {
namespace {

using nlohmann::json;

struct TestimonialApi : ::testing::Test {
  events::MemoryEventStore store;
  events::GroupCommitWriter writer{store};
  projections::TestimonialsView view{store};
  int64_t now = 1'800'000'000'000'000;
  actors::TestimonialCommands commands{store, writer, [this] { return now++; }};
  TestimonialApiContext ctx{commands, view, Authorizer("admin-secret")};
  Router router;
  void SetUp() override { register_testimonial_api(router, ctx); }
  void TearDown() override { writer.stop(); }

  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "", const std::string& token = "admin-secret",
                    std::vector<std::pair<std::string, std::string>> query = {}) {
    HttpRequest req;
    req.method = method;
    auto match = router.match(method, path);
    EXPECT_TRUE(match.handler) << method << " " << path;
    req.path = path;
    req.path_params = match.params;
    for (auto& [k, v] : query) req.query.emplace(k, v);
    req.body = body;
    if (!token.empty()) req.headers["authorization"] = "Bearer " + token;
    return (*match.handler)(req);
  }
  HttpResponse save(const std::string& id, const json& body,
                    const std::string& token = "admin-secret") {
    return call("PUT", "/api/v1/admin/testimonials/" + id, body.dump(), token);
  }
  std::vector<std::string> shown(std::vector<std::pair<std::string, std::string>> query) {
    auto r = call("GET", "/api/v1/testimonials", "", "", std::move(query));
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    const json answer = json::parse(r.body);
    for (const auto& t : answer["testimonials"]) ids.push_back(t["id"]);
    return ids;
  }
};

json words(const std::string& language, const std::string& sku = "") {
  json j = {{"text", "Fast delivery, lovely shoes."},
            {"author", "Rina, Bandung"},
            {"language", language}};
  if (!sku.empty()) j["sku"] = sku;
  return j;
}

TEST_F(TestimonialApi, GivenAnAdminWhenSavingThenCreatedThenUnchangedThenReplaced) {
  json body = words("id", "heel-38");
  body["photo_url"] = "https://shop.example/rina.jpg";
  auto created = save("rina", body);
  ASSERT_EQ(created.status, 201) << created.body;
  auto answer = json::parse(created.body);
  EXPECT_EQ(answer["changed"], true);
  EXPECT_EQ(answer["testimonial"]["id"], "rina");
  EXPECT_EQ(answer["testimonial"]["sku"], "HEEL-38") << "a SKU in any case, as a product's";
  EXPECT_EQ(answer["testimonial"]["photo_url"], "https://shop.example/rina.jpg");
  EXPECT_FALSE(answer["testimonial"]["saved_at"].get<std::string>().empty());
  const auto written = store.last_position();

  auto again = save("rina", body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json::parse(again.body)["changed"], false);
  EXPECT_EQ(json::parse(again.body)["testimonial"]["saved_at"], answer["testimonial"]["saved_at"]);
  EXPECT_EQ(store.last_position(), written) << "the same testimonial again writes nothing";

  body["text"] = "Second pair, still lovely.";
  auto replaced = save("rina", body);
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(json::parse(replaced.body)["changed"], true);
  EXPECT_EQ(json::parse(replaced.body)["testimonial"]["text"], "Second pair, still lovely.");
  auto listed = json::parse(call("GET", "/api/v1/admin/testimonials").body)["testimonials"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["text"], "Second pair, still lovely.");
}

TEST_F(TestimonialApi, GivenNoAdminTokenThenTheAdminRoutesAreClosedButThePublicOneIsOpen) {
  EXPECT_EQ(save("rina", words("id"), "").status, 401);
  EXPECT_EQ(save("rina", words("id"), "wrong").status, 401);
  EXPECT_EQ(call("GET", "/api/v1/admin/testimonials", "", "").status, 401);
  EXPECT_EQ(call("DELETE", "/api/v1/admin/testimonials/rina", "", "").status, 401);
  EXPECT_EQ(store.last_position(), 0u);
  EXPECT_EQ(call("GET", "/api/v1/testimonials", "", "").status, 200);
}

TEST_F(TestimonialApi, GivenMixedTestimonialsThenThePublicRouteShowsThemAsTheBotPicksThem) {
  ASSERT_EQ(save("shop-en", words("en")).status, 201);
  ASSERT_EQ(save("heel-en", words("en", "HEEL")).status, 201);
  ASSERT_EQ(save("shop-es", words("es")).status, 201);
  ASSERT_EQ(save("heel-es", words("es", "HEEL")).status, 201);
  ASSERT_EQ(save("boot-es", words("es", "BOOT")).status, 201);
  EXPECT_EQ(shown({{"sku", "heel"}, {"language", "es"}}),
            (std::vector<std::string>{"heel-es", "heel-en", "boot-es", "shop-es", "shop-en"}));
  EXPECT_EQ(shown({{"sku", "HEEL"}, {"sku", "BOOT"}, {"language", "en"}, {"limit", "2"}}),
            (std::vector<std::string>{"heel-en", "boot-es"}));
  EXPECT_EQ(shown({}),
            (std::vector<std::string>{"boot-es", "heel-es", "shop-es", "heel-en", "shop-en"}))
      << "no product, no language: newest first, five at most";
  auto r = call("GET", "/api/v1/testimonials", "", "", {{"limit", "1"}});
  auto only = json::parse(r.body)["testimonials"];
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].count("by"), 0u) << "who saved it is no shopper's business";
}

TEST_F(TestimonialApi, GivenARemovedTestimonialThenItIsNeverShownAndRemovingAgainIsNotFound) {
  ASSERT_EQ(save("rina", words("id", "HEEL")).status, 201);
  ASSERT_EQ(save("sam", words("en")).status, 201);
  auto removed = call("DELETE", "/api/v1/admin/testimonials/rina");
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(json::parse(removed.body)["removed"], "rina");
  EXPECT_EQ(shown({{"sku", "HEEL"}, {"language", "id"}}), (std::vector<std::string>{"sam"}));
  EXPECT_EQ(json::parse(call("GET", "/api/v1/admin/testimonials").body)["testimonials"].size(), 1u);
  auto again = call("DELETE", "/api/v1/admin/testimonials/rina");
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(json::parse(again.body)["error"]["code"], "not_found");
  EXPECT_EQ(call("DELETE", "/api/v1/admin/testimonials/Not%20An%20Id").status, 404);
  EXPECT_EQ(save("rina", words("id")).status, 201) << "saved anew after it was removed";
}

TEST_F(TestimonialApi, GivenABadBodyOrFieldThenItIsRefusedNamingItAndNothingIsWritten) {
  auto not_json = call("PUT", "/api/v1/admin/testimonials/rina", "{not json");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(json::parse(not_json.body)["error"]["code"], "invalid_json");
  EXPECT_EQ(call("PUT", "/api/v1/admin/testimonials/rina", "[1]").status, 400);

  json no_author = words("en");
  no_author.erase("author");
  auto missing = save("rina", no_author);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(json::parse(missing.body)["error"]["code"], "invalid_field");
  EXPECT_NE(json::parse(missing.body)["error"]["message"].get<std::string>().find("'author'"),
            std::string::npos);
  json numeric = words("en");
  numeric["photo_url"] = 5;
  EXPECT_NE(json::parse(save("rina", numeric).body)["error"]["message"].get<std::string>().find(
                "'photo_url'"),
            std::string::npos);
  json other_id = words("en");
  other_id["id"] = "sam";
  EXPECT_EQ(save("rina", other_id).status, 400);
  EXPECT_EQ(save("Rina!", words("en")).status, 400);

  auto fr = save("rina", words("fr"));
  EXPECT_EQ(fr.status, 422);
  EXPECT_EQ(json::parse(fr.body)["error"]["code"], "invalid_language") << "the rule, by name";
  json http_photo = words("en");
  http_photo["photo_url"] = "http://shop.example/rina.jpg";
  EXPECT_EQ(json::parse(save("rina", http_photo).body)["error"]["code"], "invalid_photo");
  json blank = words("en");
  blank["text"] = "   ";
  EXPECT_EQ(json::parse(save("rina", blank).body)["error"]["code"], "invalid_text");

  EXPECT_EQ(call("GET", "/api/v1/testimonials", "", "", {{"language", "xx"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/testimonials", "", "", {{"limit", "21"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/testimonials", "", "", {{"limit", "0"}}).status, 400);
  EXPECT_EQ(store.last_position(), 0u) << "nothing was written";
}

}  // namespace
}  // namespace parley::http
