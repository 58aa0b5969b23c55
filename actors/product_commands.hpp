// Writes to the catalog. Products are written rarely (imports, admin edits)
// and never need a live actor: each command loads the product's stream,
// decides with the pure decider, and appends through the group-commit writer
// expecting the head it read (retrying a conflict). Blocking: call from HTTP
// or command-line threads, never from a CAF handler.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalog_csv.hpp"
#include "domain/product.hpp"
#include "domain/stock_sheet.hpp"
#include "events/event_store.hpp"
#include "events/group_commit_writer.hpp"
#include "events/product_codec.hpp"
#include "events/stream_command.hpp"

namespace parley::actors {

struct ProductOutcome {
  bool ok = false;
  bool changed = false;  // false: the command decided no events (already so)
  std::optional<domain::product::Error> refused;  // invalid_sku, not_found …
  events::StoreErrc storage = events::StoreErrc::ok;
  std::string message;
  domain::product::Product product;  // the product after the command (when it exists)

  bool refused_with(domain::product::Error e) const { return refused && *refused == e; }
  bool storage_failed() const { return storage != events::StoreErrc::ok; }
};

struct ImportReport {
  size_t rows = 0;                          // good rows read
  size_t changed = 0;                       // products upserted (new or different)
  size_t unchanged = 0;                     // identical to what the catalog had
  std::vector<domain::CsvRowError> errors;  // bad rows, and rows whose append failed
};

struct DropReport {
  size_t removed = 0;
  std::vector<std::string> kept_changed;  // SKUs the shop changed since: kept
  std::vector<std::string> errors;        // "<sku>: why it could not be removed"
};

class ProductCommands {
 public:
  ProductCommands(events::EventStore& store, events::GroupCommitWriter& writer,
                  std::function<int64_t()> now_us);

  ProductOutcome upsert(const domain::product::Product& product, const std::string& causation);
  ProductOutcome set_stock(const std::string& sku, int64_t stock, const std::string& causation);
  ProductOutcome remove(const std::string& sku, const std::string& causation);
  // Reads the product; refused with not_found if it does not exist.
  ProductOutcome get(const std::string& sku);

  // Imports a parsed CSV: every good row is upserted (appends submitted together,
  // so they share synced batches). `progress(done, total)` is called as rows land.
  ImportReport import(const domain::CatalogParse& parsed, const std::string& causation,
                      const std::function<void(size_t, size_t)>& progress = {});
  // Removes each of `products` the catalog still holds as given (its stock
  // aside): the demo catalog, once a shop has its own. A product the shop
  // edited since is kept and named; one already gone is skipped.
  DropReport drop_unchanged(const std::vector<domain::product::Product>& products,
                            const std::string& causation);
  // Sets the stock of each row's product and nothing else; a SKU the catalog
  // does not have is an error on its line (stock never creates a product).
  ImportReport import_stock(const domain::StockSheet& sheet, const std::string& causation,
                            const std::function<void(size_t, size_t)>& progress = {});

 private:
  using Loaded = events::LoadedStream<events::product_codec::Stream>;
  struct ImportRow {
    size_t line;
    std::string sku;
    domain::product::Command command;
  };
  ImportReport import_rows(const std::vector<ImportRow>& rows,
                           std::vector<domain::CsvRowError> errors, const std::string& causation,
                           const std::function<void(size_t, size_t)>& progress);
  Loaded load(const std::string& sku);
  ProductOutcome run(const std::string& sku, const domain::product::Command& command,
                     const std::string& causation);

  events::EventStore& store_;
  events::GroupCommitWriter& writer_;
  std::function<int64_t()> now_us_;
};

}  // namespace parley::actors
