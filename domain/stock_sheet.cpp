#include "domain/stock_sheet.hpp"

#include <unordered_map>

#include "domain/product.hpp"

namespace parley::domain {
namespace {

std::string lower_trimmed(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  std::string out = s.substr(b, e - b);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

}  // namespace

bool is_stock_header(const CsvRecord& header) {
  if (header.fields.size() != 2 || lower_trimmed(header.fields[0]) != "sku") return false;
  const std::string second = lower_trimmed(header.fields[1]);
  return second == "quantity" || second == "stock";
}

StockSheet parse_stock_records(const std::vector<CsvRecord>& records) {
  StockSheet sheet;
  if (records.empty() || !is_stock_header(records[0])) {
    sheet.errors.push_back(
        {records.empty() ? 1 : records[0].line, "", "the header must be: sku,quantity"});
    return sheet;
  }
  std::unordered_map<std::string, size_t> first_line;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    auto bad = [&](const std::string& sku, std::string message) {
      sheet.errors.push_back({rec.line, sku, std::move(message)});
    };
    if (rec.unterminated) {
      bad("", "a quoted field is not closed");
      continue;
    }
    if (rec.fields.size() != 2) {
      bad(rec.fields.empty() ? "" : rec.fields[0],
          "expected 2 fields, found " + std::to_string(rec.fields.size()));
      continue;
    }
    product::Product p;
    p.sku = rec.fields[0];
    const std::string sku = product::normalize(std::move(p)).sku;
    if (sku.empty()) {
      bad("", "the sku is empty");
      continue;
    }
    int64_t quantity = 0;
    if (!parse_int(rec.fields[1], &quantity)) {
      bad(sku, "quantity '" + rec.fields[1] + "' is not a whole number >= 0");
      continue;
    }
    auto [it, fresh] = first_line.emplace(sku, rec.line);
    if (!fresh) {
      bad(sku, "duplicate sku " + sku + ", first on line " + std::to_string(it->second));
      continue;
    }
    sheet.rows.push_back({rec.line, sku, quantity});
  }
  return sheet;
}

}  // namespace parley::domain
