// Shoppers' signed order links: they open their own order until they expire,
// and nothing else.
#include "payments/order_links.hpp"

#include <gtest/gtest.h>

#include <map>

namespace parley::payments {
namespace {

std::map<std::string, std::string> parse(const std::string& query) {
  std::map<std::string, std::string> out;
  size_t at = 0;
  while (at < query.size()) {
    auto amp = query.find('&', at);
    if (amp == std::string::npos) amp = query.size();
    auto part = query.substr(at, amp - at);
    auto eq = part.find('=');
    out[part.substr(0, eq)] = part.substr(eq + 1);
    at = amp + 1;
  }
  return out;
}

const std::string kKey(32, 'k');

TEST(OrderLinks, ALinkOpensItsOrderUntilItExpires) {
  OrderLinks links(kKey, 3600);
  auto q = parse(links.query("ORD-A", 1000));
  EXPECT_EQ(q["exp"], "4600");
  EXPECT_EQ(q["sig"].size(), 64u);
  EXPECT_TRUE(links.valid("ORD-A", q["exp"], q["sig"], 1000));
  EXPECT_TRUE(links.valid("ORD-A", q["exp"], q["sig"], 4600));
  EXPECT_FALSE(links.valid("ORD-A", q["exp"], q["sig"], 4601)) << "expired";
}

TEST(OrderLinks, ALinkOpensNoOtherOrderAndCannotBeStretchedOrForged) {
  OrderLinks links(kKey, 3600);
  auto q = parse(links.query("ORD-A", 1000));
  EXPECT_FALSE(links.valid("ORD-B", q["exp"], q["sig"], 1000));
  EXPECT_FALSE(links.valid("ORD-A", "99999999", q["sig"], 1000)) << "a later expiry";
  std::string flipped = q["sig"];
  flipped[10] = flipped[10] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(links.valid("ORD-A", q["exp"], flipped, 1000));
  EXPECT_FALSE(links.valid("ORD-A", q["exp"], "", 1000));
  EXPECT_FALSE(links.valid("ORD-A", "", q["sig"], 1000));
  EXPECT_FALSE(links.valid("ORD-A", "4600x", q["sig"], 1000));
  OrderLinks other(std::string(32, 'o'), 3600);
  EXPECT_FALSE(other.valid("ORD-A", q["exp"], q["sig"], 1000)) << "another shop's key";
}

}  // namespace
}  // namespace parley::payments
