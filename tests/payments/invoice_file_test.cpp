// Invoices at rest (issue 17, item 16): a stored invoice PDF names the
// customer, so it is kept sealed with their key; once they are forgotten it no
// longer opens and is drawn again from the order as the log then reads it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "events/memory_event_store.hpp"
#include "payments/invoice_renderer.hpp"
#include "privacy/customer_keys.hpp"
#include "tests/support/pdf_text.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley::privacy {
namespace {

namespace order = domain::order;

order::State invoiced(const std::string& customer) {
  order::Order o;
  o.order_id = "ORD-1";
  o.conversation_id = "telegram:5";
  o.customer.name = customer;
  o.customer.address = "Calle Mayor 5";
  domain::CartLine line;
  line.sku = "HW-1";
  line.name = "Screws";
  line.quantity = 1;
  line.unit_price_cents = 1000;
  o.lines = {line};
  o.total_cents = 1000;
  order::State s = order::evolve({}, order::OrderPlaced{o});
  s = order::evolve(s, order::PaymentConfirmed{"manual", "r", 1000, "EUR", "admin", "admin", 1});
  return order::evolve(s, order::decide(s, order::IssueInvoice{1, 1, 2000}).value().front());
}

TEST(InvoiceFile, AStoredInvoiceIsSealedAndAForgottenCustomersIsDrawnAgain) {
  testing::TempDir dir;
  events::MemoryEventStore store;
  KeyBytes master;
  master.fill(3);
  auto keys = std::move(CustomerKeys::open(store, master)).value();
  ASSERT_TRUE(keys->key_for("conversation/telegram:5").ok());  // made with its first message
  payments::FileSeal seal;
  seal.seal = [&](const std::string& conversation, const std::string& pdf) {
    return keys->seal_file("conversation/" + conversation, pdf);
  };
  seal.open = [&](const std::string& stored) { return keys->open_file(stored); };
  payments::InvoiceRenderer renderer({}, dir.sub("invoices"), seal);

  auto first = renderer.pdf(invoiced("Zofia Nowak")).get();
  ASSERT_TRUE(first.ok) << first.error;
  const std::string path = dir.sub("invoices") + "/INV-000001.pdf";
  std::ifstream in(path, std::ios::binary);
  const std::string stored((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(stored.rfind("pii:1:file:", 0), 0u) << "the file is kept as drawn";
  auto again = renderer.pdf(invoiced("Zofia Nowak")).get();
  EXPECT_TRUE(again.from_store);
  EXPECT_NE(testing::pdf_text(again.bytes).find("Zofia Nowak"), std::string::npos);

  ASSERT_TRUE(keys->forget("conversation/telegram:5").ok());
  auto after = renderer.pdf(invoiced("[erased]")).get();  // the order as the log now reads
  ASSERT_TRUE(after.ok) << after.error;
  EXPECT_FALSE(after.from_store);
  EXPECT_EQ(testing::pdf_text(after.bytes).find("Zofia"), std::string::npos);
}

}  // namespace
}  // namespace parley::privacy
