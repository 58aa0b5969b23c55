#include "payments/invoice_pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <ctime>
#include <memory>

#include "events/envelope_json.hpp"

namespace parley::payments {

namespace {

constexpr double kWidth = 595.28, kHeight = 841.89;  // A4 in points
constexpr double kLeft = 56, kRight = kWidth - 56;
constexpr const char* kFont = "DejaVu Sans, Lohit Devanagari";

std::string date_of(int64_t us) {
  return events::format_utc(us, "%Y-%m-%d");
}

// `s` without the bidi embedding, override and isolate controls (U+202A–202E,
// U+2066–2069): a shopper's name or a product's must not reorder what the
// invoice shows (probe: "Anna \u202Egnp.exe" was drawn as "Anna exe.png").
// Scripts keep their own direction; only the explicit controls go.
std::string without_bidi_controls(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    if (b(i) == 0xE2 && i + 2 < s.size() &&
        ((b(i + 1) == 0x80 && b(i + 2) >= 0xAA && b(i + 2) <= 0xAE) ||
         (b(i + 1) == 0x81 && b(i + 2) >= 0xA6 && b(i + 2) <= 0xA9))) {
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

// Draws text with Pango; `align` 0 left at x, 1 right-aligned ending at x.
class Page {
 public:
  explicit Page(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {}
  ~Page() { g_object_unref(layout_); }
  Page(const Page&) = delete;
  Page& operator=(const Page&) = delete;

  // Returns the text's height in points.
  double text(double x, double y, const std::string& s, double size, bool bold = false,
              int align = 0, double width = -1) {
    PangoFontDescription* font = pango_font_description_from_string(kFont);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout_, width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    const std::string shown = without_bidi_controls(s);
    pango_layout_set_text(layout_, shown.c_str(), static_cast<int>(shown.size()));
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    const double tw = static_cast<double>(w) / PANGO_SCALE;
    cairo_move_to(cr_, align == 1 ? x - tw : x, y);
    pango_cairo_show_layout(cr_, layout_);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  void rule(double y, double width = 0.6) {
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, kLeft, y);
    cairo_line_to(cr_, kRight, y);
    cairo_stroke(cr_);
  }

 private:
  cairo_t* cr_;
  PangoLayout* layout_;
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void draw(cairo_t* cr, const ShopDetails& shop, const domain::order::State& s) {
  const auto& o = s.order;
  const auto& inv = *s.invoice;
  Page page(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);

  double y = 56;
  page.text(kLeft, y, shop.name, 16, true);
  page.text(kRight, y, "INVOICE", 20, true, 1);
  y += 24;
  double left_y = y, right_y = y;
  if (!shop.address.empty()) left_y += page.text(kLeft, left_y, shop.address, 9, false, 0, 260);
  if (!shop.email.empty()) left_y += page.text(kLeft, left_y, shop.email, 9);
  if (!shop.vat_id.empty()) left_y += page.text(kLeft, left_y, "VAT ID: " + shop.vat_id, 9);
  right_y += page.text(kRight, right_y, "Invoice no. " + inv.invoice_id, 10, true, 1);
  right_y += page.text(kRight, right_y, "Date: " + date_of(inv.issued_at_us), 9, false, 1);
  right_y += page.text(kRight, right_y, "Order: " + o.order_id, 9, false, 1);
  y = std::max(left_y, right_y) + 24;

  page.text(kLeft, y, "Bill to", 9, true);
  y += 14;
  const auto& c = o.customer;
  for (const std::string& line : {c.name, c.address, c.city, c.email, c.phone})
    if (!line.empty()) y += page.text(kLeft, y, line, 10, false, 0, 300);
  y += 20;

  const double col_qty = 360, col_unit = 450, col_amount = kRight;
  page.text(kLeft, y, "Item", 9, true);
  page.text(col_qty, y, "Qty", 9, true, 1);
  page.text(col_unit, y, "Unit price", 9, true, 1);
  page.text(col_amount, y, "Amount", 9, true, 1);
  y += 14;
  page.rule(y);
  y += 6;
  for (const auto& l : o.lines) {
    std::string item = l.name;
    std::string variant = l.color;
    if (!l.size.empty()) variant += (variant.empty() ? "" : ", ") + std::string("size ") + l.size;
    if (!variant.empty()) item += " (" + variant + ")";
    item += "  ·  " + l.sku;
    const double h = page.text(kLeft, y, item, 10, false, 0, 250);
    page.text(col_qty, y, std::to_string(l.quantity), 10, false, 1);
    page.text(col_unit, y, invoice_money(l.unit_price_cents, o.currency), 10, false, 1);
    page.text(col_amount, y, invoice_money(l.total_cents(), o.currency), 10, false, 1);
    y += h + 6;
    if (y > kHeight - 200) {  // a long order continues on the next page
      cairo_show_page(cr);
      y = 56;
    }
  }
  // The promotion is a line of its own, before the net: the total below is
  // what was paid, so the lines above add up to it with the discount.
  if (o.discount_cents > 0) {
    const double h = page.text(kLeft, y, "Discount  ·  " + o.promo_code, 10, false, 0, 250);
    page.text(col_amount, y, "-" + invoice_money(o.discount_cents, o.currency), 10, false, 1);
    y += h + 6;
  }
  page.rule(y);
  y += 10;
  char rate[32];
  std::snprintf(rate, sizeof rate, "%u.%02u", inv.vat_rate_bp / 100, inv.vat_rate_bp % 100);
  const double label_x = col_unit;
  page.text(label_x, y, "Net", 10, false, 1);
  y += page.text(col_amount, y, invoice_money(inv.net_cents, o.currency), 10, false, 1) + 4;
  page.text(label_x, y, std::string("VAT ") + rate + " %", 10, false, 1);
  y += page.text(col_amount, y, invoice_money(inv.vat_cents, o.currency), 10, false, 1) + 4;
  page.text(label_x, y, "Total", 11, true, 1);
  y += page.text(col_amount, y, invoice_money(inv.gross_cents, o.currency), 11, true, 1) + 24;

  std::string paid = "Payment: ";
  if (s.paid) {
    paid += "received " + date_of(s.paid->at_us) + " via " +
            (s.paid->provider == "manual" ? std::string("bank transfer") : s.paid->provider);
    if (!s.paid->reference.empty() && s.paid->provider != "manual")
      paid += " (" + s.paid->reference + ")";
  } else {
    paid += "due";
  }
  page.text(kLeft, y, paid, 9, false, 0, kRight - kLeft);
  page.text(kLeft, kHeight - 56, "Prices include VAT. Thank you for your order.", 8);
}

}  // namespace

std::string invoice_money(int64_t cents, const std::string& currency) {
  const bool negative = cents < 0;
  uint64_t v = static_cast<uint64_t>(negative ? -cents : cents);
  std::string units = std::to_string(v / 100);
  for (int i = static_cast<int>(units.size()) - 3; i > 0; i -= 3) units.insert(i, ",");
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%02u", static_cast<unsigned>(v % 100));
  return (negative ? "-" : "") + units + frac + " " + currency;
}

std::string render_invoice_pdf(const ShopDetails& shop, const domain::order::State& state,
                               std::string* error) {
  if (!state.invoice) {
    if (error) *error = "the order has no invoice";
    return "";
  }
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append_bytes, &bytes, kWidth, kHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 ("Invoice " + state.invoice->invoice_id).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Parley");
  cairo_t* cr = cairo_create(surface);
  draw(cr, shop, state);
  cairo_show_page(cr);
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
    if (error)
      *error = std::string("cairo: ") +
               cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished);
    return "";
  }
  return bytes;
}

}  // namespace parley::payments
