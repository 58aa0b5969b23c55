#include "projections/testimonials_view.hpp"

#include <algorithm>

#include "events/testimonial_codec.hpp"

namespace parley::projections {

namespace codec = events::testimonial_codec;
namespace testimonial = domain::testimonial;

namespace {

// Newest first; the id breaks ties, so the order does not depend on timing.
bool newer(const testimonial::Testimonial& a, const testimonial::Testimonial& b) {
  return a.saved_us != b.saved_us ? a.saved_us > b.saved_us : a.id < b.id;
}

}  // namespace

std::vector<testimonial::Testimonial> TestimonialsSnapshot::pick(
    const std::vector<std::string>& skus, const std::string& language, size_t limit) const {
  // 0: about one of the skus, in the language; 1: about one, in another; 2 and
  // 3 the same for the others. `testimonials` is newest first, and stays so
  // within each rank.
  auto rank = [&](const testimonial::Testimonial& t) {
    const bool about = !t.sku.empty() && std::find(skus.begin(), skus.end(), t.sku) != skus.end();
    return (about ? 0 : 2) + (t.language == language ? 0 : 1);
  };
  std::vector<testimonial::Testimonial> out;
  for (int wanted = 0; wanted < 4 && out.size() < limit; ++wanted)
    for (const auto& t : testimonials) {
      if (out.size() == limit) break;
      if (rank(t) == wanted) out.push_back(t);
    }
  return out;
}

TestimonialsView::TestimonialsView(events::EventStore& store)
    : LogFollower(store), snapshot_(std::make_shared<TestimonialsSnapshot>()) {}

bool TestimonialsView::wants(std::string_view type) const {
  return codec::is_testimonial_event(type);
}

events::Status TestimonialsView::apply(const events::EventEnvelope& env) {
  auto e = codec::decode(env);
  if (!e) return e.status();
  auto& s = testimonials_[env.entity_id];
  s = testimonial::evolve(std::move(s), *e);
  if (!s.exists) testimonials_.erase(env.entity_id);  // removed: nothing kept of it
  return events::Status::Ok();
}

void TestimonialsView::publish(uint64_t position) {
  auto snap = std::make_shared<TestimonialsSnapshot>();
  snap->position = position;
  snap->testimonials.reserve(testimonials_.size());
  for (const auto& [id, s] : testimonials_) snap->testimonials.push_back(s.testimonial);
  std::sort(snap->testimonials.begin(), snap->testimonials.end(), newer);
  std::atomic_store(&snapshot_, std::shared_ptr<const TestimonialsSnapshot>(std::move(snap)));
}

std::shared_ptr<const TestimonialsSnapshot> TestimonialsView::snapshot() const {
  return std::atomic_load(&snapshot_);
}

}  // namespace parley::projections
