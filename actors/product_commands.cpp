#include "actors/product_commands.hpp"

#include <future>

#include "events/product_codec.hpp"

namespace parley::actors {

namespace product = domain::product;
namespace codec = events::product_codec;

ProductCommands::ProductCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                                 std::function<int64_t()> now_us)
    : store_(store), writer_(writer), now_us_(std::move(now_us)) {}

ProductCommands::Loaded ProductCommands::load(const std::string& sku) {
  Loaded out;
  std::vector<events::EventEnvelope> stream;
  out.status = store_.read_stream({product::kEntityType, sku}, 1, SIZE_MAX, &stream);
  if (!out.status.ok()) return out;
  for (const auto& env : stream) {
    auto e = codec::decode(env);
    if (!e) {
      out.status = e.status();
      return out;
    }
    out.state = product::evolve(std::move(out.state), *e);
    out.head = env.seq;
  }
  return out;
}

ProductOutcome ProductCommands::get(const std::string& sku) {
  ProductOutcome out;
  auto key = product::normalize(product::Product{sku, "x", "", 0, "EUR", 0, {}, {}, {}, "", ""});
  auto loaded = load(key.sku);
  if (!loaded.status.ok()) {
    out.error_code = "storage_failed";
    out.message = loaded.status.to_string();
  } else if (!loaded.state.exists) {
    out.error_code = "not_found";
    out.message = "no product " + key.sku;
  } else {
    out.ok = true;
    out.product = loaded.state.product;
  }
  return out;
}

ProductOutcome ProductCommands::run(const std::string& raw_sku, const product::Command& command,
                                    const std::string& causation) {
  ProductOutcome out;
  const std::string sku =
      product::normalize(product::Product{raw_sku, "x", "", 0, "EUR", 0, {}, {}, {}, "", ""}).sku;
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto loaded = load(sku);
    if (!loaded.status.ok()) {
      out.error_code = "storage_failed";
      out.message = loaded.status.to_string();
      return out;
    }
    auto decided = product::decide(loaded.state, command);
    if (!decided) {
      out.error_code = product::to_string(decided.error());
      out.message = out.error_code == "not_found" ? "no product " + sku
                                                  : "invalid product: " + out.error_code;
      return out;
    }
    product::State after = loaded.state;
    events::AppendRequest req{{product::kEntityType, sku}, loaded.head, {}, {}};
    const int64_t now = now_us_();
    for (const auto& e : decided.value()) {
      req.events.push_back(codec::encode(e, now, causation));
      after = product::evolve(std::move(after), e);
    }
    out.product = after.product;
    if (req.events.empty()) {
      out.ok = true;
      return out;
    }
    auto result = writer_.submit(std::move(req)).get();
    if (result.status.ok()) {
      out.ok = out.changed = true;
      return out;
    }
    if (result.status.code() != events::StoreErrc::conflict) {
      out.error_code = "storage_failed";
      out.message = result.status.to_string();
      return out;
    }
  }
  out.error_code = "storage_failed";
  out.message = "the product kept changing under the command; retry";
  return out;
}

ProductOutcome ProductCommands::upsert(const product::Product& p, const std::string& causation) {
  return run(p.sku, product::Upsert{p}, causation);
}

ProductOutcome ProductCommands::set_stock(const std::string& sku, int64_t stock,
                                          const std::string& causation) {
  return run(sku, product::SetStock{stock}, causation);
}

ProductOutcome ProductCommands::remove(const std::string& sku, const std::string& causation) {
  return run(sku, product::Remove{}, causation);
}

ImportReport ProductCommands::import(const domain::CatalogParse& parsed,
                                     const std::string& causation,
                                     const std::function<void(size_t, size_t)>& progress) {
  ImportReport report;
  report.errors = parsed.errors;
  report.rows = parsed.products.size();
  const int64_t now = now_us_();
  struct Pending {
    size_t index;
    std::future<events::AppendResult> result;
  };
  std::vector<Pending> pending;
  for (size_t i = 0; i < parsed.products.size(); ++i) {
    const auto& p = parsed.products[i];
    auto loaded = load(p.sku);
    if (!loaded.status.ok()) {
      report.errors.push_back({0, p.sku, "cannot read the catalog: " + loaded.status.to_string()});
      continue;
    }
    auto decided = product::decide(loaded.state, product::Upsert{p});
    if (!decided) {
      report.errors.push_back(
          {0, p.sku, std::string("invalid product: ") + product::to_string(decided.error())});
      continue;
    }
    if (decided.value().empty()) {
      ++report.unchanged;
      continue;
    }
    events::AppendRequest req{{product::kEntityType, p.sku}, loaded.head, {}, {}};
    for (const auto& e : decided.value()) req.events.push_back(codec::encode(e, now, causation));
    pending.push_back({i, writer_.submit(std::move(req))});
  }
  size_t done = report.unchanged;
  for (auto& p : pending) {
    auto r = p.result.get();
    if (r.status.ok()) {
      ++report.changed;
    } else {
      report.errors.push_back(
          {0, parsed.products[p.index].sku, "not stored: " + r.status.to_string()});
    }
    if (progress) progress(++done, report.rows);
  }
  if (progress) progress(report.rows, report.rows);
  return report;
}

}  // namespace parley::actors
