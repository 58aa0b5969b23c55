// A stock-only sheet: two columns, SKU and quantity, from the shop's stock
// system or a count on the shelves. It sets each product's stock and touches
// nothing else. The header is "sku,quantity" (or "sku,stock"), in any case;
// each bad row is reported with its line (an Excel sheet's row number) and
// the good ones are kept. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/catalog_csv.hpp"
#include "domain/csv_records.hpp"

namespace parley::domain {

struct StockRow {
  size_t line = 0;
  std::string sku;  // normalized as product SKUs are (upper case, trimmed)
  int64_t quantity = 0;
};

struct StockSheet {
  std::vector<StockRow> rows;
  std::vector<CsvRowError> errors;
};

// True when the first row names the two columns of a stock-only sheet.
bool is_stock_header(const CsvRecord& header);
StockSheet parse_stock_records(const std::vector<CsvRecord>& records);

}  // namespace parley::domain
