#include "actors/product_commands.hpp"

#include <future>

#include "events/product_codec.hpp"
#include "events/stream_command.hpp"

namespace parley::actors {

namespace product = domain::product;
namespace codec = events::product_codec;

ProductCommands::ProductCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                                 std::function<int64_t()> now_us)
    : store_(store), writer_(writer), now_us_(std::move(now_us)) {}

ProductCommands::Loaded ProductCommands::load(const std::string& sku) {
  return events::load_stream<codec::Stream>(store_, sku);
}

ProductOutcome ProductCommands::get(const std::string& sku) {
  ProductOutcome out;
  auto key = product::normalize(product::Product{sku, "x", "", 0, "EUR", 0, {}, {}, {}, "", ""});
  auto loaded = load(key.sku);
  if (!loaded.status.ok()) {
    out.storage = loaded.status.code();
    out.message = loaded.status.to_string();
  } else if (!loaded.state.exists) {
    out.refused = product::Error::not_found;
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
  events::StreamCommand<codec::Stream> c;
  c.decide = [&](const Loaded& loaded, events::AppendRequest*) {
    return product::decide(loaded.state, command);
  };
  const int64_t now = now_us_();
  c.encode = [&](const product::Event& e) { return codec::encode(e, now, causation); };
  auto r = events::run_stream_command(store_, writer_, sku, c);
  out.refused = r.refused;
  out.storage = r.storage;
  if (r.storage_failed())
    out.message = r.message;
  else if (r.refused_with(product::Error::not_found))
    out.message = "no product " + sku;
  else if (r.refused)
    out.message = "invalid product: " + r.error_code();
  out.ok = r.ok;
  out.changed = !r.events.empty();
  out.product = r.state.product;
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
  std::vector<ImportRow> rows;
  rows.reserve(parsed.products.size());
  for (const auto& p : parsed.products) rows.push_back({0, p.sku, product::Upsert{p}});
  return import_rows(rows, parsed.errors, causation, progress);
}

ImportReport ProductCommands::import_stock(const domain::StockSheet& sheet,
                                           const std::string& causation,
                                           const std::function<void(size_t, size_t)>& progress) {
  std::vector<ImportRow> rows;
  rows.reserve(sheet.rows.size());
  for (const auto& r : sheet.rows) rows.push_back({r.line, r.sku, product::SetStock{r.quantity}});
  return import_rows(rows, sheet.errors, causation, progress);
}

// Every row decided on its product's stream; the appends are submitted
// together, so they share synced batches.
ImportReport ProductCommands::import_rows(const std::vector<ImportRow>& rows,
                                          std::vector<domain::CsvRowError> errors,
                                          const std::string& causation,
                                          const std::function<void(size_t, size_t)>& progress) {
  ImportReport report;
  report.errors = std::move(errors);
  report.rows = rows.size();
  const int64_t now = now_us_();
  struct Pending {
    size_t index;
    std::future<events::AppendResult> result;
  };
  std::vector<Pending> pending;
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    auto loaded = load(row.sku);
    if (!loaded.status.ok()) {
      report.errors.push_back(
          {row.line, row.sku, "cannot read the catalog: " + loaded.status.to_string()});
      continue;
    }
    auto decided = product::decide(loaded.state, row.command);
    if (!decided) {
      report.errors.push_back(
          {row.line, row.sku,
           decided.error() == product::Error::not_found
               ? "no product with this sku: import it with the catalog's columns first"
               : std::string("invalid product: ") + product::to_string(decided.error())});
      continue;
    }
    if (decided.value().empty()) {
      ++report.unchanged;
      continue;
    }
    events::AppendRequest req{{product::kEntityType, row.sku}, loaded.head, {}, {}};
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
          {rows[p.index].line, rows[p.index].sku, "not stored: " + r.status.to_string()});
    }
    if (progress) progress(++done, report.rows);
  }
  if (progress) progress(report.rows, report.rows);
  return report;
}

DropReport ProductCommands::drop_unchanged(const std::vector<product::Product>& products,
                                           const std::string& causation) {
  DropReport report;
  const int64_t now = now_us_();
  for (const auto& given : products) {
    const product::Product wanted = product::normalize(given);
    bool kept = false, absent = false;
    events::StreamCommand<codec::Stream> c;
    // Decided on the stream as it is when appended: an edit that lands in
    // between is seen, and the product kept.
    c.decide =
        [&](const Loaded& loaded,
            events::AppendRequest*) -> domain::Result<std::vector<product::Event>, product::Error> {
      kept = absent = false;
      if (!loaded.state.exists) {
        absent = true;
        return std::vector<product::Event>{};
      }
      product::Product have = loaded.state.product;
      have.stock = wanted.stock;  // sales move the stock; that is no edit
      if (!(have == wanted)) {
        kept = true;
        return std::vector<product::Event>{};
      }
      return product::decide(loaded.state, product::Remove{});
    };
    c.encode = [&](const product::Event& e) { return codec::encode(e, now, causation); };
    auto r = events::run_stream_command(store_, writer_, wanted.sku, c);
    if (r.storage_failed())
      report.errors.push_back(wanted.sku + ": " + r.message);
    else if (kept)
      report.kept_changed.push_back(wanted.sku);
    else if (!absent && r.ok)
      ++report.removed;
  }
  return report;
}

}  // namespace parley::actors
