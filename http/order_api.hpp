// Orders after they are placed, over HTTP:
//   POST  /webhooks/stripe                     Stripe events (Stripe-Signature checked;
//                                              a replayed event id is answered, not redone)
//   PATCH /api/v1/orders/{order_id}            (admin) {"status":"paid"|"shipped"|"fulfilled"|
//                                              "delivered"|"cancelled"|"refunded",
//                                              "tracking"?, "reason"?}
//   POST  /api/v1/orders/{order_id}/payment/check  (admin) asks the provider for the status
//   GET   /api/v1/orders/{order_id}/invoice.pdf    the invoice, once the order is paid (sales,
//                                              admin, or the order's signed link)
//   GET   /payments/done?order=…&exp=…&sig=…   where Stripe Checkout sends the shopper back
//                                              (the status only with the signed link)
// (GET /api/v1/orders/{order_id} is in api.cpp.) The handlers parse, call the
// order desk, and answer; the PDF is made on the invoice renderer's thread.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "http/auth.hpp"
#include "http/router.hpp"
#include "payments/invoice_renderer.hpp"
#include "payments/order_desk.hpp"
#include "payments/order_links.hpp"
#include "payments/payment_provider.hpp"

namespace parley::http {

struct OrderApiContext {
  payments::OrderDesk& desk;
  const payments::PaymentProvider& provider;
  payments::InvoiceRenderer& renderer;
  const Authorizer& auth;
  std::function<int64_t()> now_us;
  std::function<void()> wake_worker;  // the order worker acts on a change at once
  std::chrono::milliseconds render_timeout{15000};
  bool invoice_mail = true;  // false: no SMTP or SendGrid (invoices show mail "off")
  const payments::OrderLinks* links = nullptr;  // shoppers' signed links to their order
};

// The command a PATCH body asks for; false with `code`/`message` (400) if it
// asks for nothing Parley knows. Pure.
bool patch_command(const std::string& body, const payments::order::State& state,
                   const std::string& by, int64_t now_us, payments::order::Command* out,
                   std::string* code, std::string* message);

void register_order_api(Router& router, OrderApiContext& ctx);

}  // namespace parley::http
