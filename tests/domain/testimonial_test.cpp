// The testimonial decider: saving, saving the same again, replacing, removing,
// and the rules a testimonial must keep, given/when/then.
#include "domain/testimonial.hpp"

#include <gtest/gtest.h>

namespace parley::domain::testimonial {
namespace {

Testimonial rina() {
  return Testimonial{"rina-bandung",
                     "Sepatunya nyaman dipakai seharian, pengiriman cepat!",
                     "Rina, Bandung",
                     "id",
                     "SHOE-38-RED",
                     "https://shop.example/photos/rina.jpg",
                     0};
}

State given(const std::vector<Event>& history) {
  State s;
  for (const auto& e : history) s = evolve(std::move(s), e);
  return s;
}

Error refusal(const State& s, const Command& c) {
  auto r = decide(s, c);
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error::not_found : r.error();
}

Error saving(void (*change)(Testimonial&)) {
  Testimonial t = rina();
  change(t);
  return refusal(given({}), Save{t, "admin", 1});
}

TEST(Testimonial, GivenNoneWhenSavedThenItIsSavedByWhomAndWhen) {
  auto then = decide(given({}), Save{rina(), "admin", 42});
  ASSERT_TRUE(then.ok()) << to_string(then.error());
  ASSERT_EQ(then.value().size(), 1u);
  const auto& saved = std::get<TestimonialSaved>(then.value()[0]);
  EXPECT_EQ(saved.testimonial, rina());
  EXPECT_EQ(saved.by, "admin");
  EXPECT_EQ(saved.at_us, 42);
  const State s = given(then.value());
  EXPECT_TRUE(s.exists);
  EXPECT_EQ(s.testimonial, rina());
  EXPECT_EQ(s.testimonial.saved_us, 42) << "evolve stamps when it was saved";
}

TEST(Testimonial, GivenTheSameTestimonialWhenSavedAgainThenNothingIsDecided) {
  const State s = given({TestimonialSaved{rina(), "admin", 1}});
  Testimonial again = rina();
  again.saved_us = 999;  // when it was saved is not what it says
  auto then = decide(s, Save{again, "ravi", 2});
  ASSERT_TRUE(then.ok());
  EXPECT_TRUE(then.value().empty()) << "saving is idempotent";
}

TEST(Testimonial, GivenATestimonialWhenAnotherIsSavedUnderItsIdThenItIsReplaced) {
  const State s = given({TestimonialSaved{rina(), "admin", 1}});
  Testimonial changed = rina();
  changed.photo_url = "";
  changed.sku = "";
  auto then = decide(s, Save{changed, "admin", 2});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  const State after = given({TestimonialSaved{rina(), "admin", 1}, then.value()[0]});
  EXPECT_TRUE(after.exists);
  EXPECT_EQ(after.testimonial, changed);
  EXPECT_EQ(after.testimonial.saved_us, 2);
}

TEST(Testimonial, GivenATestimonialWhenRemovedThenItIsGoneAndARemovedOneIsNotFound) {
  const State s = given({TestimonialSaved{rina(), "admin", 1}});
  auto then = decide(s, Remove{"admin", 2});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  EXPECT_TRUE(std::holds_alternative<TestimonialRemoved>(then.value()[0]));
  const State gone = given({TestimonialSaved{rina(), "admin", 1}, then.value()[0]});
  EXPECT_FALSE(gone.exists);
  EXPECT_EQ(refusal(gone, Remove{"admin", 3}), Error::not_found);
  EXPECT_EQ(refusal(given({}), Remove{"admin", 3}), Error::not_found);
  auto back = decide(gone, Save{rina(), "admin", 4});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value().size(), 1u) << "a removed testimonial may be saved anew";
}

TEST(Testimonial, GivenABadIdThenTheSaveIsRefusedWithIt) {
  EXPECT_EQ(saving([](Testimonial& t) { t.id = ""; }), Error::invalid_id);
  EXPECT_EQ(saving([](Testimonial& t) { t.id = std::string(65, 'a'); }), Error::invalid_id);
  EXPECT_EQ(saving([](Testimonial& t) { t.id = "Rina"; }), Error::invalid_id);
  EXPECT_EQ(saving([](Testimonial& t) { t.id = "rina/bandung"; }), Error::invalid_id);
  Testimonial longest = rina();
  longest.id = std::string(64, 'a');
  EXPECT_FALSE(validate(longest));
  longest.id = "a.b_c-9";
  EXPECT_FALSE(validate(longest));
}

TEST(Testimonial, GivenABadTextOrAuthorThenTheSaveIsRefusedWithIt) {
  EXPECT_EQ(saving([](Testimonial& t) { t.text = ""; }), Error::invalid_text);
  EXPECT_EQ(saving([](Testimonial& t) { t.text = " \n\t "; }), Error::invalid_text);
  EXPECT_EQ(saving([](Testimonial& t) { t.text = std::string(1001, 'x'); }), Error::invalid_text);
  EXPECT_EQ(saving([](Testimonial& t) { t.author = ""; }), Error::invalid_author);
  EXPECT_EQ(saving([](Testimonial& t) { t.author = std::string(101, 'x'); }),
            Error::invalid_author);
  Testimonial longest = rina();
  longest.text = std::string(1000, 'x');
  longest.author = std::string(100, 'x');
  EXPECT_FALSE(validate(longest));
}

TEST(Testimonial, GivenALanguageOutsideTheFiveThenTheSaveIsRefused) {
  EXPECT_EQ(saving([](Testimonial& t) { t.language = "fr"; }), Error::invalid_language);
  EXPECT_EQ(saving([](Testimonial& t) { t.language = ""; }), Error::invalid_language);
  EXPECT_EQ(saving([](Testimonial& t) { t.language = "EN"; }), Error::invalid_language);
  for (const char* l : {"en", "es", "ru", "id", "hi"}) {
    Testimonial t = rina();
    t.language = l;
    EXPECT_FALSE(validate(t)) << l;
  }
}

TEST(Testimonial, GivenAPhotoThatIsNoHttpsUrlThenTheSaveIsRefused) {
  EXPECT_EQ(saving([](Testimonial& t) { t.photo_url = "http://shop.example/a.jpg"; }),
            Error::invalid_photo);
  EXPECT_EQ(saving([](Testimonial& t) { t.photo_url = "https://"; }), Error::invalid_photo);
  EXPECT_EQ(saving([](Testimonial& t) { t.photo_url = "https://shop.example/a b.jpg"; }),
            Error::invalid_photo);
  EXPECT_EQ(saving([](Testimonial& t) { t.photo_url = "https://shop.example/a\n.jpg"; }),
            Error::invalid_photo);
  EXPECT_EQ(saving([](Testimonial& t) { t.photo_url = "javascript:alert(1)"; }),
            Error::invalid_photo);
  EXPECT_EQ(saving([](Testimonial& t) { t.photo_url = "https://x/" + std::string(491, 'a'); }),
            Error::invalid_photo);
  Testimonial t = rina();
  t.photo_url = "https://x/" + std::string(490, 'a');
  EXPECT_FALSE(validate(t)) << "500 bytes is the most";
  t.photo_url = "";
  EXPECT_FALSE(validate(t)) << "a photo is optional";
}

TEST(Testimonial, GivenAnErrorThenItHasItsOwnNameAndIsATestimonialsRefusal) {
  EXPECT_STREQ(to_string(Error::invalid_id), "invalid_id");
  EXPECT_STREQ(to_string(Error::invalid_text), "invalid_text");
  EXPECT_STREQ(to_string(Error::invalid_author), "invalid_author");
  EXPECT_STREQ(to_string(Error::invalid_language), "invalid_language");
  EXPECT_STREQ(to_string(Error::invalid_photo), "invalid_photo");
  EXPECT_STREQ(to_string(Error::not_found), "not_found");
  EXPECT_STREQ(refuser_of(Error::not_found), kEntityType);
}

}  // namespace
}  // namespace parley::domain::testimonial
