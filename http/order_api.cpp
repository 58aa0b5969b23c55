#include "http/order_api.hpp"

#include <cstdio>
#include <future>
#include <nlohmann/json.hpp>

#include "events/order_codec.hpp"
#include "http/order_access.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace order = payments::order;
using Verdict = payments::PaymentNotice::Verdict;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

HttpResponse outcome_error(const payments::OrderOutcome& r, const std::string& id) {
  if (r.refused_with(order::Error::not_found))
    return json_error(404, "not_found", "no order '" + id + "'");
  if (r.storage_failed()) return json_error(503, "storage_unavailable", r.message);
  if (r.refused_with(order::Error::invalid_transition))
    return json_error(409, "invalid_transition",
                      "order " + id + " is " + r.state.status + "; that change is not allowed");
  if (r.refused_with(order::Error::amount_mismatch))
    return json_error(422, "amount_mismatch", "the payment does not match the order's total");
  const std::string code = r.error_code();
  return json_error(409, code, r.message.empty() ? code : r.message);
}

HttpResponse order_json(const OrderApiContext& ctx, const order::State& s, bool changed) {
  json j = events::order_codec::to_json(s, ctx.invoice_mail);
  j["changed"] = changed;
  return json_ok(dump(j));
}

HttpResponse stripe_webhook(OrderApiContext& ctx, const HttpRequest& req) {
  const auto notice = ctx.provider.read_webhook(req.headers, req.body, ctx.now_us() / 1000000);
  switch (notice.verdict) {
    case Verdict::not_configured:
      return json_error(503, "not_configured", notice.detail);
    case Verdict::bad_signature:
      return json_error(400, "invalid_signature", notice.detail);
    case Verdict::stale:
      return json_error(400, "timestamp_outside_tolerance", notice.detail);
    case Verdict::bad_payload:
      return json_error(400, "invalid_event", notice.detail);
    case Verdict::ignored:
      return json_ok(dump({{"received", true}, {"result", "ignored"}, {"detail", notice.detail}}));
    case Verdict::payment:
      break;
  }
  order::PaymentConfirmed paid{ctx.provider.name(), notice.payment_reference,
                               notice.amount_cents, notice.currency,
                               "webhook",           "stripe",
                               ctx.now_us()};
  auto r = ctx.desk.run(notice.order_id, order::ConfirmPayment{paid}, "stripe:" + notice.event_id,
                        "stripe_event:" + notice.event_id);
  json answer = {{"received", true}, {"event_id", notice.event_id}, {"order_id", notice.order_id}};
  if (r.duplicate) {
    answer["result"] = "duplicate";
    return json_ok(dump(answer));
  }
  if (!r.ok) {
    // Storage trouble: 503 so Stripe sends it again. A refusal is final:
    // answered 200 (Stripe would only retry it) and logged for a person.
    if (r.storage_failed()) return outcome_error(r, notice.order_id);
    std::fprintf(stderr, "parley: stripe event %s for order %s refused: %s\n",
                 notice.event_id.c_str(), notice.order_id.c_str(), r.error_code().c_str());
    answer["result"] = "refused";
    answer["reason"] = r.error_code();
    return json_ok(dump(answer));
  }
  if (ctx.wake_worker) ctx.wake_worker();
  answer["result"] = r.events.empty() ? "already_paid" : "paid";
  return json_ok(dump(answer));
}

HttpResponse patch_order(OrderApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::admin}, &who)) return *denied;
  const auto& id = req.path_params.at("order_id");
  auto loaded = ctx.desk.load(id);
  if (!loaded.status.ok()) return json_error(503, "storage_unavailable", loaded.status.to_string());
  if (!loaded.state.exists) return json_error(404, "not_found", "no order '" + id + "'");
  order::Command command;
  std::string code, message;
  if (!patch_command(req.body, loaded.state, who.username, ctx.now_us(), &command, &code, &message))
    return json_error(400, code, message);
  auto r = ctx.desk.run(id, command, "admin:" + who.username);
  if (!r.ok) return outcome_error(r, id);
  if (ctx.wake_worker) ctx.wake_worker();
  return order_json(ctx, r.state, !r.events.empty());
}

HttpResponse check_payment(OrderApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  const auto& id = req.path_params.at("order_id");
  auto loaded = ctx.desk.load(id);
  if (!loaded.status.ok()) return json_error(503, "storage_unavailable", loaded.status.to_string());
  if (!loaded.state.exists) return json_error(404, "not_found", "no order '" + id + "'");
  const auto& s = loaded.state;
  if (!s.payment || s.payment->provider != ctx.provider.name())
    return json_error(409, "no_payment_to_check",
                      "order " + id + " has no " + ctx.provider.name() + " payment to check");
  const auto checked = ctx.provider.check(s.payment->reference);
  if (!checked.ok) return json_error(502, "provider_failed", checked.error);
  json answer = {{"order_id", id}, {"provider_state", payments::to_string(checked.state)}};
  if (checked.state == payments::PaymentState::paid) {
    order::PaymentConfirmed paid{ctx.provider.name(),  checked.payment_reference,
                                 checked.amount_cents, checked.currency,
                                 "status_check",       "",
                                 ctx.now_us()};
    auto r = ctx.desk.run(id, order::ConfirmPayment{paid}, "check:" + id);
    if (!r.ok) return outcome_error(r, id);
    if (ctx.wake_worker) ctx.wake_worker();
    answer["order"] = events::order_codec::to_json(r.state, ctx.invoice_mail);
  } else {
    answer["order"] = events::order_codec::to_json(s, ctx.invoice_mail);
  }
  return json_ok(dump(answer));
}

