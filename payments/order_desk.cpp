#include "payments/order_desk.hpp"

#include <map>

#include "domain/product.hpp"
#include "events/order_codec.hpp"
#include "events/product_codec.hpp"

namespace parley::payments {

namespace product = domain::product;
namespace codec = events::order_codec;

namespace {

using ProductStream = events::product_codec::Stream;
using ProductLoaded = events::LoadedStream<ProductStream>;
using OrderDecided = events::StreamCommand<OrderStream>::Decided;

ProductLoaded load_product(events::EventStore& store, const std::string& sku) {
  return events::load_stream<ProductStream>(store, sku);
}

// The stock change for one product, linked to the order's append.
events::LinkedAppend stock_link(const ProductLoaded& p, int64_t new_stock, int64_t at_us,
                                const std::string& causation) {
  events::LinkedAppend link{{product::kEntityType, p.state.product.sku}, p.head, {}};
  link.events.push_back(events::product_codec::encode(
      product::StockChanged{p.state.product.sku, new_stock}, at_us, causation));
  return link;
}

}  // namespace

OrderDesk::OrderDesk(events::EventStore& store, events::GroupCommitWriter& writer, Clock now_us)
    : store_(store), writer_(writer), now_us_(std::move(now_us)) {}

OrderDesk::Loaded OrderDesk::load(const std::string& order_id) {
  return events::load_stream<OrderStream>(store_, order_id);
}

OrderOutcome OrderDesk::attempt(const std::string& order_id, const std::string& causation,
                                const std::string& dedupe_key, const Builder& build) {
  events::StreamCommand<OrderStream> command;
  command.decide = [&](const Loaded& loaded, events::AppendRequest* request) -> OrderDecided {
    if (!loaded.state.exists) return domain::fail(order::Error::not_found);
    return build(loaded, request);
  };
  command.encode = [&](const order::Event& e) { return codec::encode(e, causation); };
  if (!dedupe_key.empty()) command.dedupe = events::DedupeClaim{dedupe_key, causation};
  auto out = events::run_stream_command(store_, writer_, order_id, command);
  if (out.refused_with(order::Error::not_found)) out.message = "no order '" + order_id + "'";
  return out;
}

OrderOutcome OrderDesk::run(const std::string& order_id, const order::Command& command,
                            const std::string& causation, const std::string& dedupe_key) {
  if (!dedupe_key.empty()) {
    auto seen = store_.find_dedupe(dedupe_key);
    if (seen) {
      OrderOutcome out;
      out.ok = true;
      out.duplicate = true;
      out.state = load(order_id).state;
      return out;
    }
  }
  return attempt(order_id, causation, dedupe_key,
                 [&](const Loaded& loaded, events::AppendRequest*) {
                   return order::decide(loaded.state, command);
                 });
}

OrderOutcome OrderDesk::reserve_stock(const std::string& order_id) {
  const std::string causation = "order:" + order_id + ":reserve";
  events::Status failed = events::Status::Ok();
  auto out =
      attempt(order_id, causation, "", [&](const Loaded& loaded, events::AppendRequest* req) {
        std::map<std::string, int64_t> wanted;  // one stock change per product
        for (const auto& l : loaded.state.order.lines) wanted[l.sku] += l.quantity;
        std::vector<order::StockLine> given;
        for (const auto& [sku, quantity] : wanted) {
          auto p = load_product(store_, sku);
          if (!p.status.ok()) failed = p.status;
          const int64_t have = p.state.exists ? p.state.product.stock : 0;
          const int64_t take = std::min(have, quantity);
          given.push_back({sku, take});
          if (take > 0) req->linked.push_back(stock_link(p, have - take, now_us_(), causation));
        }
        if (!failed.ok()) {  // write nothing; the caller reports the storage failure
          req->linked.clear();
          return OrderDecided(std::vector<order::Event>{});
        }
        return order::decide(loaded.state, order::ReserveStock{given});
      });
  if (!failed.ok() && out.ok) {
    out.ok = false;
    out.storage = failed.code();
    out.message = failed.to_string();
  }
  return out;
}

OrderOutcome OrderDesk::release_stock(const std::string& order_id) {
  const std::string causation = "order:" + order_id + ":release";
  return attempt(order_id, causation, "", [&](const Loaded& loaded, events::AppendRequest* req) {
    auto decided = order::decide(loaded.state, order::ReleaseStock{});
    if (!decided) return decided;
    for (const auto& l : loaded.state.reserved) {
      if (l.quantity <= 0) continue;
      auto p = load_product(store_, l.sku);
      if (!p.state.exists) continue;  // removed from the catalog: nothing to give back to
      req->linked.push_back(
          stock_link(p, p.state.product.stock + l.quantity, now_us_(), causation));
    }
    return decided;
  });
}

OrderOutcome OrderDesk::issue_invoice(const std::string& order_id, uint32_t vat_rate_bp) {
  const std::string causation = "order:" + order_id + ":invoice";
  const events::StreamId seq_stream{codec::kInvoiceSeqType, codec::kInvoiceSeqId};
  return attempt(order_id, causation, "", [&](const Loaded& loaded, events::AppendRequest* req) {
    auto head = store_.stream_head(seq_stream);
    const uint64_t last = head ? *head : 0;
    const uint64_t number = last + 1;
    auto decided = order::decide(loaded.state, order::IssueInvoice{number, now_us_(), vat_rate_bp});
    if (!decided) return decided;
    events::LinkedAppend link{seq_stream, last, {}};
    link.events.push_back(codec::number_assigned(number, order_id, causation));
    req->linked.push_back(std::move(link));
    return decided;
  });
}

}  // namespace parley::payments
