// The shop's testimonials as a projection of testimonial.* events: folds each
// and publishes an immutable snapshot that readers take without locks — the
// live testimonials, newest first, and pick() for the sales policy
// (brain/testimonials.hpp). A removed one is forgotten. Writers call
// catch_up() after an append to read their own writes.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "brain/testimonials.hpp"
#include "projections/log_follower.hpp"

namespace parley::projections {

struct TestimonialsSnapshot final : brain::Testimonials {
  uint64_t position = 0;  // the log position this snapshot includes
  // The live testimonials, newest first (saved_us, then id), for the admin's list.
  std::vector<domain::testimonial::Testimonial> testimonials;

  std::vector<domain::testimonial::Testimonial> pick(const std::vector<std::string>& skus,
                                                     const std::string& language,
                                                     size_t limit) const override;
};

class TestimonialsView final : public LogFollower {
 public:
  explicit TestimonialsView(events::EventStore& store);
  ~TestimonialsView() override { stop_following(); }
  std::string_view name() const override { return "testimonials"; }

  std::shared_ptr<const TestimonialsSnapshot> snapshot() const;

 private:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t position) override;

  std::map<std::string, domain::testimonial::State> testimonials_;  // guarded by fold_mutex()
  std::shared_ptr<const TestimonialsSnapshot> snapshot_;            // atomic_load/atomic_store
};

}  // namespace parley::projections
