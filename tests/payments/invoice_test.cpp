// The invoice PDF read back with pdftotext (poppler-utils): numbers, VAT,
// totals, and names in Cyrillic and Devanagari; the renderer's thread; the
// e-mail around it (MIME and SendGrid bodies).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/signatures.hpp"
#include "payments/invoice_renderer.hpp"
#include "payments/mailer.hpp"
#include "tests/support/pdf_text.hpp"

namespace parley::payments {
namespace {

domain::order::State invoiced_order(const std::string& customer, const std::string& item) {
  namespace order = domain::order;
  order::Order o;
  o.order_id = "ORD-INV-1";
  o.customer = {customer, "+79001234567", "anna@example.com", "ул. Ленина, 1", "Москва"};
  domain::CartLine a;
  a.sku = "HW-SCR-025";
  a.name = item;
  a.quantity = 3;
  a.unit_price_cents = 1990;
  domain::CartLine b;
  b.sku = "HW-GLU-001";
  b.name = "Wood glue";
  b.quantity = 1;
  b.unit_price_cents = 123450;
  o.lines = {a, b};
  o.total_cents = 3 * 1990 + 123450;
  o.currency = "EUR";
  order::State s;
  s = order::evolve(s, order::OrderPlaced{o});
  s = order::evolve(s, order::PaymentConfirmed{"stripe", "pi_42", o.total_cents, "EUR", "webhook",
                                               "stripe", 1795300000000000});
  auto inv = order::decide(s, order::IssueInvoice{7, 1795300000000000, 2000});
  s = order::evolve(s, inv.value().front());
  return s;
}

ShopDetails shop() {
  ShopDetails d;
  d.name = "Ferrox Hardware";
  d.address = "1 Demo Street, Berlin";
  d.vat_id = "DE123456789";
  d.email = "shop@example.com";
  return d;
}

TEST(InvoicePdf, ReadsBackWithNumberLinesVatAndTotals) {
  std::string error;
  const std::string pdf =
      render_invoice_pdf(shop(), invoiced_order("Anna Petrova", "Wood screws"), &error);
  ASSERT_FALSE(pdf.empty()) << error;
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  const std::string text = testing::pdf_text(pdf);
  ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) could not read the invoice";
  for (const char* expected :
       {"INVOICE", "Ferrox Hardware", "VAT ID: DE123456789", "INV-000007", "ORD-INV-1",
        "Anna Petrova", "Wood screws", "19.90 EUR", "59.70 EUR", "1,234.50 EUR", "VAT 20.00 %",
        "1,078.50 EUR", "215.70 EUR", "1,294.20 EUR", "pi_42"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing '" << expected << "' in\n"
                                                      << text;
}

TEST(InvoicePdf, APromotionsDiscountIsALineAndTheTotalIsWhatWasPaid) {
  namespace order = domain::order;
  order::Order o = invoiced_order("Sam Lee", "Wood screws").order;
  o.order_id = "ORD-INV-2";
  o.discount_cents = 12940;  // 10 % of 1,294.20, rounded down to the 10 cents
  o.promo_code = "MADERA10";
  order::State s;
  s = order::evolve(s, order::decide(s, order::Place{o}).value().front());
  ASSERT_EQ(s.order.total_cents, 129420 - 12940) << "the decider prices the discount in";
  s = order::evolve(s, order::PaymentConfirmed{"stripe", "pi_43", s.order.total_cents, "EUR",
                                               "webhook", "stripe", 1795300000000000});
  s = order::evolve(
      s, order::decide(s, order::IssueInvoice{8, 1795300000000000, 2000}).value().front());
  std::string error;
  const std::string text = testing::pdf_text(render_invoice_pdf(shop(), s, &error));
  ASSERT_FALSE(text.empty()) << error;
  for (const char* expected : {"Discount", "MADERA10", "-129.40 EUR", "1,164.80 EUR"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing '" << expected << "' in\n"
                                                      << text;
}

TEST(InvoicePdf, CyrillicAndDevanagariComeOutAsWritten) {
  std::string error;
  const std::string pdf =
      render_invoice_pdf(shop(), invoiced_order("Анна Петрова", "हिंदी पुस्तक शिक्षा"), &error);
  ASSERT_FALSE(pdf.empty()) << error;
  // Fonts are embedded (subsets), not referenced.
  EXPECT_NE(pdf.find("/FontFile2"), std::string::npos);
  const std::string text = testing::pdf_text(pdf);
  EXPECT_NE(text.find("Анна Петрова"), std::string::npos) << text;
  EXPECT_NE(text.find("Москва"), std::string::npos) << text;
  // Conjuncts (क्ष) and a vowel sign shown before its consonant (ि) are
  // shaped, and still read back in logical order.
  EXPECT_NE(text.find("हिंदी"), std::string::npos) << text;
  EXPECT_NE(text.find("शिक्षा"), std::string::npos) << text;
}

// Probe: a name with a right-to-left override (U+202E) was drawn reversed, so
// a shopper could make the invoice show what they did not write.
TEST(InvoicePdf, BidiControlsInShoppersTextAreNotDrawn) {
  std::string error;
  const std::string pdf = render_invoice_pdf(
      shop(), invoiced_order("Anna \u202Egnp.exe", "Screws \u2066x\u2069 box"), &error);
  ASSERT_FALSE(pdf.empty()) << error;
  const std::string text = testing::pdf_text(pdf);
  EXPECT_NE(text.find("Anna gnp.exe"), std::string::npos) << text;
  EXPECT_NE(text.find("Screws x box"), std::string::npos) << text;
  EXPECT_EQ(text.find("\u202E"), std::string::npos);
}

TEST(InvoiceRenderer, DrawsOnItsOwnThreadAndKeepsTheFile) {
  testing::TempDir dir;
  InvoiceRenderer renderer(shop(), dir.sub("invoices"));
  const auto state = invoiced_order("Anna", "Screws");
  EXPECT_FALSE(renderer.on_renderer_thread());
  auto first = renderer.pdf(state).get();
  ASSERT_TRUE(first.ok) << first.error;
  EXPECT_FALSE(first.from_store);
  EXPECT_TRUE(std::filesystem::exists(dir.sub("invoices") + "/INV-000007.pdf"));
  auto second = renderer.pdf(state).get();
  ASSERT_TRUE(second.ok);
  EXPECT_TRUE(second.from_store);
  EXPECT_EQ(second.bytes, first.bytes);
  EXPECT_EQ(renderer.drawn(), 1u);
  // An order without an invoice is an error, not a blank page.
  auto none = renderer.pdf(domain::order::State{}).get();
  EXPECT_FALSE(none.ok);
}

MailMessage message() {
  MailMessage m;
  m.from = "shop@example.com";
  m.from_name = "Магазин";
  m.to = "anna@example.com";
  m.subject = "Invoice INV-000007 — счёт";
  m.text =
      "Hello Анна,\nyour invoice is attached. A line that is long enough to need a soft "
      "break in quoted-printable encoding, surely.\n";
  m.attachment_name = "INV-000007.pdf";
  // Binary, with a NUL inside: the length comes from the array (a count of
  // 20 for its 18 bytes read past the literal: ASan's global-buffer-overflow).
  static constexpr char kPdf[] = "%PDF-1.5\n\0\xff binary";
  m.attachment = std::string(kPdf, sizeof kPdf - 1);
  return m;
}

TEST(Mail, MimeMessageCarriesTheAttachmentByteForByte) {
  const auto m = message();
  const std::string mime =
      mime_message(m, "b0undary", "Sun, 22 Nov 2026 08:00:00 +0000", "<x@example.com>");
  EXPECT_NE(mime.find("To: <anna@example.com>\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Subject: =?UTF-8?B?"), std::string::npos) << "non-ASCII subject encoded";
  EXPECT_NE(mime.find("Content-Type: multipart/mixed; boundary=\"b0undary\""), std::string::npos);
  EXPECT_NE(mime.find("--b0undary--\r\n"), std::string::npos);
  for (size_t at = 0, next; (next = mime.find("\r\n", at)) != std::string::npos; at = next + 2)
    EXPECT_LE(next - at, 78u) << "line too long: " << mime.substr(at, next - at);
  std::string name;
  EXPECT_EQ(testing::mime_attachment(mime, &name), m.attachment);
  EXPECT_EQ(name, "INV-000007.pdf");
}

TEST(Mail, SendGridBodyCarriesTheAttachmentInBase64) {
  const auto m = message();
  auto j = nlohmann::json::parse(sendgrid_body(m));
  EXPECT_EQ(j["personalizations"][0]["to"][0]["email"], "anna@example.com");
  EXPECT_EQ(j["from"]["email"], "shop@example.com");
  EXPECT_EQ(j["subject"], m.subject);
  EXPECT_EQ(j["attachments"][0]["filename"], "INV-000007.pdf");
  EXPECT_EQ(j["attachments"][0]["type"], "application/pdf");
  EXPECT_EQ(testing::base64_decode(j["attachments"][0]["content"]), m.attachment);
}

// The test helper kept every bit it had read in an int: past five characters
// the shift overflowed (UBSan: left shift of 156504337 by 6 places, in every
// test that read back an attachment).
TEST(TestSupport, Base64DecodeReadsBackAnAttachmentOfAnyLength) {
  std::string bytes;
  for (int i = 0; i < 3000; ++i) bytes.push_back(static_cast<char>(i * 7));
  EXPECT_EQ(testing::base64_decode(channels::base64_encode(bytes)), bytes);
}

}  // namespace
}  // namespace parley::payments
