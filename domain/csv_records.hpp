// Splits CSV text (RFC 4180) into records of fields, for the parsers that read
// an admin's CSV (the catalog, the shop's FAQ). A leading UTF-8 BOM is skipped;
// a field in double quotes may hold commas, "" for a quote, and line breaks, so
// one record may span lines; blank lines are no records. Each record keeps the
// 1-based line it starts on, for the errors the parsers report. Pure, linear.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::domain {

struct CsvRecord {
  size_t line = 0;  // 1-based line of the text where the record starts
  std::vector<std::string> fields;
  bool unterminated = false;  // a quoted field ran to the end of the text
};

// Line breaks are "\r\n", "\n" or a lone "\r" (outside quotes; inside them
// only "\n" counts a line, as it always has for the catalog's line numbers).
std::vector<CsvRecord> split_csv_records(std::string_view text);

}  // namespace parley::domain
