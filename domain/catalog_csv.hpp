// Parses a catalog CSV (../shared/catalog/README.md): RFC 4180 quoting, the
// exact header, `|`-separated lists. Every bad row is reported with its line
// number and reason; the good rows are returned all the same. Pure.
#pragma once

#include <string>
#include <vector>

#include "domain/csv_records.hpp"
#include "domain/product.hpp"

namespace parley::domain {

struct CsvRowError {
  size_t line = 0;  // 1-based line of the file where the row starts
  std::string sku;  // when it could be read
  std::string message;
};

struct CatalogParse {
  std::vector<product::Product> products;
  std::vector<CsvRowError> errors;
  bool header_ok = false;
};

inline constexpr const char* kCatalogHeader =
    "sku,name,category,price,currency,stock,color,size,tags,description,image_url";

CatalogParse parse_catalog_csv(const std::string& text);
// The same from rows already split: a CSV's records, or an Excel sheet's
// rows (formats/xlsx_rows.hpp), whose `line` is the row number.
CatalogParse parse_catalog_records(const std::vector<CsvRecord>& records);
// A header row as the CSV would write it: its fields joined by ','.
std::string header_of(const CsvRecord& record);
// "12" -> 12: digits only, at most 15 of them.
bool parse_int(const std::string& text, int64_t* value);

// "12.50" -> 1250; false for anything but a non-negative decimal with at most 2 places.
bool parse_price_cents(const std::string& text, int64_t* cents);

}  // namespace parley::domain