HttpResponse invoice_pdf(OrderApiContext& ctx, const HttpRequest& req) {
  const auto& id = req.path_params.at("order_id");
  if (auto denied = deny_order_view(&ctx.auth, ctx.links, req, id, ctx.now_us() / 1000000))
    return *denied;
  auto loaded = ctx.desk.load(id);
  if (!loaded.status.ok()) return json_error(503, "storage_unavailable", loaded.status.to_string());
  if (!loaded.state.exists) return json_error(404, "not_found", "no order '" + id + "'");
  if (!loaded.state.invoice)
    return json_error(404, "no_invoice",
                      "order " + id + " has no invoice yet (it is " + loaded.state.status +
                          "); the invoice is issued when the order is paid");
  auto future = ctx.renderer.pdf(loaded.state);
  if (future.wait_for(ctx.render_timeout) != std::future_status::ready)
    return json_error(503, "render_timeout", "the invoice is still being made; try again");
  auto rendered = future.get();
  if (!rendered.ok) return json_error(500, "render_failed", rendered.error);
  HttpResponse r;
  r.body = std::move(rendered.bytes);
  r.content_type = "application/pdf";
  r.headers.push_back(
      {"Content-Disposition", "inline; filename=\"" + loaded.state.invoice->invoice_id + ".pdf\""});
  return r;
}

HttpResponse payment_done(OrderApiContext& ctx, const HttpRequest& req) {
  const std::string id = req.query_value("order");
  if (id.empty()) return json_error(400, "missing_parameter", "?order= is required");
  // Without the order's signed link: thanks, and nothing about the order.
  if (!req.query.count("sig"))
    return json_ok(
        dump({{"message", "Thank you. The chat will tell you when the payment is confirmed."}}));
  if (auto denied = deny_order_view(nullptr, ctx.links, req, id, ctx.now_us() / 1000000))
    return *denied;
  auto loaded = ctx.desk.load(id);
  if (!loaded.state.exists) return json_error(404, "not_found", "no order '" + id + "'");
  const bool paid = loaded.state.paid.has_value();
  return json_ok(dump({{"order_id", id},
                       {"status", loaded.state.status},
                       {"message", paid ? "Thank you: the payment is confirmed."
                                        : "Thank you: the payment is being confirmed; the chat "
                                          "will tell you when it arrives."}}));
}

}  // namespace

bool patch_command(const std::string& body, const order::State& state, const std::string& by,
                   int64_t now_us, order::Command* out, std::string* code, std::string* message) {
  json j = json::parse(body, nullptr, false);
  if (!j.is_object()) {
    *code = "invalid_json";
    *message = "the body must be a JSON object";
    return false;
  }
  if (!j.value("status", json()).is_string()) {
    *code = "missing_field";
    *message = "'status' is required: paid, shipped (or fulfilled), delivered, cancelled, refunded";
    return false;
  }
  for (const char* f : {"tracking", "reason"})
    if (j.contains(f) && !j[f].is_string()) {
      *code = "invalid_field";
      *message = std::string("'") + f + "' must be a string";
      return false;
    }
  const std::string status = j["status"];
  const std::string tracking = j.value("tracking", ""), reason = j.value("reason", "");
  if (status == "paid") {
    const std::string provider = state.payment ? state.payment->provider : "manual";
    *out = order::ConfirmPayment{
        order::PaymentConfirmed{provider, "admin:" + by, state.order.total_cents,
                                state.order.currency, "admin", by, now_us}};
  } else if (status == "shipped" || status == "fulfilled") {
    *out = order::Ship{tracking, by, now_us};
  } else if (status == "delivered") {
    *out = order::Deliver{by, now_us};
  } else if (status == "cancelled") {
    *out = order::Cancel{reason, by, now_us};
  } else if (status == "refunded") {
    *out = order::Refund{reason, by, now_us};
  } else {
    *code = "invalid_field";
    *message = "unknown status '" + status +
               "': paid, shipped (or fulfilled), delivered, cancelled, refunded";
    return false;
  }
  return true;
}

void register_order_api(Router& router, OrderApiContext& ctx) {
  auto bind = [&ctx](HttpResponse (*f)(OrderApiContext&, const HttpRequest&)) {
    return [&ctx, f](const HttpRequest& req) { return f(ctx, req); };
  };
  router.add("POST", "/webhooks/stripe", bind(stripe_webhook));
  router.add("PATCH", "/api/v1/orders/{order_id}", bind(patch_order));
  router.add("POST", "/api/v1/orders/{order_id}/payment/check", bind(check_payment));
  router.add("GET", "/api/v1/orders/{order_id}/invoice.pdf", bind(invoice_pdf));
  router.add("GET", "/payments/done", bind(payment_done));
}

}  // namespace parley::http
