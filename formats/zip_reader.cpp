#include "formats/zip_reader.hpp"

#include <zip.h>

namespace parley::formats {

using domain::fail;

struct ZipReader::Archive {
  zip_t* zip = nullptr;
  ~Archive() {
    if (zip) zip_discard(zip);  // read-only: nothing to write back
  }
};

ZipReader::ZipReader(std::unique_ptr<Archive> archive) : archive_(std::move(archive)) {}
ZipReader::~ZipReader() = default;

domain::Result<std::unique_ptr<ZipReader>, FileError> ZipReader::open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    FileError e{"", 0, std::string("not a ZIP archive: ") + zip_error_strerror(&error)};
    zip_error_fini(&error);
    return fail(std::move(e));
  }
  // ZIP_CHECKCONS: a central directory that disagrees with the entries is
  // refused here rather than read half-way.
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip) {
    zip_source_free(source);
    FileError e{"", 0, std::string("not a ZIP archive: ") + zip_error_strerror(&error)};
    zip_error_fini(&error);
    return fail(std::move(e));
  }
  zip_error_fini(&error);
  auto archive = std::make_unique<Archive>();
  archive->zip = zip;
  return std::unique_ptr<ZipReader>(new ZipReader(std::move(archive)));
}

bool ZipReader::has(const std::string& name) const {
  return zip_name_locate(archive_->zip, name.c_str(), 0) >= 0;
}

domain::Result<std::string, FileError> ZipReader::read(const std::string& name,
                                                       size_t max_bytes) const {
  zip_file_t* file = zip_fopen(archive_->zip, name.c_str(), 0);
  if (!file) return fail(FileError{name, 0, "the part is missing or cannot be opened"});
  std::string out;
  char buffer[64 * 1024];
  while (true) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      FileError e{
          name, 0,
          std::string("the part is damaged: ") + zip_error_strerror(zip_file_get_error(file))};
      zip_fclose(file);
      return fail(std::move(e));
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      zip_fclose(file);
      return fail(FileError{
          name, 0,
          "the part is larger than " + std::to_string(max_bytes >> 20) + " MiB once unpacked"});
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  // A CRC mismatch is reported by the close, after the last read.
  if (zip_fclose(file) != 0) return fail(FileError{name, 0, "the part is damaged (CRC error)"});
  return out;
}

}  // namespace parley::formats
