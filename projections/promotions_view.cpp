#include "projections/promotions_view.hpp"

#include "events/promotion_codec.hpp"

namespace parley::projections {

namespace codec = events::promotion_codec;
namespace promotion = domain::promotion;

namespace {

// Running (saved, not ended) and within its window at `now_us`.
bool live_at(const promotion::State& s, int64_t now_us) {
  return s.running && promotion::valid_at(s.promotion, now_us);
}

}  // namespace

std::vector<promotion::Promotion> PromotionsSnapshot::running(int64_t now_us) const {
  std::vector<promotion::Promotion> out;
  for (const auto& [code, s] : promotions)  // the map keeps them by code
    if (live_at(s, now_us)) out.push_back(s.promotion);
  return out;
}

std::optional<promotion::Promotion> PromotionsSnapshot::find(const std::string& code,
                                                             int64_t now_us) const {
  // A shopper types "summer10 " as readily as "SUMMER10": the code as saved.
  promotion::Promotion key;
  key.code = code;
  auto it = promotions.find(promotion::normalize(std::move(key)).code);
  if (it == promotions.end() || !live_at(it->second, now_us)) return std::nullopt;
  return it->second.promotion;
}

PromotionsView::PromotionsView(events::EventStore& store)
    : LogFollower(store), snapshot_(std::make_shared<PromotionsSnapshot>()) {}

bool PromotionsView::wants(std::string_view type) const {
  return codec::is_promotion_event(type);
}

events::Status PromotionsView::apply(const events::EventEnvelope& env) {
  auto e = codec::decode(env);
  if (!e) return e.status();
  auto& s = promotions_[env.entity_id];
  s = promotion::evolve(std::move(s), *e);
  return events::Status::Ok();
}

void PromotionsView::publish(uint64_t position) {
  auto s = std::make_shared<PromotionsSnapshot>();
  s->position = position;
  for (const auto& [code, state] : promotions_)
    if (state.exists) s->promotions.emplace(code, state);
  std::atomic_store(&snapshot_, std::shared_ptr<const PromotionsSnapshot>(std::move(s)));
}

std::shared_ptr<const PromotionsSnapshot> PromotionsView::snapshot() const {
  return std::atomic_load(&snapshot_);
}

}  // namespace parley::projections
