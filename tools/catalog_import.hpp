// Catalog import shared by `parley catalog import` and the first start of serve.
#pragma once

#include <string>

#include "actors/product_commands.hpp"

namespace parley::tools {

bool read_file(const std::string& path, std::string* out, std::string* error);
// Parses and imports `csv`, printing bad rows as "source:line: sku: reason"
// and a summary to stderr.
actors::ImportReport import_catalog(actors::ProductCommands& commands, const std::string& csv,
                                    const std::string& source, bool progress_bar);

}  // namespace parley::tools
