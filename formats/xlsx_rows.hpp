// The first worksheet of an Excel workbook (.xlsx) as rows of text, the way
// the CSV readers get them (domain/csv_records.hpp): a row's `line` is its
// row number in Excel, so an error points at the row the admin sees. Shared
// and inline strings are resolved, numbers written the short way Excel shows
// them ("12.3", not its stored 12.300000000000001), booleans as TRUE/FALSE;
// empty rows are no records and missing cells are empty fields.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "domain/csv_records.hpp"
#include "domain/result.hpp"
#include "formats/file_error.hpp"

namespace parley::formats {

// A sheet or the shared strings are read up to this size inflated.
inline constexpr size_t kMaxXlsxPartBytes = 32 * 1024 * 1024;
// A cell past this column is an error (a catalog has 11; Excel allows 16384,
// and each column before a cell costs an empty field).
inline constexpr size_t kMaxXlsxColumns = 256;
// Cells kept, the empty ones before a value in its row included: about 180,000
// catalog rows, and a bound on memory whatever the sheet claims.
inline constexpr size_t kMaxXlsxCells = 2'000'000;

domain::Result<std::vector<domain::CsvRecord>, FileError> xlsx_rows(std::string_view bytes);

}  // namespace parley::formats
