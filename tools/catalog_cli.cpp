// `parley catalog import FILE`: imports a catalog CSV into the event log with
// a progress bar, while the server is stopped (the server takes the same CSV
// at POST /api/v1/products/import). Also the first-start import of serve.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "actors/product_commands.hpp"
#include "events/group_commit_writer.hpp"
#include "events/rocks_event_store.hpp"
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

actors::ImportReport import_catalog(actors::ProductCommands& commands, const std::string& csv,
                                    const std::string& source, bool progress_bar) {
  auto parsed = domain::parse_catalog_csv(csv);
  const bool tty = progress_bar && isatty(STDERR_FILENO);
  auto progress = [&](size_t done, size_t total) {
    if (!tty || total == 0) return;
    const int width = 40;
    int filled = static_cast<int>(width * done / total);
    std::fprintf(stderr, "\rimporting [%.*s%*s] %zu/%zu", filled,
                 "########################################", width - filled, "", done, total);
    if (done == total) std::fputc('\n', stderr);
  };
  auto report = commands.import(parsed, "import:" + source, progress);
  for (const auto& e : report.errors) {
    if (e.line)
      std::fprintf(stderr, "%s:%zu: %s%s%s\n", source.c_str(), e.line, e.sku.c_str(),
                   e.sku.empty() ? "" : ": ", e.message.c_str());
    else
      std::fprintf(stderr, "%s: %s: %s\n", source.c_str(), e.sku.c_str(), e.message.c_str());
  }
  std::fprintf(stderr, "%s: %zu products read, %zu added or changed, %zu unchanged, %zu bad rows\n",
               source.c_str(), report.rows, report.changed, report.unchanged, report.errors.size());
  return report;
}

int run_catalog(int argc, char** argv) {
  if (argc != 3 || std::string(argv[1]) != "import") {
    std::fprintf(stderr, "usage: parley catalog import FILE.csv\n");
    return 2;
  }
  Settings settings;
  std::string error, csv;
  if (!load_settings(&settings, &error) || !read_file(argv[2], &csv, &error)) {
    std::fprintf(stderr, "parley: %s\n", error.c_str());
    return 2;
  }
  auto store = open_log_for_import(settings, "POST /api/v1/products/import");
  if (!store) return 1;
  events::GroupCommitWriter writer(*store);
  actors::ProductCommands commands(*store, writer, wall_clock_us);
  auto report = import_catalog(commands, csv, argv[2], true);
  writer.stop();
  if (report.rows == 0 && !report.errors.empty()) return 1;
  return report.errors.empty() ? 0 : 3;
}

}  // namespace parley::tools
