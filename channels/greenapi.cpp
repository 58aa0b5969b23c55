// GREEN-API (WhatsApp through a linked phone): webhooks of typeWebhook
// incomingMessageReceived and outgoingMessageStatus; sends go to
// {base}/waInstance{id}/sendMessage/{token} and sendFileByUrl; readChat marks
// a chat read. The webhook token, when set in the instance, arrives as
// "Authorization: Bearer <token>". https://green-api.com/en/docs/
#include "channels/adapters.hpp"
#include "channels/json_util.hpp"
#include "channels/language_hint.hpp"
#include "channels/signatures.hpp"

namespace parley::channels {
namespace {

using jsonu::json;

class GreenApi final : public Adapter {
 public:
  explicit GreenApi(GreenApiConfig c) : c_(std::move(c)) {}
  std::string name() const override { return "greenapi"; }
  bool can_send() const override { return !c_.instance_id.empty() && !c_.token.empty(); }

  Verification verify(const WebhookRequest& r) const override {
    if (c_.webhook_token.empty())
      return c_.insecure ? Verification{}
                         : Verification{Verdict::not_configured,
                                        "GREENAPI_WEBHOOK_TOKEN is not set: webhooks cannot be "
                                        "checked (set the instance's webhookUrlToken)"};
    auto auth = r.header("authorization");
    if (auth.empty()) return {Verdict::unauthorized, "missing Authorization"};
    if (!constant_time_equal(auth, "Bearer " + c_.webhook_token))
      return {Verdict::forbidden, "the webhook token does not match"};
    return {};
  }

  ParseResult parse(const WebhookRequest& r) const override {
    ParseResult out;
    json j = json::parse(r.body, nullptr, false);
    const std::string type = jsonu::text(j, "typeWebhook");
    if (!j.is_object() || type.empty()) {
      out.ok = false;
      out.error = "not a GREEN-API webhook: typeWebhook is required";
      return out;
    }
    if (type == "outgoingMessageStatus") {
      std::string s = jsonu::text(j, "status");
      if (s == "noAccount" || s == "notInGroup") s = "failed";
      if (s == "sent" || s == "delivered" || s == "read" || s == "failed")
        out.webhook.statuses.push_back(
            {phone_digits(jsonu::text(j, "chatId")), jsonu::text(j, "idMessage"), s});
      return out;
    }
    if (type != "incomingMessageReceived") return out;  // state changes, calls …
    const auto& sender = jsonu::member(j, "senderData");
    const std::string chat = jsonu::text(sender, "chatId");
    if (chat.find("@g.us") != std::string::npos) return out;  // groups are not shoppers
    InboundMessage in;
    in.user_id = phone_digits(chat);
    in.platform_message_id = jsonu::text(j, "idMessage");
    in.display_name = jsonu::text(sender, "senderName");
    in.language_hint = language_of_phone(chat);  // "79001234567@c.us"
    in.at_us = jsonu::epoch_us(j, "timestamp");
    const auto& d = jsonu::member(j, "messageData");
    const std::string mt = jsonu::text(d, "typeMessage");
    if (mt == "textMessage") {
      in.text = jsonu::text(jsonu::member(d, "textMessageData"), "textMessage");
    } else if (mt == "extendedTextMessage" || mt == "quotedMessage") {
      in.text = jsonu::text(jsonu::member(d, "extendedTextMessageData"), "text");
    } else if (mt == "imageMessage") {
      in.kind = "image";
      in.attachment = jsonu::text(jsonu::member(d, "fileMessageData"), "downloadUrl");
      in.text = jsonu::text(jsonu::member(d, "fileMessageData"), "caption");
    } else if (mt == "audioMessage") {
      in.kind = "voice";
      in.attachment = jsonu::text(jsonu::member(d, "fileMessageData"), "downloadUrl");
    } else if (mt == "locationMessage") {
      in.kind = "location";
      in.latitude = jsonu::number(jsonu::member(d, "locationMessageData"), "latitude");
      in.longitude = jsonu::number(jsonu::member(d, "locationMessageData"), "longitude");
    } else {
      in.kind = "unsupported";
    }
    if (in.user_id.empty() || in.platform_message_id.empty()) {
      out.ok = false;
      out.error = "senderData.chatId and idMessage are required";
      return out;
    }
    out.webhook.messages.push_back(std::move(in));
    return out;
  }

  HttpCall send_call(const std::string& recipient, const OutboundPart& part) const override {
    json body = {{"chatId", recipient + "@c.us"}};
    HttpCall call;
    if (!part.media_url.empty()) {
      call.url = method_url("sendFileByUrl");
      body["urlFile"] = part.media_url;
      auto slash = part.media_url.find_last_of('/');
      body["fileName"] =
          slash == std::string::npos ? "photo.jpg" : part.media_url.substr(slash + 1);
      if (!part.text.empty()) body["caption"] = part.text;
    } else {
      call.url = method_url("sendMessage");
      body["message"] = part.text;
    }
    call.headers = {{"Content-Type", "application/json"}};
    call.body = jsonu::dump(body);
    return call;
  }

  std::optional<HttpCall> mark_read_call(const std::string& recipient,
                                         const std::string& id) const override {
    HttpCall call;
    call.url = method_url("readChat");
    call.headers = {{"Content-Type", "application/json"}};
    call.body = jsonu::dump({{"chatId", recipient + "@c.us"}, {"idMessage", id}});
    return call;
  }

  SendResult classify(const HttpResponse& r) const override {
    SendResult out = classify_generic(r);
    if (out.outcome == Outcome::delivered)
      out.platform_message_id = jsonu::text(json::parse(r.body, nullptr, false), "idMessage");
    return out;
  }

  // GREEN-API: the webhook's downloadUrl is the file, on its storage host,
  // fetched without credentials.
  std::optional<HttpCall> media_call(const std::string& url) const override {
    if (!fetchable_url(url, c_.api_base)) return std::nullopt;
    HttpCall call;
    call.method = "GET";
    call.url = url;
    return call;
  }

  // GREEN-API queues sends per instance; keep a phone-like pace.
  Limits limits() const override { return {20000, 1024, 10, 1, 3}; }

 private:
  std::string method_url(const char* method) const {
    return c_.api_base + "/waInstance" + c_.instance_id + "/" + method + "/" + c_.token;
  }
  GreenApiConfig c_;
};

}  // namespace

std::unique_ptr<Adapter> make_greenapi(GreenApiConfig config) {
  return std::make_unique<GreenApi>(std::move(config));
}

}  // namespace parley::channels
