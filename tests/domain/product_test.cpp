#include "domain/product.hpp"

#include <gtest/gtest.h>

#include "domain/catalog_csv.hpp"

namespace parley::domain {
namespace {

using namespace product;

Product sample() {
  return Product{" hw-scr-001 ", "Screw", "Hardware > Screws", 890, "eur", 5, {"Grey"}, {"M3"},
                 {"Titanium"},   "desc",  "https://x/1.jpg"};
}

State given(const std::vector<Event>& history) {
  State s;
  for (const auto& e : history) s = evolve(std::move(s), e);
  return s;
}

TEST(ProductDecider, UpsertNormalisesAndCreates) {
  auto then = decide(given({}), Upsert{sample()});
  ASSERT_TRUE(then.ok());
  ASSERT_EQ(then.value().size(), 1u);
  const auto& p = std::get<ProductUpserted>(then.value()[0]).product;
  EXPECT_EQ(p.sku, "HW-SCR-001");
  EXPECT_EQ(p.currency, "EUR");
  EXPECT_EQ(p.colors, std::vector<std::string>{"grey"});
  EXPECT_EQ(p.tags, std::vector<std::string>{"titanium"});
}

TEST(ProductDecider, UnchangedUpsertDecidesNothing) {
  auto p = normalize(sample());
  EXPECT_TRUE(decide(given({ProductUpserted{p}}), Upsert{sample()}).value().empty());
  auto changed = sample();
  changed.price_cents = 990;
  EXPECT_EQ(decide(given({ProductUpserted{p}}), Upsert{changed}).value().size(), 1u);
}

TEST(ProductDecider, StockChangesAndRemoval) {
  auto s = given({ProductUpserted{normalize(sample())}});
  auto stock = decide(s, SetStock{0});
  ASSERT_TRUE(stock.ok());
  EXPECT_EQ(std::get<StockChanged>(stock.value()[0]).stock, 0);
  EXPECT_TRUE(decide(s, SetStock{5}).value().empty());
  EXPECT_EQ(decide(s, SetStock{-1}).error(), Error::invalid_stock);
  auto removed = decide(s, Remove{});
  ASSERT_TRUE(removed.ok());
  auto gone = given({ProductUpserted{normalize(sample())}, ProductRemoved{"HW-SCR-001"}});
  EXPECT_FALSE(gone.exists);
  EXPECT_EQ(decide(gone, Remove{}).error(), Error::not_found);
  EXPECT_EQ(decide(given({}), SetStock{3}).error(), Error::not_found);
}

TEST(ProductDecider, RefusesInvalidProducts) {
  auto p = sample();
  p.sku = "bad sku!";
  EXPECT_EQ(decide(given({}), Upsert{p}).error(), Error::invalid_sku);
  p = sample();
  p.name = "  ";
  EXPECT_EQ(decide(given({}), Upsert{p}).error(), Error::missing_name);
  p = sample();
  p.price_cents = -1;
  EXPECT_EQ(decide(given({}), Upsert{p}).error(), Error::invalid_price);
  p = sample();
  p.currency = "EURO";
  EXPECT_EQ(decide(given({}), Upsert{p}).error(), Error::invalid_currency);
}

TEST(CatalogCsv, ParsesQuotedFieldsAndLists) {
  std::string csv = std::string(kCatalogHeader) +
                    "\nHW-1,\"Screw, \"\"best\"\"\",Hardware > Screws,8.90,EUR,3,grey|black,M3 x "
                    "10 mm,a|b,\"two\nlines\",https://x/1.jpg\n";
  auto r = parse_catalog_csv(csv);
  ASSERT_TRUE(r.header_ok);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  ASSERT_EQ(r.products.size(), 1u);
  const auto& p = r.products[0];
  EXPECT_EQ(p.name, "Screw, \"best\"");
  EXPECT_EQ(p.price_cents, 890);
  EXPECT_EQ(p.colors, (std::vector<std::string>{"grey", "black"}));
  EXPECT_EQ(p.description, "two\nlines");
}

TEST(CatalogCsv, BadRowsAreReportedWithLineNumbersAndGoodRowsLand) {
  std::string csv = std::string(kCatalogHeader) + "\n" +
                    "OK-1,One,C,1.00,EUR,1,,,,d,u\n" +           // line 2
                    "BAD-1,Two,C,abc,EUR,1,,,,d,u\n" +           // line 3: price
                    "BAD-2,Three,C,1.00,EUR,-4,,,,d,u\n" +       // line 4: stock
                    "BAD-3,\"multi\nline\",C,1.00,EUR,1,,,\n" +  // line 5: 9 fields
                    "OK-2,Four,C,2.5,EUR,0,,,,d,u\n" +           // line 7
                    "OK-1,Again,C,1.00,EUR,1,,,,d,u\n" +         // line 8: duplicate
                    ",NoSku,C,1.00,EUR,1,,,,d,u\n";              // line 9: sku
  auto r = parse_catalog_csv(csv);
  ASSERT_EQ(r.products.size(), 2u);
  EXPECT_EQ(r.products[1].price_cents, 250);
  ASSERT_EQ(r.errors.size(), 5u);
  std::vector<size_t> lines;
  for (const auto& e : r.errors) lines.push_back(e.line);
  EXPECT_EQ(lines, (std::vector<size_t>{3, 4, 5, 8, 9}));
  EXPECT_NE(r.errors[0].message.find("price"), std::string::npos);
  EXPECT_NE(r.errors[3].message.find("duplicate"), std::string::npos);
}

TEST(CatalogCsv, WrongHeaderStopsEverything) {
  auto r = parse_catalog_csv("sku,name\nA,B\n");
  EXPECT_FALSE(r.header_ok);
  EXPECT_TRUE(r.products.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 1u);
  EXPECT_FALSE(parse_catalog_csv("").header_ok);
}

}  // namespace
}  // namespace parley::domain
