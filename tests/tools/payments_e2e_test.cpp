// Payments end to end with the real binary: a fake Stripe (Checkout
// Sessions, signed webhooks: genuine, badly signed, replayed from long ago,
// duplicated), a fake SMTP server that keeps the invoice, pdftotext on what
// it received, and the bank-transfer default with an admin's PATCH.
#include <gtest/gtest.h>

#include <httplib.h>
#include <fstream>
#include "domain/catalog_csv.hpp"

#include <ctime>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "tests/support/channel_e2e.hpp"
#include "tests/support/fake_platform.hpp"
#include "tests/support/fake_smtp.hpp"
#include "tests/support/parley_server.hpp"
#include "tests/support/pdf_text.hpp"
#include "tests/support/temp_dir.hpp"

// The one header the test shares with the code it checks: Stripe's signing
// scheme, itself tested against an independently computed vector.
#include "payments/stripe_signature.hpp"

namespace parley {
namespace {

using nlohmann::json;
using testing::Answer;
using testing::FakePlatform;
using testing::Recorded;
using testing::Server;

constexpr const char* kAdmin = "admin-secret";
constexpr const char* kSecret = "whsec_e2e";

// The value of `name` in a form-encoded body, decoded.
std::string form_value(const std::string& body, const std::string& name) {
  const auto at = body.find(name + "=");
  if (at == std::string::npos) return "";
  const auto end = body.find('&', at);
  const auto raw =
      body.substr(at + name.size() + 1,
                  end == std::string::npos ? std::string::npos : end - at - name.size() - 1);
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size()) {
      out += static_cast<char>(std::stoi(raw.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += raw[i] == '+' ? ' ' : raw[i];
    }
  }
  return out;
}

class Shop {
 public:
  explicit Shop(int port, std::string token = kAdmin)
      : client_("127.0.0.1", port), token_(std::move(token)) {}
  std::vector<std::string> say(const std::string& user, const std::string& text) {
    auto r = client_.Post("/api/v1/chat", json{{"user_id", user}, {"text", text}}.dump(),
                          "application/json");
    std::vector<std::string> out;
    EXPECT_TRUE(r && r->status == 200)
        << (r ? r->body : "no answer: " + httplib::to_string(r.error()));
    if (!r || r->status != 200) return out;
    const json body = json::parse(r->body);
    for (const auto& reply : body["replies"]) out.push_back(reply["text"]);
    return out;
  }
  // Places an order of 2 of the first wood fastener; returns its id.
  std::string place_order(const std::string& user, const std::string& details,
                          const std::string& confirm = "yes") {
    std::string transcript;
    for (const std::string& text :
         {std::string("I need something to fasten wood"), std::string("add 2 of the first one"),
          std::string("checkout"), details})
      for (const auto& reply : say(user, text)) transcript += reply + "\n";
    auto placed = say(user, confirm);
    std::smatch m;
    const std::string text = placed.empty() ? "" : placed[0];
    EXPECT_TRUE(std::regex_search(text, m, std::regex("(ORD-[0-9A-Z]{16})"))) << transcript << text;
    return m.empty() ? "" : m[1].str();
  }
  json get(const std::string& path) {
    auto r = client_.Get(path.c_str(), admin());
    EXPECT_TRUE(r);
    return r ? json::parse(r->body, nullptr, false) : json();
  }
  httplib::Result patch(const std::string& id, const json& body) {
    return client_.Patch(("/api/v1/orders/" + id).c_str(), admin(), body.dump(),
                         "application/json");
  }
  httplib::Result webhook(const std::string& body, const std::string& signature) {
    httplib::Headers h;
    if (!signature.empty()) h.emplace("Stripe-Signature", signature);
    return client_.Post("/webhooks/stripe", h, body, "application/json");
  }
  httplib::Result raw_get(const std::string& path) { return client_.Get(path.c_str()); }
  httplib::Result admin_get(const std::string& path) { return client_.Get(path.c_str(), admin()); }
  httplib::Result post(const std::string& path) {
    return client_.Post(path.c_str(), admin(), "", "application/json");
  }
  // Waits until the order's JSON satisfies `pred`.
  json wait_order(const std::string& id, const std::function<bool(const json&)>& pred) {
    json o;
    for (int i = 0; i < 1000; ++i) {
      o = get("/api/v1/orders/" + id);
      if (pred(o)) return o;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return o;
  }
  std::vector<std::string> bot_messages(const std::string& conversation) {
    std::vector<std::string> out;
    const json view = get("/api/v1/conversations/" + conversation);
    for (const auto& m : view["messages"])
      if (m.value("direction", "") == "out") out.push_back(m["text"]);
    return out;
  }
  int64_t stock(const std::string& sku) {
    return get("/api/v1/products/" + sku).value("stock", int64_t{-1});
  }
  // The catalog view follows the log: waits until it shows `expected`.
  int64_t wait_stock(const std::string& sku, int64_t expected) {
    int64_t now = stock(sku);
    for (int i = 0; i < 500 && now != expected; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      now = stock(sku);
    }
    return now;
  }
  std::string first_line_sku(const std::string& id) {
    return get("/api/v1/orders/" + id)["lines"][0]["sku"];
  }

 private:
  httplib::Headers admin() const { return {{"Authorization", "Bearer " + token_}}; }
  httplib::Client client_;
  std::string token_;
};

std::string completed_event(const std::string& event_id, const std::string& order_id,
                            int64_t amount) {
  return json{{"id", event_id},
              {"object", "event"},
              {"type", "checkout.session.completed"},
              {"data",
               {{"object",
                 {{"id", "cs_test_e2e"},
                  {"object", "checkout.session"},
                  {"client_reference_id", order_id},
                  {"metadata", {{"order_id", order_id}}},
                  {"payment_status", "paid"},
                  {"status", "complete"},
                  {"payment_intent", "pi_e2e_1"},
                  {"amount_total", amount},
                  {"currency", "eur"}}}}}}
      .dump();
}

TEST(PaymentsE2E, CartToPaidOrderWithStripeAndTheInvoiceByMail) {
  FakePlatform stripe([](const Recorded& r, size_t) {
    if (r.method == "POST" && r.path == "/v1/checkout/sessions")
      return Answer{200, json{{"id", "cs_test_e2e"},
                              {"object", "checkout.session"},
                              {"url", "https://checkout.stripe.test/c/pay/cs_test_e2e"},
                              {"payment_status", "unpaid"}}
                             .dump()};
    if (r.method == "GET" && r.path == "/v1/checkout/sessions/cs_test_e2e")
      return Answer{200, json{{"id", "cs_test_e2e"},
                              {"status", "open"},
                              {"payment_status", "unpaid"},
                              {"amount_total", 3980},
                              {"currency", "eur"}}
                             .dump()};
    return Answer{404, R"({"error":{"message":"no such route"}})"};
  });
  testing::FakeSmtp smtp;
  testing::TempDir dir;
  Server server(
      dir.path(),
      {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin, "STRIPE_API_KEY=sk_test_e2e",
       std::string("STRIPE_WEBHOOK_SECRET=") + kSecret, "STRIPE_API_BASE=" + stripe.base(),
       "SMTP_URL=" + smtp.url(), "SMTP_FROM=shop@example.com", "PARLEY_SHOP_NAME=Ferrox Hardware",
       "PARLEY_VAT_RATE=19"});
  Shop shop(server.port());
  const std::string id = shop.place_order(
      "anna", "Анна Петрова, +7 900 123 45 67, anna@example.com, ул. Ленина 1, Москва", "да");
  ASSERT_FALSE(id.empty());
  const std::string sku = shop.first_line_sku(id);

  // The worker asks Stripe for a Checkout Session for exactly this order.
  ASSERT_TRUE(stripe.wait_for([](const auto& reqs) { return !reqs.empty(); }));
  const auto session = stripe.requests().front();
  EXPECT_EQ(session.headers.at("authorization"), "Bearer sk_test_e2e");
  EXPECT_EQ(session.headers.at("idempotency-key"), "parley-" + id);
  EXPECT_NE(session.body.find("client_reference_id=" + id), std::string::npos) << session.body;
  EXPECT_NE(session.body.find("mode=payment"), std::string::npos);
  // Stripe sends the shopper back to a page signed for this order alone.
  const std::string back = form_value(session.body, "success_url");
  const auto link = back.find("&exp=");
  ASSERT_NE(link, std::string::npos) << back;
  const std::string page = "/payments/done?order=" + id;
  EXPECT_EQ(back.substr(link - page.size(), page.size()), page) << back;
  const std::string signed_query = back.substr(link + 1);  // "exp=…&sig=…"
  auto awaiting = shop.wait_order(id, [](const json& o) {
    return o["status"] == "awaiting_payment" && o["shopper_told"] == "awaiting_payment";
  });
  ASSERT_EQ(awaiting["status"], "awaiting_payment") << awaiting.dump();
  const int64_t total = awaiting["total_cents"];
  EXPECT_EQ(awaiting["payment"]["url"], "https://checkout.stripe.test/c/pay/cs_test_e2e");
  EXPECT_EQ(awaiting["stock"]["reserved"], true);
  // The shopper gets the link in the chat (the conversation's language: Russian).
  auto told = shop.bot_messages("api:anna");
  ASSERT_FALSE(told.empty());
  EXPECT_NE(told.back().find("https://checkout.stripe.test/c/pay/cs_test_e2e"), std::string::npos)
      << told.back();
  EXPECT_NE(told.back().find("Заказ " + id), std::string::npos) << told.back();
  // "Where is my order" is answered from what the conversation was told.
  auto status = shop.say("anna", "где мой заказ?");
  ASSERT_FALSE(status.empty());
  EXPECT_NE(status[0].find("ожидает оплаты"), std::string::npos) << status[0];

  // An admin asks Stripe directly: not paid yet, nothing changes.
  auto checked = shop.post("/api/v1/orders/" + id + "/payment/check");
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->status, 200) << checked->body;
  EXPECT_EQ(json::parse(checked->body)["provider_state"], "unpaid");
  EXPECT_EQ(json::parse(checked->body)["order"]["status"], "awaiting_payment");
  EXPECT_EQ(stripe.requests().back().method, "GET");

