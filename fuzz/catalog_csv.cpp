// The catalog CSV import (domain/catalog_csv.cpp), as POST
// /api/v1/products/import and `parley catalog import` read it. Input: the
// file. Besides "no crash": every product it returns is valid, normalised and
// of a distinct SKU, and the products written back as RFC 4180 CSV read the
// same again.
#include <set>
#include <string>

#include "domain/catalog_csv.hpp"
#include "fuzz/fuzz.hpp"

using namespace parley;
namespace product = parley::domain::product;

namespace {

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : "|") + v;
  return field(out);
}

std::string price(int64_t cents) {
  const std::string frac = std::to_string(cents % 100);
  return std::to_string(cents / 100) + "." + (frac.size() == 1 ? "0" : "") + frac;
}

std::string write_csv(const std::vector<product::Product>& products) {
  std::string out = std::string(domain::kCatalogHeader) + "\n";
  for (const auto& p : products)
    out += field(p.sku) + "," + field(p.name) + "," + field(p.category) + "," +
           price(p.price_cents) + "," + field(p.currency) + "," + std::to_string(p.stock) + "," +
           list(p.colors) + "," + list(p.sizes) + "," + list(p.tags) + "," + field(p.description) +
           "," + field(p.image_url) + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto parsed =
      domain::parse_catalog_csv(std::string(reinterpret_cast<const char*>(data), size));
  std::set<std::string> skus;
  for (const auto& p : parsed.products) {
    if (product::validate(p)) fuzz::fail("an invalid product was imported");
    if (!(product::normalize(p) == p)) fuzz::fail("an imported product is not normalised");
    if (!skus.insert(p.sku).second) fuzz::fail("a SKU was imported twice");
  }
  for (const auto& e : parsed.errors)
    if (e.line == 0 || e.message.empty()) fuzz::fail("a row error without a line or a reason");
  if (!parsed.header_ok) return 0;
  const auto again = domain::parse_catalog_csv(write_csv(parsed.products));
  if (!again.header_ok || !again.errors.empty() || again.products != parsed.products)
    fuzz::fail("the imported products, written as CSV, read differently");
  return 0;
}
