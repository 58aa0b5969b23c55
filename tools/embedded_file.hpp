// A file carried inside the binary (tools/embed_files.cmake writes the
// tables): its path relative to the folder it was embedded from, and its
// bytes, which live as long as the program.
#pragma once

#include <string_view>
#include <vector>

namespace parley {

struct EmbeddedFile {
  std::string_view name;  // "index.html", "assets/app.js", "openapi.json"
  std::string_view bytes;
};

// The tables tools/CMakeLists.txt embeds.
std::vector<EmbeddedFile> api_docs();               // docs/: openapi.json
std::vector<EmbeddedFile> console_files();          // web/'s bundle: index.html, assets/…
std::vector<EmbeddedFile> demo_catalog_files();     // data/: demo_catalog.csv
std::vector<EmbeddedFile> service_lexicon_files();  // data/knowledge/: service_lexicon.txt

}  // namespace parley