  const std::string body = completed_event("evt_e2e_1", id, total);
  const int64_t now = time(nullptr);
  // A bad signature and a replay of a genuine one from an hour ago are refused.
  auto forged = shop.webhook(body, payments::stripe_signature_header("whsec_wrong", body, now));
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 400);
  EXPECT_EQ(json::parse(forged->body)["error"]["code"], "invalid_signature");
  auto unsigned_ = shop.webhook(body, "");
  ASSERT_TRUE(unsigned_);
  EXPECT_EQ(unsigned_->status, 400);
  auto replayed = shop.webhook(body, payments::stripe_signature_header(kSecret, body, now - 3600));
  ASSERT_TRUE(replayed);
  EXPECT_EQ(replayed->status, 400);
  EXPECT_EQ(json::parse(replayed->body)["error"]["code"], "timestamp_outside_tolerance");
  EXPECT_EQ(shop.get("/api/v1/orders/" + id)["status"], "awaiting_payment");

  // The genuine event pays the order; the same event again changes nothing.
  auto genuine = shop.webhook(body, payments::stripe_signature_header(kSecret, body, now));
  ASSERT_TRUE(genuine);
  EXPECT_EQ(genuine->status, 200) << genuine->body;
  EXPECT_EQ(json::parse(genuine->body)["result"], "paid");
  auto duplicate = shop.webhook(body, payments::stripe_signature_header(kSecret, body, now + 1));
  ASSERT_TRUE(duplicate);
  EXPECT_EQ(duplicate->status, 200);
  EXPECT_EQ(json::parse(duplicate->body)["result"], "duplicate");

