#include "domain/catalog_csv.hpp"

#include <cctype>
#include <unordered_map>

#include "domain/csv_records.hpp"

namespace parley::domain {
namespace {

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string::npos) bar = s.size();
    out.push_back(s.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

}  // namespace

bool parse_int(const std::string& s, int64_t* v) {
  if (s.empty() || s.size() > 15) return false;
  int64_t x = 0;
  for (unsigned char c : s) {
    if (!std::isdigit(c)) return false;
    x = x * 10 + (c - '0');
  }
  *v = x;
  return true;
}

bool parse_price_cents(const std::string& text, int64_t* cents) {
  auto dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  int64_t w = 0, f = 0;
  if (!parse_int(whole, &w) || frac.size() > 2 || (!frac.empty() && !parse_int(frac, &f)))
    return false;
  if (frac.size() == 1) f *= 10;
  *cents = w * 100 + f;
  return true;
}

CatalogParse parse_catalog_csv(const std::string& text) {
  return parse_catalog_records(split_csv_records(text));
}

std::string header_of(const CsvRecord& record) {
  std::string header;
  for (size_t i = 0; i < record.fields.size(); ++i) header += (i ? "," : "") + record.fields[i];
  return header;
}

CatalogParse parse_catalog_records(const std::vector<CsvRecord>& records) {
  CatalogParse result;
  if (records.empty()) {
    result.errors.push_back(
        {1, "", "the file is empty; expected the header " + std::string(kCatalogHeader)});
    return result;
  }
  if (header_of(records[0]) != kCatalogHeader) {
    result.errors.push_back(
        {records[0].line, "", "the header must be exactly: " + std::string(kCatalogHeader)});
    return result;
  }
  result.header_ok = true;
  std::unordered_map<std::string, size_t> first_line;  // sku -> line
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    auto bad = [&](std::string message) {
      result.errors.push_back(
          {rec.line, rec.fields.empty() ? "" : rec.fields[0], std::move(message)});
    };
    if (rec.unterminated) {
      bad("a quoted field is not closed");
      continue;
    }
    if (rec.fields.size() != 11) {
      bad("expected 11 fields, found " + std::to_string(rec.fields.size()));
      continue;
    }
    const auto& f = rec.fields;
    product::Product p;
    p.sku = f[0];
    p.name = f[1];
    p.category = f[2];
    if (!parse_price_cents(f[3], &p.price_cents)) {
      bad("price '" + f[3] + "' is not a non-negative amount like 12.50");
      continue;
    }
    p.currency = f[4];
    if (!parse_int(f[5], &p.stock)) {
      bad("stock '" + f[5] + "' is not a whole number >= 0");
      continue;
    }
    p.colors = split_list(f[6]);
    p.sizes = split_list(f[7]);
    p.tags = split_list(f[8]);
    p.description = f[9];
    p.image_url = f[10];
    p = product::normalize(std::move(p));
    if (auto e = product::validate(p)) {
      bad(std::string("invalid product: ") + product::to_string(*e));
      continue;
    }
    auto [it, fresh] = first_line.emplace(p.sku, rec.line);
    if (!fresh) {
      bad("duplicate sku " + p.sku + ", first on line " + std::to_string(it->second));
      continue;
    }
    result.products.push_back(std::move(p));
  }
  return result;
}

}  // namespace parley::domain
