#include "formats/sheet_rows.hpp"

#include "formats/xlsx_rows.hpp"

namespace parley::formats {

bool looks_like_zip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

domain::Result<std::vector<domain::CsvRecord>, FileError> sheet_rows(std::string_view bytes) {
  if (looks_like_zip(bytes)) return xlsx_rows(bytes);
  return domain::split_csv_records(bytes);
}

}  // namespace parley::formats