  // The invoice arrives by e-mail, with the PDF attached.
  ASSERT_TRUE(smtp.wait_for_messages(1));
  const auto mail = smtp.messages().front();
  EXPECT_EQ(mail.from, "shop@example.com");
  EXPECT_EQ(mail.to, std::vector<std::string>{"anna@example.com"});
  std::string filename;
  const std::string pdf = testing::mime_attachment(mail.data, &filename);
  EXPECT_EQ(filename, "INV-000001.pdf");
  const std::string text = testing::pdf_text(pdf);
  for (const std::string& expected :
       {std::string("INV-000001"), id, std::string("Анна Петрова"), std::string("Ferrox Hardware"),
        std::string("VAT 19.00 %"), std::string("pi_e2e_1")})
    EXPECT_NE(text.find(expected), std::string::npos) << "'" << expected << "' not in\n" << text;

  auto paid = shop.wait_order(id, [](const json& o) {
    return o["invoice"].is_object() && o["invoice"]["mail"] == "sent" &&
           o["shopper_told"] == "paid";
  });
  EXPECT_EQ(paid["status"], "paid");
  EXPECT_EQ(paid["payment"]["paid_via"], "webhook");
  EXPECT_EQ(paid["invoice"]["invoice_id"], "INV-000001");
  EXPECT_EQ(paid["invoice"]["gross_cents"], total);
  EXPECT_EQ(
      paid["invoice"]["net_cents"].get<int64_t>() + paid["invoice"]["vat_cents"].get<int64_t>(),
      total);
  // The same invoice over HTTP: with a role, or the shopper's signed link;
  // the order id alone opens nothing (issue 17, item 4).
  EXPECT_EQ(shop.raw_get("/api/v1/orders/" + id + "/invoice.pdf")->status, 401);
  EXPECT_EQ(shop.raw_get("/api/v1/orders/" + id)->status, 401);
  std::string tampered = signed_query;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  EXPECT_EQ(shop.raw_get("/api/v1/orders/" + id + "?" + tampered)->status, 403);
  auto mine = shop.raw_get("/api/v1/orders/" + id + "?" + signed_query);
  ASSERT_EQ(mine->status, 200) << mine->body;
  EXPECT_EQ(json::parse(mine->body)["status"], "paid");
  auto done = shop.raw_get("/payments/done?order=" + id + "&" + signed_query);
  EXPECT_EQ(json::parse(done->body)["status"], "paid") << done->body;
  done = shop.raw_get("/payments/done?order=" + id);
  EXPECT_FALSE(json::parse(done->body).contains("status")) << "nothing without the link";
  auto served = shop.raw_get("/api/v1/orders/" + id + "/invoice.pdf?" + signed_query);
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
  EXPECT_EQ(served->get_header_value("Content-Type"), "application/pdf");
  EXPECT_NE(testing::pdf_text(served->body).find("INV-000001"), std::string::npos);
  // The shopper heard of the payment, once.
  auto messages = shop.bot_messages("api:anna");
  EXPECT_EQ(std::count_if(messages.begin(), messages.end(),
                          [](const std::string& m) { return m.find("Оплата заказа") == 0; }),
            1);
  EXPECT_EQ(smtp.messages().size(), 1u);
  EXPECT_EQ(stripe.requests().size(), 2u);  // one session, one status check
  (void)sku;
}

// The stock data/demo_catalog.csv gives a product (-1 if none).
int64_t demo_catalog_stock(const std::string& sku) {
  std::ifstream in(PARLEY_DEMO_CATALOG);
  const std::string csv((std::istreambuf_iterator<char>(in)), {});
  for (const auto& p : domain::parse_catalog_csv(csv).products)
    if (p.sku == sku) return p.stock;
  return -1;
}

TEST(PaymentsE2E, BankTransferByDefaultAdminMarksPaidCancelsGiveStockBackMailRetries) {
  testing::FakeSmtp smtp;
  smtp.reject_next(1);  // the first delivery attempt gets a 451
  testing::TempDir dir;
  Server server(dir.path(),
                {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin, "SMTP_URL=" + smtp.url(),
                 "SMTP_FROM=shop@example.com", "PARLEY_BANK_IBAN=DE02 1001 0010 0006 8201 01"});
  Shop shop(server.port());
  const std::string id = shop.place_order(
      "raj", "Rahul Sharma, +91 98765 43210, rahul@example.com, 14 Park Street, Kolkata");
  ASSERT_FALSE(id.empty());
  const std::string sku = shop.first_line_sku(id);
  auto awaiting =
      shop.wait_order(id, [](const json& o) { return o["status"] == "awaiting_payment"; });
  ASSERT_EQ(awaiting["payment"]["provider"], "manual") << awaiting.dump();
  // The order holds 2 of what the demo catalog has.
  const int64_t in_catalog = demo_catalog_stock(sku);
  ASSERT_GT(in_catalog, 2) << sku;
  const int64_t held = shop.wait_stock(sku, in_catalog - 2);
  EXPECT_EQ(held, in_catalog - 2);
  EXPECT_NE(
      awaiting["payment"]["instructions"].get<std::string>().find("DE02 1001 0010 0006 8201 01"),
      std::string::npos);

  // The webhook route exists but bank transfers have none to check.
  EXPECT_EQ(shop.webhook("{}", "t=1,v1=00")->status, 503);
  // Admin rules: a token, a known status, a legal change.
  EXPECT_EQ(shop.admin_get("/api/v1/orders/" + id + "/invoice.pdf")->status, 404);
  EXPECT_EQ(shop.patch(id, {{"status", "teleported"}})->status, 400);
  EXPECT_EQ(shop.patch(id, {{"status", "shipped"}})->status, 409);
  EXPECT_EQ(shop.patch("ORD-NOPE-1", {{"status", "paid"}})->status, 404);
  auto paid = shop.patch(id, {{"status", "paid"}});
  ASSERT_TRUE(paid);
  EXPECT_EQ(paid->status, 200) << paid->body;
  EXPECT_EQ(json::parse(paid->body)["status"], "paid");
  EXPECT_EQ(shop.patch(id, {{"status", "cancelled"}})->status, 409);  // paid: refund instead

  // The first e-mail attempt fails (451) and is recorded; the retry lands.
  ASSERT_TRUE(smtp.wait_for_messages(1, std::chrono::seconds(20)));
  EXPECT_EQ(smtp.rejected(), 1);
  auto mailed = shop.wait_order(
      id, [](const json& o) { return o["invoice"].is_object() && o["invoice"]["mail"] == "sent"; });
  EXPECT_EQ(mailed["invoice"]["mail_attempts"], 1);  // one failure before it went
  EXPECT_NE(
      testing::pdf_text(testing::mime_attachment(smtp.messages()[0].data)).find("Rahul Sharma"),
      std::string::npos);

  auto shipped = shop.patch(id, {{"status", "fulfilled"}, {"tracking", "DHL 00340434"}});
  ASSERT_TRUE(shipped);
  EXPECT_EQ(json::parse(shipped->body)["status"], "shipped");
  EXPECT_EQ(shop.patch(id, {{"status", "delivered"}})->status, 200);
  shop.wait_order(id, [](const json& o) { return o["shopper_told"] == "delivered"; });
  auto told = shop.say("raj", "where is my order");
  ASSERT_FALSE(told.empty());
  EXPECT_NE(told[0].find("delivered"), std::string::npos) << told[0];
  EXPECT_EQ(shop.stock(sku), held);  // delivered goods stay sold, nothing comes back

  // A second order, cancelled before payment, gives its stock back.
  const std::string second = shop.place_order(
      "raj", "Rahul Sharma, +91 98765 43210, rahul@example.com, 14 Park Street, Kolkata");
  ASSERT_FALSE(second.empty());
  shop.wait_order(second, [](const json& o) { return o["stock"]["reserved"] == true; });
  EXPECT_EQ(shop.wait_stock(sku, held - 2), held - 2);
  EXPECT_EQ(shop.patch(second, {{"status", "cancelled"}, {"reason", "changed mind"}})->status, 200);
  auto released =
      shop.wait_order(second, [](const json& o) { return o["stock"]["released"] == true; });
  EXPECT_EQ(released["status"], "cancelled");
  EXPECT_EQ(shop.wait_stock(sku, held), held);
}

// Issue 18, point 6: "cancel my order" answered "OK." and changed nothing.
// An unpaid order is cancelled by the shopper from the chat (the worker
// cancels it, the stock comes back, the shopper hears of it); a paid one is
// a request to the team, and stays paid. In English and Spanish.
TEST(PaymentsE2E, AShopperCancelsAnUnpaidOrderInTheChatAndAPaidOneGoesToTheTeam) {
  testing::TempDir dir;
  Server server(dir.path(), {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin});
  Shop shop(server.port());
  const std::string id =
      shop.place_order("kim", "Kim Lee, +44 7700 900123, kim@example.com, 5 Mill Lane, Leeds");
  ASSERT_FALSE(id.empty());
  const std::string sku = shop.first_line_sku(id);
  const int64_t in_catalog = demo_catalog_stock(sku);
  shop.wait_order(id, [](const json& o) { return o["stock"]["reserved"] == true; });
  auto r = shop.say("kim", "actually please cancel my order");
  ASSERT_FALSE(r.empty());
  EXPECT_NE(r[0].find(id), std::string::npos) << r[0];
  auto cancelled = shop.wait_order(id, [](const json& o) { return o["status"] == "cancelled"; });
  EXPECT_EQ(cancelled["status"], "cancelled");
  EXPECT_EQ(shop.wait_stock(sku, in_catalog), in_catalog) << "the stock comes back";
  shop.wait_order(id, [](const json& o) { return o["shopper_told"] == "cancelled"; });

  const std::string paid_id = shop.place_order(
      "lu", "Lucía Gómez, +34 611 222 333, lucia@example.es, Calle Sol 3, Sevilla");
  ASSERT_FALSE(paid_id.empty());
  shop.wait_order(paid_id, [](const json& o) { return o["status"] == "awaiting_payment"; });
  ASSERT_EQ(shop.patch(paid_id, {{"status", "paid"}})->status, 200);
  shop.wait_order(paid_id, [](const json& o) { return o["shopper_told"] == "paid"; });
  r = shop.say("lu", "quiero cancelar mi pedido");
  ASSERT_FALSE(r.empty());
  EXPECT_NE(r[0].find("equipo"), std::string::npos) << r[0];
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(shop.get("/api/v1/orders/" + paid_id)["status"], "paid") << "the team decides";
}

TEST(PaymentsE2E, AShopperOnTelegramHearsOfTheOrderThroughTheOutboxInSpanish) {
  FakePlatform telegram(testing::e2e::platform_ok);
  testing::TempDir dir;
  Server server(dir.path(), testing::e2e::base_env(telegram));
  httplib::Client c("127.0.0.1", server.port());
  int update = 9000;
  for (const char* text : {"busco tacones rojos talla 38", "agrega el segundo", "quiero pagar",
                           "Carlos Pérez, +34 612 345 678, carlos@example.com, Calle Mayor 10, "
                           "Madrid",
                           "sí"}) {
    auto r = testing::e2e::post_telegram(c, testing::e2e::telegram_update(++update, 4242, text));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    ASSERT_TRUE(testing::e2e::drained(c));  // one turn at a time, as a person types
  }
  Shop shop(server.port(), testing::e2e::kAdmin);
  const json view = shop.get("/api/v1/conversations/telegram:4242");
  ASSERT_EQ(view["orders"].size(), 1u) << view.dump();
  const std::string id = view["orders"][0];
  // The bank-transfer instructions reach the chat through the outbox, in Spanish.
  ASSERT_TRUE(telegram.wait_for([&](const auto&) {
    return testing::e2e::count(telegram, "/botBOT/sendMessage", "transferencia bancaria") == 1;
  })) << "no payment instructions sent to Telegram";
  EXPECT_EQ(testing::e2e::count(telegram, "/botBOT/sendMessage", id), 2u);  // placed, how to pay
  ASSERT_EQ(shop.patch(id, {{"status", "paid"}})->status, 200);
  ASSERT_TRUE(telegram.wait_for([&](const auto&) {
    return testing::e2e::count(telegram, "/botBOT/sendMessage", "Pago recibido") == 1;
  })) << "no payment notice sent to Telegram";
  // Invoiced, but no mail server is configured: nothing is attempted.
  auto invoiced = shop.wait_order(id, [](const json& o) { return o["invoice"].is_object(); });
  EXPECT_EQ(invoiced["invoice"]["mail"], "off");
  EXPECT_EQ(invoiced["invoice"]["mail_attempts"], 0);
  ASSERT_EQ(shop.patch(id, {{"status", "shipped"}, {"tracking", "SEUR 77"}})->status, 200);
  ASSERT_TRUE(telegram.wait_for([&](const auto&) {
    return testing::e2e::count(telegram, "/botBOT/sendMessage", "SEUR 77") == 1;
  }));
  // Each notice once, each to this chat.
  for (const auto& r : telegram.requests())
    if (r.path == "/botBOT/sendMessage") {
      EXPECT_EQ(json::parse(r.body)["chat_id"], 4242);
    }
}

TEST(PaymentsE2E, AnInvoiceNotYetMailedIsMailedAfterARestartAndNotIssuedTwice) {
  testing::FakeSmtp smtp;
  smtp.reject_next(1000);  // the mail server refuses (451) until the restart
  testing::TempDir dir;
  const std::vector<std::string> env = {std::string("PARLEY_ADMIN_TOKEN=") + kAdmin,
                                        "SMTP_URL=" + smtp.url(), "SMTP_FROM=shop@example.com"};
  std::string id;
  {
    Server server(dir.path(), env);
    Shop shop(server.port());
    id = shop.place_order("neha",
                          "Neha Rao, +91 90000 11111, neha@example.com, 5 Hill Road, Mumbai");
    ASSERT_FALSE(id.empty());
    shop.wait_order(id, [](const json& o) { return o["status"] == "awaiting_payment"; });
    ASSERT_EQ(shop.patch(id, {{"status", "paid"}})->status, 200);
    auto failed = shop.wait_order(id, [](const json& o) {
      return o["invoice"].is_object() && o["invoice"]["mail_attempts"] >= 1;
    });
    ASSERT_EQ(failed["invoice"]["mail"], "pending") << failed.dump();
    EXPECT_EQ(server.terminate(), 0);
  }
  EXPECT_TRUE(smtp.messages().empty());
  smtp.reject_next(0);
  Server server(dir.path(), env);
  Shop shop(server.port());
  ASSERT_TRUE(smtp.wait_for_messages(1, std::chrono::seconds(20)));
  auto mailed = shop.wait_order(id, [](const json& o) { return o["invoice"]["mail"] == "sent"; });
  EXPECT_EQ(mailed["invoice"]["invoice_id"], "INV-000001");  // the same invoice, not a new one
  EXPECT_GE(mailed["invoice"]["mail_attempts"].get<int>(), 1);
  EXPECT_NE(testing::pdf_text(testing::mime_attachment(smtp.messages()[0].data)).find("INV-000001"),
            std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // nothing else follows
  EXPECT_EQ(smtp.messages().size(), 1u);
}

}  // namespace
}  // namespace parley
