#include "payments/stripe_provider.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "channels/form.hpp"
#include "channels/json_util.hpp"
#include "net/http_call.hpp"
#include "payments/stripe_signature.hpp"

namespace parley::payments {
using nlohmann::json;
namespace jsonu = channels::jsonu;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}
// {ORDER_ID} and {ORDER_LINK} (the signed link's "exp=…&sig=…") filled in.
std::string with_order(std::string url, const PaymentRequest& request) {
  auto fill = [&url](const std::string& mark, const std::string& value) {
    for (auto at = url.find(mark); at != std::string::npos; at = url.find(mark, at + value.size()))
      url.replace(at, mark.size(), value);
  };
  fill("{ORDER_ID}", channels::url_encode(request.order_id));
  fill("{ORDER_LINK}", request.link_query);
  return url;
}

std::string stripe_error(long status, const json& body) {
  std::string message;
  message = jsonu::string_member(jsonu::member(body, "error"), "message");
  return "stripe answered " + std::to_string(status) + (message.empty() ? "" : ": " + message);
}

// 429, 5xx and no answer at all may pass; other refusals will not.
bool retryable(long status) {
  return status == 0 || status == 429 || status >= 500;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> checkout_session_form(
    const PaymentRequest& request, const StripeOptions& options) {
  std::vector<std::pair<std::string, std::string>> f = {
      {"mode", "payment"},
      {"client_reference_id", request.order_id},
      {"metadata[order_id]", request.order_id},
      {"payment_intent_data[metadata][order_id]", request.order_id},
      {"success_url", with_order(options.success_url, request)},
      {"cancel_url", with_order(options.cancel_url, request)},
  };
  if (!request.customer_email.empty()) f.push_back({"customer_email", request.customer_email});
  for (size_t i = 0; i < request.items.size(); ++i) {
    const auto& item = request.items[i];
    const std::string p = "line_items[" + std::to_string(i) + "]";
    f.push_back({p + "[price_data][currency]", lower(request.currency)});
    f.push_back({p + "[price_data][product_data][name]", item.name});
    f.push_back({p + "[price_data][unit_amount]", std::to_string(item.unit_cents)});
    f.push_back({p + "[quantity]", std::to_string(item.quantity)});
  }
  return f;
}

PaymentLink read_session_link(long status, const std::string& body) {
  PaymentLink link;
  link.provider = "stripe";
  json j = json::parse(body, nullptr, false);
  if (status < 200 || status >= 300) {
    link.retryable = retryable(status);
    link.error = stripe_error(status, j);
    return link;
  }
  if (!j.is_object() || !j.value("id", json()).is_string() || !j.value("url", json()).is_string()) {
    link.retryable = true;
    link.error = "stripe's answer has no session id and url";
    return link;
  }
  link.ok = true;
  link.reference = j["id"];
  link.url = j["url"];
  return link;
}

PaymentCheck read_session_check(long status, const std::string& body) {
  PaymentCheck c;
  json j = json::parse(body, nullptr, false);
  if (status < 200 || status >= 300 || !j.is_object()) {
    c.error = stripe_error(status, j);
    return c;
  }
  c.ok = true;
  const std::string payment_status = jsonu::string_member(j, "payment_status");
  const std::string session_status = jsonu::string_member(j, "status");
  c.state = payment_status == "paid"      ? PaymentState::paid
            : session_status == "expired" ? PaymentState::expired
                                          : PaymentState::unpaid;
  if (j.value("amount_total", json()).is_number_integer()) c.amount_cents = j["amount_total"];
  c.currency = upper(jsonu::string_member(j, "currency"));
  c.payment_reference = jsonu::string_member(j, "payment_intent");
  return c;
}

PaymentNotice read_stripe_event(const std::string& body) {
  using V = PaymentNotice::Verdict;
  PaymentNotice n;
  json j = json::parse(body, nullptr, false);
  if (!j.is_object() || !j.value("id", json()).is_string() ||
      !j.value("type", json()).is_string()) {
    n.verdict = V::bad_payload;
    n.detail = "not a Stripe event (no id and type)";
    return n;
  }
  n.event_id = j["id"];
  n.event_type = j["type"];
  const json& object = jsonu::member(jsonu::member(j, "data"), "object");
  if (n.event_type != "checkout.session.completed" &&
      n.event_type != "checkout.session.async_payment_succeeded") {
    n.verdict = V::ignored;
    n.detail = "event type not acted on";
    return n;
  }
  if (!object.is_object() || jsonu::string_member(object, "payment_status") != "paid") {
    n.verdict = V::ignored;
    n.detail = "session not paid yet";
    return n;
  }
  std::string order_id = jsonu::string_member(object, "client_reference_id");
  if (order_id.empty())
    order_id = jsonu::string_member(jsonu::member(object, "metadata"), "order_id");
  if (order_id.empty() || !object.value("amount_total", json()).is_number_integer()) {
    n.verdict = V::bad_payload;
    n.detail = "a paid session without an order id or amount";
    return n;
  }
  n.verdict = V::payment;
  n.order_id = order_id;
  n.amount_cents = object["amount_total"];
  n.currency = upper(jsonu::string_member(object, "currency"));
  n.payment_reference = jsonu::string_member(object, "payment_intent");
  if (n.payment_reference.empty()) n.payment_reference = jsonu::string_member(object, "id");
  return n;
}

PaymentLink StripeProvider::create_link(const PaymentRequest& request) const {
  net::HttpCall call;
  call.method = "POST";
  call.url = options_.api_base + "/v1/checkout/sessions";
  call.headers = {{"Authorization", "Bearer " + options_.api_key},
                  {"Content-Type", "application/x-www-form-urlencoded"},
                  {"Idempotency-Key", "parley-" + request.order_id},
                  {"Stripe-Version", "2024-06-20"}};
  call.body = channels::encode_form(checkout_session_form(request, options_));
  const auto r = net::send(call, net::kConnectTimeout, options_.timeout);
  if (r.status == 0) {
    PaymentLink link;
    link.provider = name();
    link.retryable = true;
    link.error = "stripe unreachable: " + r.transport_error;
    return link;
  }
  return read_session_link(r.status, r.body);
}

PaymentCheck StripeProvider::check(const std::string& reference) const {
  net::HttpCall call;
  call.method = "GET";
  call.url = options_.api_base + "/v1/checkout/sessions/" + channels::url_encode(reference);
  call.headers = {{"Authorization", "Bearer " + options_.api_key}};
  const auto r = net::send(call, net::kConnectTimeout, options_.timeout);
  if (r.status == 0) {
    PaymentCheck c;
    c.error = "stripe unreachable: " + r.transport_error;
    return c;
  }
  return read_session_check(r.status, r.body);
}

PaymentNotice StripeProvider::read_webhook(const std::map<std::string, std::string>& headers,
                                           const std::string& body, int64_t now_s) const {
  using V = PaymentNotice::Verdict;
  PaymentNotice n;
  if (options_.webhook_secret.empty()) {
    n.verdict = V::not_configured;
    n.detail = "STRIPE_WEBHOOK_SECRET is not set";
    return n;
  }
  auto it = headers.find("stripe-signature");
  const std::string header = it == headers.end() ? "" : it->second;
  const auto checked = check_stripe_signature(options_.webhook_secret, header, body, now_s,
                                              options_.tolerance_seconds);
  if (checked == SignatureCheck::outside_window) {
    n.verdict = V::stale;
    n.detail = "the signature's timestamp is outside the tolerance window";
    return n;
  }
  if (checked != SignatureCheck::ok) {
    n.verdict = V::bad_signature;
    n.detail = std::string("Stripe-Signature ") + to_string(checked);
    return n;
  }
  return read_stripe_event(body);
}

}  // namespace parley::payments
