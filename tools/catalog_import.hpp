// Catalog import shared by `parley catalog import` and the first start of serve.
#pragma once

#include <string>

#include <memory>

#include "actors/product_commands.hpp"
#include "events/rocks_event_store.hpp"
#include "tools/settings.hpp"

namespace parley::tools {

bool read_file(const std::string& path, std::string* out, std::string* error);
// The event log for an import while the server is stopped; nullptr, with the
// reason and `route` (what to use while it runs) printed, when it cannot open.
std::unique_ptr<events::RocksEventStore> open_log_for_import(const Settings& settings,
                                                             const char* route);
// Parses and imports `csv`, printing bad rows as "source:line: sku: reason"
// and a summary to stderr.
actors::ImportReport import_catalog(actors::ProductCommands& commands, const std::string& csv,
                                    const std::string& source, bool progress_bar);

}  // namespace parley::tools
