#include "projections/catalog_view.hpp"

#include "events/product_codec.hpp"

namespace parley::projections {

namespace codec = events::product_codec;
namespace product = domain::product;

CatalogView::CatalogView(events::EventStore& store)
    : store_(store),
      snapshot_(std::make_shared<CatalogSnapshot>(CatalogSnapshot{0, SearchIndex({})})) {}

CatalogView::~CatalogView() {
  stop_following();
}

events::Status CatalogView::catch_up() {
  std::lock_guard lock(fold_mu_);
  uint64_t from = checkpoint_.load() + 1;
  uint64_t last = checkpoint_.load();
  bool changed = false;
  events::Status decode_error;
  auto st = store_.scan_all(from, [&](const events::RecordView& r) {
    last = r.position();
    if (!codec::is_product_event(r.type())) return true;  // skipped unparsed
    auto env = r.decode();
    if (!env) {
      decode_error = env.status();
      return false;
    }
    auto e = codec::decode(*env);
    if (!e) {
      decode_error = e.status();
      return false;
    }
    auto& state = products_[env->entity_id];
    state = product::evolve(std::move(state), *e);
    changed = true;
    return true;
  });
  if (!st.ok()) return st;
  if (!decode_error.ok()) return decode_error;
  if (changed || last != checkpoint_.load()) {
    if (changed) {
      std::vector<product::Product> live;
      live.reserve(products_.size());
      for (const auto& [sku, s] : products_)
        if (s.exists) live.push_back(s.product);
      std::atomic_store(&snapshot_, std::shared_ptr<const CatalogSnapshot>(
                                        new CatalogSnapshot{last, SearchIndex(std::move(live))}));
    }
    checkpoint_.store(last);
  }
  return events::Status::Ok();
}

size_t CatalogView::known_products() {
  std::lock_guard lock(fold_mu_);
  return products_.size();
}

std::shared_ptr<const CatalogSnapshot> CatalogView::snapshot() const {
  return std::atomic_load(&snapshot_);
}

void CatalogView::start_following(std::chrono::milliseconds every) {
  std::lock_guard lock(follow_mu_);
  if (following_) return;
  following_ = true;
  follower_ = std::thread([this, every] {
    std::unique_lock lock(follow_mu_);
    while (following_) {
      lock.unlock();
      if (store_.last_position() > checkpoint_.load()) catch_up();
      lock.lock();
      follow_cv_.wait_for(lock, every, [this] { return !following_; });
    }
  });
}

void CatalogView::stop_following() {
  {
    std::lock_guard lock(follow_mu_);
    following_ = false;
  }
  follow_cv_.notify_all();
  if (follower_.joinable()) follower_.join();
}

}  // namespace parley::projections
