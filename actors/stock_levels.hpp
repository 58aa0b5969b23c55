// What the log says each product has in stock now, and the head of its
// stream: an order's reservation is appended with these heads expected, so
// two shoppers cannot both take the last unit (issue 17, item 15). Read on
// the caller's thread (Engine::chat), never on a CAF scheduler thread.
#pragma once

#include <string>
#include <vector>

#include "actors/chat_types.hpp"
#include "events/event_store.hpp"

namespace parley::actors {

// One read per product: its stream's last event says its stock.
StockLevels read_stock_levels(events::EventStore& store, const std::vector<std::string>& skus);

}  // namespace parley::actors
