// The rows of an uploaded sheet, whatever it was saved as: an Excel workbook
// (.xlsx; it starts as every ZIP archive does, "PK\3\4") or CSV text. Both
// give the same records, so the catalog and stock imports read either with
// the same columns and line-numbered errors.
#pragma once

#include <string_view>
#include <vector>

#include "domain/csv_records.hpp"
#include "domain/result.hpp"
#include "formats/file_error.hpp"

namespace parley::formats {

bool looks_like_zip(std::string_view bytes);
domain::Result<std::vector<domain::CsvRecord>, FileError> sheet_rows(std::string_view bytes);

}  // namespace parley::formats
