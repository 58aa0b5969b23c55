// Maytapi (WhatsApp through a linked phone): webhooks of type "message" and
// "ack"; sends go to {base}/{product}/{phone}/sendMessage with x-maytapi-key.
// Maytapi does not sign webhooks: the product id in each must match ours.
// https://maytapi.com/whatsapp-api-documentation
#include "channels/adapters.hpp"
#include "channels/json_util.hpp"
#include "channels/language_hint.hpp"
#include "channels/signatures.hpp"

namespace parley::channels {
namespace {

using jsonu::json;

class Maytapi final : public Adapter {
 public:
  explicit Maytapi(MaytapiConfig c) : c_(std::move(c)) {}
  std::string name() const override { return "maytapi"; }
  bool can_send() const override {
    return !c_.product_id.empty() && !c_.phone_id.empty() && !c_.token.empty();
  }

  Verification verify(const WebhookRequest& r) const override {
    if (c_.product_id.empty())
      return {Verdict::not_configured, "MAYTAPI_PRODUCT_ID is not set: webhooks cannot be checked"};
    json j = json::parse(r.body, nullptr, false);
    auto product = jsonu::text(j, "product_id");
    if (product.empty()) return {Verdict::unauthorized, "the webhook names no product_id"};
    if (!constant_time_equal(product, c_.product_id))
      return {Verdict::forbidden, "the webhook's product_id is not ours"};
    return {};
  }

  ParseResult parse(const WebhookRequest& r) const override {
    ParseResult out;
    json j = json::parse(r.body, nullptr, false);
    const std::string type = jsonu::text(j, "type");
    if (!j.is_object() || type.empty()) {
      out.ok = false;
      out.error = "not a Maytapi webhook: type is required";
      return out;
    }
    if (type == "ack") {
      const auto& data = jsonu::member(j, "data");
      if (data.is_array())
        for (const auto& a : data) {
          std::string s = jsonu::text(a, "ackType");
          if (s == "sent" || s == "delivered" || s == "read" || s == "failed")
            out.webhook.statuses.push_back(
                {phone_digits(jsonu::text(a, "chatId")), jsonu::text(a, "msgId"), s});
        }
      return out;
    }
    if (type != "message") return out;  // status, error: nothing to answer
    const auto& m = jsonu::member(j, "message");
    if (jsonu::member(m, "fromMe").is_boolean() && m["fromMe"].get<bool>()) return out;
    const auto& user = jsonu::member(j, "user");
    InboundMessage in;
    const std::string phone = jsonu::text(user, "phone");
    const std::string conversation = jsonu::text(j, "conversation");  // "6281234567@c.us"
    in.user_id = phone_digits(phone);
    if (in.user_id.empty()) in.user_id = phone_digits(conversation);
    in.language_hint = language_of_phone(phone.empty() ? conversation : phone);
    in.platform_message_id = jsonu::text(m, "id");
    in.display_name = jsonu::text(user, "name");
    in.at_us = jsonu::epoch_us(j, "timestamp");
    const std::string mt = jsonu::text(m, "type");
    if (mt == "text") {
      in.text = jsonu::text(m, "text");
    } else if (mt == "image") {
      in.kind = "image";
      in.attachment = jsonu::text(m, "url");
      in.text = jsonu::text(m, "caption");
    } else if (mt == "ptt" || mt == "audio") {
      in.kind = "voice";
      in.attachment = jsonu::text(m, "url");
    } else if (mt == "location") {
      in.kind = "location";
      // "payload": "lat,lng"
      const std::string p = jsonu::text(m, "payload");
      auto comma = p.find(',');
      in.latitude = std::strtod(p.c_str(), nullptr);
      in.longitude = comma == std::string::npos ? 0 : std::strtod(p.c_str() + comma + 1, nullptr);
    } else {
      in.kind = "unsupported";
    }
    if (in.user_id.empty() || in.platform_message_id.empty()) {
      out.ok = false;
      out.error = "user.phone and message.id are required";
      return out;
    }
    out.webhook.messages.push_back(std::move(in));
    return out;
  }

  HttpCall send_call(const std::string& recipient, const OutboundPart& part) const override {
    json body = {{"to_number", recipient}};
    if (!part.media_url.empty()) {
      body["type"] = "media";
      body["message"] = part.media_url;
      if (!part.text.empty()) body["text"] = part.text;
    } else {
      body["type"] = "text";
      body["message"] = part.text;
    }
    HttpCall call;
    call.url = c_.api_base + "/" + c_.product_id + "/" + c_.phone_id + "/sendMessage";
    call.headers = {{"x-maytapi-key", c_.token}, {"Content-Type", "application/json"}};
    call.body = jsonu::dump(body);
    return call;
  }

  SendResult classify(const HttpResponse& r) const override {
    SendResult out = classify_generic(r);
    if (out.outcome != Outcome::delivered) return out;
    json j = json::parse(r.body, nullptr, false);
    if (!jsonu::flag(j, "success", true)) {  // refused only when it says so
      out.outcome = Outcome::permanent;
      out.error = "Maytapi refused: " + r.body.substr(0, 300);
      return out;
    }
    out.platform_message_id = jsonu::text(jsonu::member(j, "data"), "msgId");
    return out;
  }

  // Maytapi: the message's url is the file, on Maytapi's CDN, fetched
  // without credentials.
  std::optional<HttpCall> media_call(const std::string& url) const override {
    if (!fetchable_url(url, c_.api_base)) return std::nullopt;
    HttpCall call;
    call.method = "GET";
    call.url = url;
    return call;
  }

  Limits limits() const override { return {4096, 1024, 10, 1, 3}; }

 private:
  MaytapiConfig c_;
};

}  // namespace

std::unique_ptr<Adapter> make_maytapi(MaytapiConfig config) {
  return std::make_unique<Maytapi>(std::move(config));
}

}  // namespace parley::channels
