// Commands on orders: load the order's stream, fold, decide with the pure
// decider (domain/order.hpp), append expecting the head that was read, retry
// on a conflict. Steps that touch other streams write them in the same
// atomic append, so each happens exactly once:
//   reserve_stock / release_stock  the products' catalog.stock_changed (the
//                                  stock that is left to sell) with the order's
//                                  order.stock_reserved / order.stock_released;
//   issue_invoice                  invoice.number_assigned on ("invoice_seq",
//                                  "shop") with order.invoice_issued: the
//                                  number is that stream's next seq, so numbers
//                                  are gap-free and never given twice.
// A command may carry a dedupe key (a webhook's event id): the key is claimed
// in the same append, and a second command with it answers `duplicate`.
// Blocking: call from HTTP or worker threads, never from a CAF handler.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"
#include "events/order_codec.hpp"
#include "events/stream_command.hpp"

namespace parley::payments {

namespace order = domain::order;

using OrderStream = events::order_codec::Stream;

// ok, duplicate (the dedupe key was claimed before; nothing written),
// refused (the order::Error, not_found for an order never placed), storage
// (the log's failure), message, state (after the command; as loaded when
// refused), events (appended).
using OrderOutcome = events::StreamOutcome<OrderStream>;

class OrderDesk {
 public:
  using Clock = std::function<int64_t()>;  // µs since the epoch
  OrderDesk(events::EventStore& store, events::GroupCommitWriter& writer, Clock now_us);

  using Loaded = events::LoadedStream<OrderStream>;
  Loaded load(const std::string& order_id);

  OrderOutcome run(const std::string& order_id, const order::Command& command,
                   const std::string& causation, const std::string& dedupe_key = "");
  OrderOutcome reserve_stock(const std::string& order_id);
  OrderOutcome release_stock(const std::string& order_id);
  OrderOutcome issue_invoice(const std::string& order_id, uint32_t vat_rate_bp);

 private:
  // Decides on the loaded order (which must exist) and fills the request's
  // linked appends; the stream toolkit loads, appends and retries.
  using Builder = events::StreamCommand<OrderStream>::Decide;
  OrderOutcome attempt(const std::string& order_id, const std::string& causation,
                       const std::string& dedupe_key, const Builder& build);

  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  Clock now_us_;
};

}  // namespace parley::payments
