// The catalog as a projection of product events: folds catalog.* events and
// publishes an immutable snapshot — the products and their search index —
// that readers take without locks. Writers call catch_up() after an append
// to read their own writes.
#pragma once

#include <map>
#include <memory>

#include "projections/log_follower.hpp"
#include "projections/search_index.hpp"

namespace parley::projections {

struct CatalogSnapshot {
  uint64_t position = 0;  // the log position this snapshot includes
  SearchIndex index;
};

class CatalogView final : public LogFollower {
 public:
  std::string_view name() const override { return "catalog"; }
  explicit CatalogView(events::EventStore& store);
  ~CatalogView() override { stop_following(); }

  std::shared_ptr<const CatalogSnapshot> snapshot() const;
  // Products the log has ever mentioned, removed ones included.
  size_t known_products();

 private:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t position) override;

  std::map<std::string, domain::product::State> products_;  // guarded by fold_mutex()
  std::shared_ptr<const CatalogSnapshot> snapshot_;         // atomic_load/atomic_store
};

}  // namespace parley::projections
