// Customer records in the orders view (projections/orders_view.hpp): the
// team's corrections show in the customer's row and lead a later order with
// the corrected phone to the same customer; a merge moves one customer's
// orders into the other's and the merged-away row is gone; merges chain; a
// conversation forgotten after a merge reads erased and stands alone again.
// Given/when/then.
#include <gtest/gtest.h>

#include <shared_mutex>

#include "tests/projections/views_fixture.hpp"

namespace parley::projections {
namespace {

constexpr int64_t kMinute = 60'000'000;

void place(Scene& s, const std::string& order_id, const std::string& conversation,
           const json& customer, int minute, int64_t total = 1000) {
  s.add("order", order_id, "order.placed",
        {{"order_id", order_id},
         {"conversation_id", conversation},
         {"customer", customer},
         {"lines", json::array()},
         {"total_cents", total},
         {"currency", "EUR"},
         {"placed_at_us", s.t + minute * kMinute}},
        minute);
}

void correct(Scene& s, const std::string& conversation, json details, int minute) {
  details["by"] = "operator:ravi";
  s.add("conversation", conversation, "conversation.details_corrected", details, minute);
}

void merge(Scene& s, const std::string& from, const std::string& into,
           const std::vector<std::string>& conversations, int minute) {
  s.add("customer", into, "customer.merged",
        {{"from_key", from}, {"conversations", conversations}, {"by", "operator:ravi"}}, minute);
}

// The customer row the record of `key` holds; null when there is none.
json row_of(Scene& s, const std::string& key) {
  const json record = s.v.orders.customer(key);
  return record.is_null() ? json() : record["customer"];
}

bool has_row(Scene& s, const std::string& key) {
  std::shared_lock lock(s.v.orders.mutex());
  return s.v.orders.find(key) != nullptr;
}

const std::string kAnaPhone = "phone:34600111222";

TEST(CustomerRecords, GivenACorrectionThenTheRowShowsItAndAnOrderWithTheNewPhoneJoinsTheCustomer) {
  Scene s;
  place(s, "O1", "telegram:7", {{"name", "ana"}, {"phone", "+34 600 111 222"}}, 0);
  correct(s, "telegram:7", {{"name", "Ana García"}, {"phone", "+34 699 000 111"}}, 1);
  s.fold();
  json ana = row_of(s, kAnaPhone);
  ASSERT_TRUE(ana.is_object());
  EXPECT_EQ(ana["name"], "Ana García") << "the team's word is newer than the order's";
  EXPECT_EQ(ana["phone"], "+34 699 000 111");
  EXPECT_EQ(ana["corrected_us"], s.t + kMinute);

  // Her next order, on WhatsApp with the corrected number, is hers.
  place(s, "O2", "whatsapp:34699000111", {{"phone", "+34 699 000 111"}}, 2);
  s.fold();
  EXPECT_FALSE(has_row(s, "customer/phone:34699000111")) << "no second customer";
  ana = row_of(s, kAnaPhone);
  EXPECT_EQ(ana["orders"], 2);
  EXPECT_EQ(ana["conversations"], json({"telegram:7", "whatsapp:34699000111"}));
  EXPECT_EQ(ana["name"], "Ana García") << "the later order gave no name";
  EXPECT_EQ(row_of(s, "phone:34699000111")["customer_key"], kAnaPhone)
      << "the corrected number leads to her";
  EXPECT_EQ(s.v.orders.customer_list("", 10).size(), 1u);
}

TEST(CustomerRecords, GivenACorrectionToAnotherCustomersPhoneThenTheTwoStayApartUntilMerged) {
  Scene s;
  place(s, "O1", "telegram:7", {{"name", "Ana"}, {"phone", "+34 600 111 222"}}, 0);
  place(s, "O2", "telegram:8", {{"name", "Bea"}, {"phone", "+34 611 222 333"}}, 1);
  correct(s, "telegram:7", {{"phone", "+34 611 222 333"}}, 2);
  place(s, "O3", "api:x", {{"phone", "+34 611 222 333"}}, 3);
  s.fold();
  EXPECT_EQ(row_of(s, "phone:34611222333")["orders"], 2) << "Bea's, as before";
  EXPECT_EQ(row_of(s, kAnaPhone)["orders"], 1);
  EXPECT_EQ(row_of(s, kAnaPhone)["phone"], "+34 611 222 333") << "shown as corrected";
}

TEST(CustomerRecords, GivenAMergeThenTheOrdersMoveAndTheMergedAwayRowIsGone) {
  Scene s;
  place(s, "O1", "telegram:7", {{"name", "Ana"}, {"email", "Ana@Example.com"}}, 0, 500);
  place(s, "O2", "whatsapp:34600111222", {{"name", "Ana"}, {"phone", "+34 600 111 222"}}, 1, 700);
  s.fold();
  ASSERT_TRUE(has_row(s, "customer/email:ana@example.com"));

  merge(s, "email:ana@example.com", kAnaPhone, {"whatsapp:34600111222", "telegram:7"}, 2);
  s.fold();
  EXPECT_FALSE(has_row(s, "customer/email:ana@example.com"));
  const json record = s.v.orders.customer(kAnaPhone);
  ASSERT_TRUE(record.is_object());
  const json& ana = record["customer"];
  EXPECT_EQ(ana["orders"], 2);
  EXPECT_EQ(ana["spent_cents"]["EUR"], 1200);
  EXPECT_EQ(ana["first_order_us"], s.t);
  EXPECT_EQ(record["orders"].size(), 2u);
  EXPECT_EQ(record["conversations"], json({"telegram:7", "whatsapp:34600111222"}));
  EXPECT_EQ(record["aliases"], json({"email:ana@example.com"}));
  {
    std::shared_lock lock(s.v.orders.mutex());
    EXPECT_EQ((*s.v.orders.find("order/O1"))["customer_key"], kAnaPhone);
  }
  EXPECT_EQ(row_of(s, "email:ana@example.com")["customer_key"], kAnaPhone)
      << "a merged-away key names where it went";
  EXPECT_TRUE(s.v.orders.customer("email:nobody@example.com").is_null());
}

TEST(CustomerRecords, GivenAMergedCustomerThenTheirRecordListsOrdersNewestFirst) {
  Scene s;
  place(s, "O1", "telegram:7", {{"email", "ana@example.com"}}, 0);
  place(s, "O2", "whatsapp:34600111222", {{"phone", "+34 600 111 222"}}, 5);
  place(s, "O3", "telegram:7", {{"email", "ana@example.com"}}, 9);
  merge(s, "email:ana@example.com", kAnaPhone, {"whatsapp:34600111222", "telegram:7"}, 10);
  s.fold();
  const json orders = s.v.orders.customer(kAnaPhone)["orders"];
  ASSERT_EQ(orders.size(), 3u);
  EXPECT_EQ(orders[0]["order_id"], "O3");
  EXPECT_EQ(orders[1]["order_id"], "O2");
  EXPECT_EQ(orders[2]["order_id"], "O1");
}

TEST(CustomerRecords, GivenMergesInARowThenTheFirstKeyLeadsToTheLast) {
  Scene s;
  place(s, "O1", "api:a", {{"email", "a@example.com"}}, 0);
  place(s, "O2", "api:b", {{"email", "b@example.com"}}, 1);
  place(s, "O3", "api:c", {{"phone", "+34 600 111 222"}}, 2);
  merge(s, "email:a@example.com", "email:b@example.com", {"api:a", "api:b"}, 3);
  merge(s, "email:b@example.com", kAnaPhone, {"api:a", "api:b", "api:c"}, 4);
  s.fold();
  EXPECT_EQ(row_of(s, "email:a@example.com")["customer_key"], kAnaPhone);
  EXPECT_EQ(row_of(s, kAnaPhone)["orders"], 3);
  EXPECT_EQ(s.v.orders.customer_list("", 10).size(), 1u);

  // A later order with the first e-mail goes where the chain ends.
  place(s, "O4", "api:d", {{"email", "A@example.com"}}, 5);
  s.fold();
  EXPECT_EQ(row_of(s, kAnaPhone)["orders"], 4);
  EXPECT_FALSE(has_row(s, "customer/email:a@example.com"));

  // Merging the other way now is one customer already: nothing moves.
  merge(s, kAnaPhone, "email:a@example.com", {"api:a"}, 6);
  s.fold();
  EXPECT_EQ(row_of(s, kAnaPhone)["orders"], 4);
  EXPECT_EQ(row_of(s, "email:a@example.com")["customer_key"], kAnaPhone) << "no circle";
}

TEST(CustomerRecords, GivenAConversationForgottenAfterAMergeThenItsOrdersReadErasedAndStandAlone) {
  Scene s;
  place(s, "O1", "telegram:7", {{"name", "Ana"}, {"email", "ana@example.com"}}, 0);
  place(s, "O2", "whatsapp:34600111222", {{"name", "Ana"}, {"phone", "+34 600 111 222"}}, 1);
  merge(s, "email:ana@example.com", kAnaPhone, {"whatsapp:34600111222", "telegram:7"}, 2);
  correct(s, "telegram:7", {{"name", "Ana María"}}, 3);
  s.fold();
  ASSERT_EQ(row_of(s, kAnaPhone)["name"], "Ana María");

  s.add("conversation", "telegram:7", "conversation.customer_forgotten", {{"by", "admin"}}, 4);
  s.fold();
  {
    std::shared_lock lock(s.v.orders.mutex());
    const json& o1 = *s.v.orders.find("order/O1");
    EXPECT_EQ(o1["customer"]["name"], "[erased]");
    EXPECT_EQ(o1["customer"]["email"], "[erased]");
    EXPECT_EQ(o1["customer_key"], "conversation:telegram:7");
    EXPECT_EQ(s.v.orders.find("correction/telegram:7"), nullptr) << "the correction goes too";
  }
  const json ana = row_of(s, kAnaPhone);
  EXPECT_EQ(ana["orders"], 1);
  EXPECT_EQ(ana["conversations"], json({"whatsapp:34600111222"}));
  EXPECT_EQ(ana["name"], "Ana") << "what the forgotten conversation said is no longer shown";
  const json alone = row_of(s, "conversation:telegram:7");
  ASSERT_TRUE(alone.is_object());
  EXPECT_EQ(alone["name"], "[erased]");
  EXPECT_EQ(alone["orders"], 1);
}

TEST(CustomerRecords, GivenASearchThenNamesAndEmailsMatchInAnyCaseAndPhonesByTheirDigits) {
  Scene s;
  place(s, "O1", "api:a", {{"name", "Ana García"}, {"phone", "+34 600 111 222"}}, 0);
  place(s, "O2", "api:b", {{"name", "Bea"}, {"email", "bea@shop.example"}}, 5);
  s.fold();
  auto keys = [&](const std::string& q) {
    std::vector<std::string> out;
    for (const auto& c : s.v.orders.customer_list(q, 10)) out.push_back(c["customer_key"]);
    return out;
  };
  EXPECT_EQ(keys(""), (std::vector<std::string>{"email:bea@shop.example", kAnaPhone}))
      << "newest last order first";
  EXPECT_EQ(keys("GARC"), (std::vector<std::string>{kAnaPhone}));
  EXPECT_EQ(keys("SHOP.example"), (std::vector<std::string>{"email:bea@shop.example"}));
  EXPECT_EQ(keys("600 111-222"), (std::vector<std::string>{kAnaPhone}));
  EXPECT_TRUE(keys("nobody").empty());
  EXPECT_EQ(s.v.orders.customer_list("", 1).size(), 1u) << "capped";
}

}  // namespace
}  // namespace parley::projections
