#include "actors/stock_levels.hpp"

#include "domain/product.hpp"
#include "events/product_codec.hpp"

namespace parley::actors {

namespace product = domain::product;

StockLevels read_stock_levels(events::EventStore& store, const std::vector<std::string>& skus) {
  StockLevels out;
  for (const auto& sku : skus) {
    if (out.count(sku)) continue;
    StockLevel level;
    const events::StreamId stream{product::kEntityType, sku};
    auto head = store.stream_head(stream);
    if (head.ok() && *head > 0) {
      level.head = *head;
      std::vector<events::EventEnvelope> last;
      if (store.read_stream(stream, *head, 1, &last).ok() && !last.empty()) {
        auto e = events::product_codec::decode(last.front());
        if (e.ok()) {
          if (const auto* u = std::get_if<product::ProductUpserted>(&*e))
            level.units = u->product.stock;
          if (const auto* c = std::get_if<product::StockChanged>(&*e)) level.units = c->stock;
        }
      }
    }
    out[sku] = level;
  }
  return out;
}

}  // namespace parley::actors
