// What the sales policy needs of the shop's testimonials: a few real
// shoppers' words to show one who asks for reviews or hesitates at checkout.
// Implemented by the testimonials view (projections/testimonials_view.hpp),
// folded from testimonial.* events. Never translated: a testimonial is shown
// in the words its author wrote.
#pragma once

#include <string>
#include <vector>

#include "domain/testimonial.hpp"

namespace parley::brain {

class Testimonials {
 public:
  virtual ~Testimonials() = default;
  // At most `limit`: those about one of `skus` first, then the others; within
  // each, those in `language` first; newest first.
  virtual std::vector<domain::testimonial::Testimonial> pick(const std::vector<std::string>& skus,
                                                             const std::string& language,
                                                             size_t limit) const = 0;
};

}  // namespace parley::brain
