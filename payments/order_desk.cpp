#include "payments/order_desk.hpp"

#include <map>

#include "crm/stream_commands.hpp"
#include "domain/product.hpp"
#include "events/order_codec.hpp"
#include "events/product_codec.hpp"

namespace parley::payments {

namespace product = domain::product;
namespace codec = events::order_codec;

namespace {

// The two entities the desk reads, for crm::load_stream.
struct OrderStream {
  using State = order::State;
  static constexpr const char* kType = order::kEntityType;
  static State initial(const std::string&) { return {}; }
  static events::Expected<order::Event> decode(const events::EventEnvelope& e) {
    return codec::decode(e);
  }
  static State evolve(State s, const order::Event& e) { return order::evolve(std::move(s), e); }
};
struct ProductStream {
  using State = product::State;
  static constexpr const char* kType = product::kEntityType;
  static State initial(const std::string&) { return {}; }
  static events::Expected<product::Event> decode(const events::EventEnvelope& e) {
    return events::product_codec::decode(e);
  }
  static State evolve(State s, const product::Event& e) { return product::evolve(std::move(s), e); }
};
using ProductLoaded = crm::Loaded<ProductStream>;

ProductLoaded load_product(events::EventStore& store, const std::string& sku) {
  return crm::load_stream<ProductStream>(store, sku);
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
  auto loaded = crm::load_stream<OrderStream>(store_, order_id);
  return {loaded.status, std::move(loaded.state), loaded.head};
}

OrderOutcome OrderDesk::attempt(const std::string& order_id, const std::string& causation,
                                const std::string& dedupe_key, const Builder& build) {
  OrderOutcome out;
  for (int tries = 0; tries < 8; ++tries) {
    auto loaded = load(order_id);
    if (!loaded.status.ok()) {
      out.error_code = "storage_failed";
      out.message = loaded.status.to_string();
      return out;
    }
    out.state = loaded.state;
    if (!loaded.state.exists) {
      out.error_code = "not_found";
      out.message = "no order '" + order_id + "'";
      return out;
    }
    events::AppendRequest req{{order::kEntityType, order_id}, loaded.head, {}, {}};
    auto decided = build(loaded, &req);
    if (!decided) {
      out.error_code = order::to_string(decided.error());
      return out;
    }
    auto after = loaded.state;
    for (const auto& e : decided.value()) {
      req.events.push_back(codec::encode(e, causation));
      after = order::evolve(std::move(after), e);
    }
    if (req.events.empty()) {
      out.ok = true;
      return out;
    }
    if (!dedupe_key.empty()) req.dedupe = events::DedupeClaim{dedupe_key, causation};
    auto result = writer_.submit(std::move(req)).get();
    if (result.status.ok()) {
      out.ok = true;
      out.state = std::move(after);
      out.events = std::move(decided).value();
      return out;
    }
    if (result.status.code() == events::StoreErrc::duplicate) {
      out.ok = true;
      out.duplicate = true;
      return out;
    }
    if (result.status.code() != events::StoreErrc::conflict) {
      out.error_code = "storage_failed";
      out.message = result.status.to_string();
      return out;
    }
  }
  out.error_code = "storage_failed";
  out.message = "too many concurrent changes to order " + order_id;
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
          return domain::Result<std::vector<order::Event>, order::Error>(
              std::vector<order::Event>{});
        }
        return order::decide(loaded.state, order::ReserveStock{given});
      });
  if (!failed.ok() && out.ok) {
    out.ok = false;
    out.error_code = "storage_failed";
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
