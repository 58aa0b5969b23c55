// Stripe's wire format as data: the Checkout Session form, its answers, and
// webhook events (signed genuinely, badly, too long ago).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "payments/manual_provider.hpp"
#include "payments/stripe_provider.hpp"
#include "payments/stripe_signature.hpp"

namespace parley::payments {
namespace {

using nlohmann::json;
using V = PaymentNotice::Verdict;

std::string field(const std::vector<std::pair<std::string, std::string>>& form,
                  const std::string& name) {
  for (const auto& [k, v] : form)
    if (k == name) return v;
  return "<missing>";
}

PaymentRequest request() {
  PaymentRequest r;
  r.order_id = "ORD-AB-1";
  r.items = {{"Wood screws", 3, 1990}, {"Клей", 1, 500}};
  r.total_cents = 6470;
  r.currency = "EUR";
  r.customer_email = "anna@example.com";
  return r;
}

std::string session_completed(const std::string& id, const std::string& payment_status,
                              const std::string& order_id = "ORD-AB-1") {
  return json{{"id", id},
              {"type", "checkout.session.completed"},
              {"data",
               {{"object",
                 {{"id", "cs_test_1"},
                  {"object", "checkout.session"},
                  {"client_reference_id", order_id},
                  {"payment_status", payment_status},
                  {"payment_intent", "pi_123"},
                  {"amount_total", 6470},
                  {"currency", "eur"}}}}}}
      .dump();
}

TEST(StripeWire, CheckoutSessionFormNamesTheOrderAndEveryLine) {
  StripeOptions o;
  o.success_url = "https://shop.example/done?order={ORDER_ID}";
  o.cancel_url = "https://shop.example/cancel";
  const auto form = checkout_session_form(request(), o);
  EXPECT_EQ(field(form, "mode"), "payment");
  EXPECT_EQ(field(form, "client_reference_id"), "ORD-AB-1");
  EXPECT_EQ(field(form, "metadata[order_id]"), "ORD-AB-1");
  EXPECT_EQ(field(form, "success_url"), "https://shop.example/done?order=ORD-AB-1");
  EXPECT_EQ(field(form, "customer_email"), "anna@example.com");
  EXPECT_EQ(field(form, "line_items[0][price_data][currency]"), "eur");
  EXPECT_EQ(field(form, "line_items[0][price_data][unit_amount]"), "1990");
  EXPECT_EQ(field(form, "line_items[0][quantity]"), "3");
  EXPECT_EQ(field(form, "line_items[1][price_data][product_data][name]"), "Клей");
  EXPECT_EQ(field(form, "line_items[2][quantity]"), "<missing>");
}

TEST(StripeWire, SessionAnswersBecomeLinksOrClassifiedErrors) {
  auto ok = read_session_link(200, R"({"id":"cs_1","url":"https://checkout.stripe.com/c/cs_1"})");
  ASSERT_TRUE(ok.ok);
  EXPECT_EQ(ok.reference, "cs_1");
  EXPECT_EQ(ok.url, "https://checkout.stripe.com/c/cs_1");
  auto bad_key = read_session_link(401, R"({"error":{"message":"Invalid API Key"}})");
  EXPECT_FALSE(bad_key.ok);
  EXPECT_FALSE(bad_key.retryable);
  EXPECT_NE(bad_key.error.find("Invalid API Key"), std::string::npos);
  EXPECT_TRUE(read_session_link(503, "").retryable);
  EXPECT_TRUE(read_session_link(429, "{}").retryable);
  EXPECT_FALSE(read_session_link(200, R"({"id":"cs_1"})").ok);

  auto paid = read_session_check(
      200,
      R"({"payment_status":"paid","amount_total":6470,"currency":"eur","payment_intent":"pi_9"})");
  ASSERT_TRUE(paid.ok);
  EXPECT_EQ(paid.state, PaymentState::paid);
  EXPECT_EQ(paid.amount_cents, 6470);
  EXPECT_EQ(paid.currency, "EUR");
  EXPECT_EQ(paid.payment_reference, "pi_9");
  EXPECT_EQ(read_session_check(200, R"({"payment_status":"unpaid","status":"expired"})").state,
            PaymentState::expired);
}

TEST(StripeWire, EventsThatPayAndEventsThatDoNot) {
  auto paid = read_stripe_event(session_completed("evt_1", "paid"));
  EXPECT_EQ(paid.verdict, V::payment);
  EXPECT_EQ(paid.event_id, "evt_1");
  EXPECT_EQ(paid.order_id, "ORD-AB-1");
  EXPECT_EQ(paid.amount_cents, 6470);
  EXPECT_EQ(paid.currency, "EUR");
  EXPECT_EQ(paid.payment_reference, "pi_123");
  // Paid later (bank debits): completed but unpaid is not a payment yet.
  EXPECT_EQ(read_stripe_event(session_completed("evt_2", "unpaid")).verdict, V::ignored);
  EXPECT_EQ(read_stripe_event(R"({"id":"evt_3","type":"customer.created","data":{}})").verdict,
            V::ignored);
  EXPECT_EQ(read_stripe_event("not json").verdict, V::bad_payload);
  EXPECT_EQ(read_stripe_event(session_completed("evt_4", "paid", "")).verdict, V::bad_payload);
}

// json::value("k", "") throws when "k" holds another type; an answer or a
// signed event of the wrong shape ended the process (fuzz/webhook_stripe,
// CI run of 2026-12-04: {"error":{"message":666...}}).
TEST(StripeWire, FieldsOfAnotherTypeAreReadAsAbsentNotThrown) {
  const std::string odd_error = R"({"error":{"message":66666666006148914691236517204}})";
  auto link = read_session_link(402, odd_error);
  EXPECT_FALSE(link.ok);
  EXPECT_EQ(link.error, "stripe answered 402");
  EXPECT_FALSE(read_session_check(500, odd_error).ok);
  auto check = read_session_check(
      200,
      R"({"payment_status":1,"status":[],"currency":{},"amount_total":"7","payment_intent":2})");
  ASSERT_TRUE(check.ok);
  EXPECT_EQ(check.state, PaymentState::unpaid);
  EXPECT_EQ(check.currency, "");
  EXPECT_EQ(check.payment_reference, "");

  const auto event = [](const json& object) {
    return json{{"id", "evt_9"}, {"type", "checkout.session.completed"}, {"data", object}}.dump();
  };
  EXPECT_EQ(read_stripe_event(event(json::array())).verdict, V::ignored);
  EXPECT_EQ(read_stripe_event(event({{"object", 5}})).verdict, V::ignored);
  EXPECT_EQ(read_stripe_event(event({{"object", {{"payment_status", true}}}})).verdict, V::ignored);
  EXPECT_EQ(read_stripe_event(event({{"object",
                                      {{"payment_status", "paid"},
                                       {"metadata", {{"order_id", 12}}},
                                       {"amount_total", 100}}}}))
                .verdict,
            V::bad_payload);
  auto odd = read_stripe_event(event({{"object",
                                       {{"payment_status", "paid"},
                                        {"client_reference_id", "ORD-1"},
                                        {"amount_total", 100},
                                        {"currency", 7},
                                        {"id", 8}}}}));
  EXPECT_EQ(odd.verdict, V::payment);
  EXPECT_EQ(odd.currency, "");
  EXPECT_EQ(odd.payment_reference, "");
}

TEST(StripeWire, WebhooksAreCheckedBeforeTheyAreRead) {
  StripeOptions o;
  o.webhook_secret = "whsec_abc";
  StripeProvider stripe(o);
  const std::string body = session_completed("evt_1", "paid");
  const int64_t now = 1800000000;
  auto signed_at = [&](int64_t t, const std::string& secret) {
    return std::map<std::string, std::string>{
        {"stripe-signature", stripe_signature_header(secret, body, t)}};
  };
  EXPECT_EQ(stripe.read_webhook(signed_at(now - 5, "whsec_abc"), body, now).verdict, V::payment);
  EXPECT_EQ(stripe.read_webhook(signed_at(now, "whsec_other"), body, now).verdict,
            V::bad_signature);
  EXPECT_EQ(stripe.read_webhook({}, body, now).verdict, V::bad_signature);
  // A genuine request captured and replayed ten minutes later.
  EXPECT_EQ(stripe.read_webhook(signed_at(now - 600, "whsec_abc"), body, now).verdict, V::stale);
  // Without a secret nothing can be trusted.
  StripeProvider unconfigured(StripeOptions{});
  EXPECT_EQ(unconfigured.read_webhook(signed_at(now, "x"), body, now).verdict, V::not_configured);
}

TEST(ManualProvider, InstructionsNameAmountAccountAndReference) {
  ManualProvider bank({"Demo Shop", "DE89 3704", "COBADEFFXXX", "Commerzbank"});
  auto link = bank.create_link(request());
  ASSERT_TRUE(link.ok);
  EXPECT_EQ(link.provider, "manual");
  EXPECT_EQ(link.url, "");
  EXPECT_EQ(link.instructions,
            "64.70 EUR to Demo Shop, IBAN DE89 3704, BIC COBADEFFXXX (Commerzbank), reference "
            "ORD-AB-1");
  EXPECT_EQ(bank.check("ORD-AB-1").state, PaymentState::unknown);
  EXPECT_EQ(bank.read_webhook({}, "{}", 0).verdict, V::not_configured);
}

}  // namespace
}  // namespace parley::payments
