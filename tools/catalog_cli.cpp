// `parley catalog import FILE`: imports a catalog, or a stock-only sheet
// (sku,quantity), as CSV or .xlsx, into the event log with a progress bar,
// while the server is stopped (the server takes the same files at POST
// /api/v1/products/import). Also the first-start import of serve, and
// `parley catalog drop-demo`, which takes the demo products out again.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "actors/product_commands.hpp"
#include "domain/stock_sheet.hpp"
#include "events/group_commit_writer.hpp"
#include "events/rocks_event_store.hpp"
#include "formats/sheet_rows.hpp"
#include "tools/catalog_import.hpp"
#include "tools/commands.hpp"

namespace parley::tools {

bool read_file(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::unique_ptr<events::RocksEventStore> open_log_for_import(const Settings& settings,
                                                             const char* route) {
  if (settings.store == "postgres") {  // it would write to a local log nobody reads
    std::fprintf(stderr,
                 "parley: with PARLEY_STORE=postgres, import through the running server: %s\n",
                 route);
    return nullptr;
  }
  events::RocksEventStore::Options o;
  o.path = settings.events_path();
  auto store = events::RocksEventStore::open(o);
  if (!store) {
    std::fprintf(stderr,
                 "parley: cannot open the event store at %s: %s\n(is the server running? then use "
                 "%s)\n",
                 o.path.c_str(), store.status().to_string().c_str(), route);
    return nullptr;
  }
  return std::move(*store);
}

actors::ImportReport import_catalog(actors::ProductCommands& commands, const std::string& file,
                                    const std::string& source, bool progress_bar) {
  auto rows = formats::sheet_rows(file);
  if (!rows) {
    const auto& e = rows.error();
    std::fprintf(stderr, "%s: %s%s%s%s\n", source.c_str(), e.part.c_str(),
                 e.line ? (":" + std::to_string(e.line)).c_str() : "", e.part.empty() ? "" : ": ",
                 e.message.c_str());
    actors::ImportReport unread;
    unread.errors.push_back({0, "", e.message});
    return unread;
  }
  const bool stock_only = !rows.value().empty() && domain::is_stock_header(rows.value().front());
  const bool tty = progress_bar && isatty(STDERR_FILENO);
  auto progress = [&](size_t done, size_t total) {
    if (!tty || total == 0) return;
    const int width = 40;
    int filled = static_cast<int>(width * done / total);
    std::fprintf(stderr, "\rimporting [%.*s%*s] %zu/%zu", filled,
                 "########################################", width - filled, "", done, total);
    if (done == total) std::fputc('\n', stderr);
  };
  auto report = stock_only ? commands.import_stock(domain::parse_stock_records(rows.value()),
                                                   "import stock:" + source, progress)
                           : commands.import(domain::parse_catalog_records(rows.value()),
                                             "import:" + source, progress);
  for (const auto& e : report.errors) {
    if (e.line)
      std::fprintf(stderr, "%s:%zu: %s%s%s\n", source.c_str(), e.line, e.sku.c_str(),
                   e.sku.empty() ? "" : ": ", e.message.c_str());
    else
      std::fprintf(stderr, "%s: %s: %s\n", source.c_str(), e.sku.c_str(), e.message.c_str());
  }
  std::fprintf(stderr, "%s: %zu %s read, %zu %s, %zu unchanged, %zu bad rows\n", source.c_str(),
               report.rows, stock_only ? "stock rows" : "products", report.changed,
               stock_only ? "stock levels changed" : "added or changed", report.unchanged,
               report.errors.size());
  return report;
}

// `parley catalog drop-demo`: the demo products leave the catalog, except
// those the shop has edited (named, kept).
int drop_demo(actors::ProductCommands& commands) {
  const auto demo = domain::parse_catalog_csv(demo_catalog_csv());
  const auto report = commands.drop_unchanged(demo.products, "cli:catalog drop-demo");
  for (const auto& sku : report.kept_changed)
    std::fprintf(stderr, "%s: kept, the shop has changed it since\n", sku.c_str());
  for (const auto& e : report.errors) std::fprintf(stderr, "%s\n", e.c_str());
  std::fprintf(stderr, "demo catalog: %zu products removed, %zu kept\n", report.removed,
               report.kept_changed.size());
  return report.errors.empty() ? 0 : 1;
}

int run_catalog(int argc, char** argv) {
  const bool import = argc == 3 && std::string(argv[1]) == "import";
  const bool drop = argc == 2 && std::string(argv[1]) == "drop-demo";
  if (!import && !drop) {
    std::fprintf(stderr,
                 "usage: parley catalog import FILE.csv|FILE.xlsx\n"
                 "       parley catalog drop-demo\n");
    return 2;
  }
  Settings settings;
  std::string error, csv;
  if (!load_settings(&settings, &error) || (import && !read_file(argv[2], &csv, &error))) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return 2;
  }
  auto store = open_log_for_import(settings, "POST /api/v1/products/import");
  if (!store) return 1;
  events::GroupCommitWriter writer(*store);
  actors::ProductCommands commands(*store, writer, wall_clock_us);
  if (drop) {
    const int rc = drop_demo(commands);
    writer.stop();
    return rc;
  }
  auto report = import_catalog(commands, csv, argv[2], true);
  writer.stop();
  if (report.rows == 0 && !report.errors.empty()) return 1;
  return report.errors.empty() ? 0 : 3;
}

}  // namespace parley::tools
