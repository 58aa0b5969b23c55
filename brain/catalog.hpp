// What the sales policy needs of the catalog. Implemented by the search
// index of projections/; the policy sees one immutable version per turn.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "domain/product.hpp"

namespace parley::brain {

class Catalog {
 public:
  virtual ~Catalog() = default;
  virtual const domain::product::Product* find(const std::string& sku) const = 0;
  // Best matches first; filters said in words (price, size, colour) apply.
  virtual std::vector<const domain::product::Product*> find_products(const std::string& text,
                                                                     size_t limit) const = 0;
  // Every category path ("Hardware > Screws"), sorted; the products it holds.
  virtual std::vector<std::pair<std::string, size_t>> categories() const { return {}; }
};

}  // namespace parley::brain
