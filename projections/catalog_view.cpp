#include "projections/catalog_view.hpp"

#include "events/product_codec.hpp"

namespace parley::projections {

namespace codec = events::product_codec;
namespace product = domain::product;

CatalogView::CatalogView(events::EventStore& store)
    : LogFollower(store),
      snapshot_(std::make_shared<CatalogSnapshot>(CatalogSnapshot{0, SearchIndex({})})) {}

bool CatalogView::wants(std::string_view type) const {
  return codec::is_product_event(type);
}

events::Status CatalogView::apply(const events::EventEnvelope& env) {
  auto e = codec::decode(env);
  if (!e) return e.status();
  auto& state = products_[env.entity_id];
  state = product::evolve(std::move(state), *e);
  return events::Status::Ok();
}

void CatalogView::publish(uint64_t position) {
  std::vector<product::Product> live;
  live.reserve(products_.size());
  for (const auto& [sku, s] : products_)
    if (s.exists) live.push_back(s.product);
  std::atomic_store(&snapshot_, std::shared_ptr<const CatalogSnapshot>(
                                    new CatalogSnapshot{position, SearchIndex(std::move(live))}));
}

size_t CatalogView::known_products() {
  std::lock_guard lock(fold_mutex());
  return products_.size();
}

std::shared_ptr<const CatalogSnapshot> CatalogView::snapshot() const {
  return std::atomic_load(&snapshot_);
}

}  // namespace parley::projections
