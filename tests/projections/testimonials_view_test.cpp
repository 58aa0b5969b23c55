// The testimonials view (projections/testimonials_view.hpp): pick() puts
// those about the shopper's products first, then those in their language,
// newest first within each; a removed testimonial is never picked.
#include "projections/testimonials_view.hpp"

#include <gtest/gtest.h>

#include "events/memory_event_store.hpp"
#include "events/testimonial_codec.hpp"

namespace parley::projections {
namespace {

namespace testimonial = domain::testimonial;

struct Testimonials : ::testing::Test {
  events::MemoryEventStore log;
  TestimonialsView view{log};

  void append(const std::string& id, const testimonial::Event& e) {
    events::AppendRequest r{{testimonial::kEntityType, id}, events::kAnySeq, {}, {}};
    r.events.push_back(events::testimonial_codec::encode(e));
    ASSERT_TRUE(log.append(r).status.ok());
  }
  void save(const std::string& id, const std::string& sku, const std::string& language,
            int64_t at_us) {
    testimonial::Testimonial t{id, "Words of " + id, "A shopper", language, sku, "", 0};
    append(id, testimonial::TestimonialSaved{t, "admin", at_us});
  }
  std::vector<std::string> picked(const std::vector<std::string>& skus, const std::string& language,
                                  size_t limit = 10) {
    EXPECT_TRUE(view.catch_up().ok());
    std::vector<std::string> ids;
    for (const auto& t : view.snapshot()->pick(skus, language, limit)) ids.push_back(t.id);
    return ids;
  }
};

TEST_F(Testimonials,
       GivenMixedTestimonialsThenThoseAboutTheSkusComeFirstThenTheLanguageThenNewest) {
  save("shop-en-old", "", "en", 1'000);
  save("shop-es", "", "es", 2'000);
  save("heel-en", "HEEL", "en", 3'000);
  save("heel-es-old", "HEEL", "es", 4'000);
  save("boot-es", "BOOT", "es", 5'000);
  save("heel-es-new", "HEEL", "es", 6'000);
  save("shop-en-new", "", "en", 7'000);
  save("glue-es", "GLUE", "es", 8'000);

  EXPECT_EQ(picked({"HEEL", "BOOT"}, "es"),
            (std::vector<std::string>{"heel-es-new", "boot-es", "heel-es-old", "heel-en", "glue-es",
                                      "shop-es", "shop-en-new", "shop-en-old"}));
  EXPECT_EQ(picked({"HEEL", "BOOT"}, "es", 3),
            (std::vector<std::string>{"heel-es-new", "boot-es", "heel-es-old"}))
      << "at most `limit`";
  EXPECT_EQ(picked({}, "en", 4),
            (std::vector<std::string>{"shop-en-new", "heel-en", "shop-en-old", "glue-es"}))
      << "with no product, the language decides, then the newest";
  EXPECT_EQ(picked({"NOT-SOLD"}, "ru", 2), (std::vector<std::string>{"glue-es", "shop-en-new"}));
}

TEST_F(Testimonials, GivenTwoSavedAtOnceThenTheIdBreaksTheTie) {
  save("b", "", "en", 1'000);
  save("a", "", "en", 1'000);
  EXPECT_EQ(picked({}, "en"), (std::vector<std::string>{"a", "b"}));
}

TEST_F(Testimonials, GivenARemovedOrReplacedTestimonialThenOnlyWhatIsLiveIsListedAndPicked) {
  save("rina", "HEEL", "id", 1'000);
  save("sam", "", "en", 2'000);
  append("sam", testimonial::TestimonialRemoved{"admin", 3'000});
  save("rina", "", "id", 4'000);  // saved again, about the shop now
  EXPECT_EQ(picked({"HEEL"}, "en"), (std::vector<std::string>{"rina"}));
  const auto snap = view.snapshot();
  ASSERT_EQ(snap->testimonials.size(), 1u);
  EXPECT_EQ(snap->testimonials[0].sku, "");
  EXPECT_EQ(snap->testimonials[0].saved_us, 4'000);
  EXPECT_EQ(snap->position, log.last_position());
}

TEST_F(Testimonials, GivenTheViewThroughTheBrainsInterfaceThenItPicksTheSame) {
  save("rina", "HEEL", "id", 1'000);
  save("sam", "", "en", 2'000);
  ASSERT_TRUE(view.catch_up().ok());
  const brain::Testimonials& brain = *view.snapshot();
  const auto got = brain.pick({"HEEL"}, "en", 1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].id, "rina");
  EXPECT_TRUE(brain.pick({"HEEL"}, "en", 0).empty());
}

}  // namespace
}  // namespace parley::projections
