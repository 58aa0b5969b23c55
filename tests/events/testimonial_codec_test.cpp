// The testimonial codec (events/testimonial_codec.hpp): its events round trip
// with their time and the stream's id, and the API's JSON is read with every
// error naming its field.
#include "events/testimonial_codec.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/events/stored_as.hpp"

namespace parley::events {
namespace {

using nlohmann::json;
namespace testimonial = domain::testimonial;

testimonial::Testimonial maria() {
  return {"maria-madrid",
          "Llegaron en dos días y son comodísimos.",
          "María, Madrid",
          "es",
          "HEEL-38-RED",
          "https://shop.example/photos/maria.jpg",
          0};
}

EventEnvelope stored_as(const NewEvent& e, const std::string& id) {
  return testing::stored_as(e, testimonial::kEntityType, id);
}

std::string error_of(const json& body) {
  auto t = testimonial_codec::testimonial_from_json(body);
  EXPECT_FALSE(t.ok());
  return t.ok() ? "" : t.status().message();
}

TEST(TestimonialCodec, GivenASavedTestimonialThenItRoundTripsWithItsIdAndTime) {
  const auto stored = testimonial_codec::encode(testimonial::TestimonialSaved{maria(), "ana", 77});
  EXPECT_EQ(stored.type, testimonial::types::kSaved);
  EXPECT_EQ(stored.timestamp_us, 77);
  EXPECT_EQ(json::parse(stored.payload).count("id"), 0u) << "the id is the stream's";
  auto back = testimonial_codec::decode(stored_as(stored, "maria-madrid"));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  const auto& saved = std::get<testimonial::TestimonialSaved>(*back);
  EXPECT_EQ(saved.testimonial, maria());
  EXPECT_EQ(saved.testimonial.saved_us, 77);
  EXPECT_EQ(saved.by, "ana");
  EXPECT_EQ(saved.at_us, 77);
  EXPECT_EQ(testimonial_codec::encode(*back).payload, stored.payload);
}

TEST(TestimonialCodec, GivenARemovalThenItRoundTripsAndOtherTypesAreNotItsOwn) {
  const auto stored = testimonial_codec::encode(testimonial::TestimonialRemoved{"ana", 88});
  EXPECT_EQ(stored.type, testimonial::types::kRemoved);
  auto back = testimonial_codec::decode(stored_as(stored, "maria-madrid"));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  const auto& removed = std::get<testimonial::TestimonialRemoved>(*back);
  EXPECT_EQ(removed.by, "ana");
  EXPECT_EQ(removed.at_us, 88);
  EXPECT_TRUE(testimonial_codec::is_testimonial_event(testimonial::types::kSaved));
  EXPECT_TRUE(testimonial_codec::is_testimonial_event(testimonial::types::kRemoved));
  EXPECT_FALSE(testimonial_codec::is_testimonial_event("knowledge.document_removed"));
  NewEvent unheard{"testimonial.liked", 1, 1, "", "{}"};
  EXPECT_EQ(testimonial_codec::decode(stored_as(unheard, "x")).status().code(),
            StoreErrc::not_found);
}

TEST(TestimonialCodec, GivenAPayloadOfTheWrongShapeThenItIsCorruption) {
  NewEvent bad{testimonial::types::kSaved, 1, 1, "", R"({"text":"hi","author":7,"language":"en"})"};
  EXPECT_EQ(testimonial_codec::decode(stored_as(bad, "x")).status().code(), StoreErrc::corruption);
  bad.payload = R"({"author":"a","language":"en"})";
  EXPECT_EQ(testimonial_codec::decode(stored_as(bad, "x")).status().code(), StoreErrc::corruption);
}

TEST(TestimonialCodec, GivenTheApiJsonThenItReadsBackWhatItShows) {
  testimonial::Testimonial t = maria();
  t.saved_us = int64_t{1795341600} * 1000000;
  const json shown = testimonial_codec::testimonial_to_json(t);
  EXPECT_EQ(shown["id"], "maria-madrid");
  EXPECT_EQ(shown["saved_at"], "2026-11-22T10:00:00.000000Z");
  EXPECT_EQ(shown.count("by"), 0u) << "who saved it is not shown";
  auto read = testimonial_codec::testimonial_from_json(shown);
  ASSERT_TRUE(read.ok()) << read.status().to_string();
  EXPECT_TRUE(read->id.empty()) << "the id is the path's: the caller sets it";
  read->id = t.id;
  EXPECT_EQ(*read, t);
}

TEST(TestimonialCodec, GivenOnlyTheRequiredFieldsThenSkuAndPhotoAreEmptyAndASkuIsUpperCased) {
  auto t = testimonial_codec::testimonial_from_json(
      {{"text", "Great shop"}, {"author", "Sam"}, {"language", "en"}});
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  EXPECT_EQ(t->sku, "");
  EXPECT_EQ(t->photo_url, "");
  auto about = testimonial_codec::testimonial_from_json(
      {{"text", "Great shoes"}, {"author", "Sam"}, {"language", "en"}, {"sku", " heel-38 "}});
  ASSERT_TRUE(about.ok());
  EXPECT_EQ(about->sku, "HEEL-38") << "as the product's SKU is stored";
}

TEST(TestimonialCodec, GivenAMissingOrMistypedFieldThenTheErrorNamesIt) {
  const json good = {{"text", "Great shop"}, {"author", "Sam"}, {"language", "en"}};
  for (const char* field : {"text", "author", "language"}) {
    json missing = good;
    missing.erase(field);
    EXPECT_EQ(error_of(missing), std::string("'") + field + "' is required");
    json mistyped = good;
    mistyped[field] = 5;
    EXPECT_EQ(error_of(mistyped), std::string("'") + field + "' must be a string");
  }
  for (const char* field : {"sku", "photo_url"}) {
    json mistyped = good;
    mistyped[field] = json::array();
    EXPECT_EQ(error_of(mistyped), std::string("'") + field + "' must be a string");
  }
  EXPECT_FALSE(testimonial_codec::testimonial_from_json(json::array()).ok());
}

}  // namespace
}  // namespace parley::events
