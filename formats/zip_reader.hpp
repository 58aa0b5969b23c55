// The parts of a ZIP archive held in memory (.docx and .xlsx are ZIP files of
// XML parts), read with libzip. An upload is untrusted: a part is read only up
// to a cap whatever size its header claims, so a "zip bomb" costs at most the
// cap, and a damaged archive is an error, never a crash.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "formats/file_error.hpp"

namespace parley::formats {

class ZipReader {
 public:
  // The archive in `bytes`, which must outlive the reader.
  static domain::Result<std::unique_ptr<ZipReader>, FileError> open(std::string_view bytes);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  bool has(const std::string& name) const;
  // The part named `name`, whole: an error when it is missing, damaged or
  // longer than `max_bytes` once inflated.
  domain::Result<std::string, FileError> read(const std::string& name, size_t max_bytes) const;

 private:
  struct Archive;
  explicit ZipReader(std::unique_ptr<Archive> archive);
  std::unique_ptr<Archive> archive_;
};

}  // namespace parley::formats
