// A ZIP archive as a shop's tools write one, made with libzip: for the tests
// of uploaded files (made_files.hpp) and the office_xml fuzz target.
// Header-only; the binary links libzip.
#pragma once

#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace parley::testing {

// A ZIP archive of (name, content) entries, deflated, as bytes.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!zip) throw std::runtime_error("libzip: cannot open a buffer");
  zip_source_keep(buffer);  // read it back after zip_close
  for (const auto& [name, content] : entries) {
    zip_source_t* s = zip_source_buffer(zip, content.data(), content.size(), 0);
    if (zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0)
      throw std::runtime_error("libzip: cannot add " + name);
  }
  if (zip_close(zip) != 0) throw std::runtime_error("libzip: cannot write the archive");
  std::string out;
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  out.resize(static_cast<size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

}  // namespace parley::testing
