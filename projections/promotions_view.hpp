// The shop's promotions as a projection of promotion.* events: folds each
// promotion's stream and publishes an immutable snapshot that readers take
// without locks. The snapshot answers the sales policy (brain/promotions.hpp:
// what runs now, what a code names) and keeps every promotion ever saved,
// ended ones too, with its state for the admin's list. Small: a shop runs a
// handful, so the snapshot is rebuilt whole on each change. Writers call
// catch_up() after an append to read their own writes.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "brain/promotions.hpp"
#include "domain/promotion.hpp"
#include "projections/log_follower.hpp"

namespace parley::projections {

struct PromotionsSnapshot final : brain::Promotions {
  uint64_t position = 0;  // the log position this snapshot includes
  // Every promotion saved, by code; state.running is false once ended.
  std::map<std::string, domain::promotion::State> promotions;

  std::vector<domain::promotion::Promotion> running(int64_t now_us) const override;
  std::optional<domain::promotion::Promotion> find(const std::string& code,
                                                   int64_t now_us) const override;
};

class PromotionsView final : public LogFollower {
 public:
  explicit PromotionsView(events::EventStore& store);
  ~PromotionsView() override { stop_following(); }
  std::string_view name() const override { return "promotions"; }

  std::shared_ptr<const PromotionsSnapshot> snapshot() const;

 private:
  bool wants(std::string_view type) const override;
  events::Status apply(const events::EventEnvelope& event) override;
  void publish(uint64_t position) override;

  std::map<std::string, domain::promotion::State> promotions_;  // guarded by fold_mutex()
  std::shared_ptr<const PromotionsSnapshot> snapshot_;          // atomic_load/atomic_store
};

}  // namespace parley::projections
