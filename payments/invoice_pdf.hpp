// The invoice as a PDF (A4): the shop's details, the invoice number and
// date, the customer, one row per order line, net, VAT and total in the
// order's currency, and how it was paid. Drawn with Pango on a cairo PDF
// surface: text is shaped by HarfBuzz (Devanagari conjuncts and vowel signs
// come out right) and the fonts are embedded as subsets — DejaVu Sans
// (fonts-dejavu-core) for Latin and Cyrillic, Lohit Devanagari
// (fonts-lohit-deva) for Devanagari, chosen per character by fontconfig.
//
// Rendering takes milliseconds of CPU: call it on the invoice renderer's
// thread (invoice_renderer.hpp), never on an HTTP or CAF scheduler thread.
#pragma once

#include <string>

#include "domain/order.hpp"

namespace parley::payments {

struct ShopDetails {
  std::string name = "Parley Demo Shop";  // PARLEY_SHOP_NAME
  std::string address;                    // PARLEY_SHOP_ADDRESS (lines separated by ", ")
  std::string vat_id;                     // PARLEY_SHOP_VAT_ID
  std::string email;                      // PARLEY_SHOP_EMAIL
  uint32_t vat_rate_bp = 2000;            // PARLEY_VAT_RATE (percent) in basis points
};

// The amount as the invoice prints it: "1,234.50 EUR".
std::string invoice_money(int64_t cents, const std::string& currency);

// The PDF's bytes; "" with `error` set when the state has no invoice or
// cairo fails.
std::string render_invoice_pdf(const ShopDetails& shop, const domain::order::State& state,
                               std::string* error);

}  // namespace parley::payments
