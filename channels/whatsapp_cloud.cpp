// WhatsApp Cloud API (Meta): one webhook may carry several entries, changes,
// messages and statuses; every one is handled. Sends go to
// {base}/{phone-number-id}/messages with a bearer token; the read receipt and
// the typing indicator are one call on the message being answered.
// https://developers.facebook.com/docs/whatsapp/cloud-api
#include <cctype>

#include "channels/adapters.hpp"
#include "channels/json_util.hpp"
#include "channels/language_hint.hpp"
#include "channels/signatures.hpp"

namespace parley::channels {
namespace {

using jsonu::json;

// A media id as Meta gives it (digits, in practice): it becomes a URL path segment.
bool media_id_valid(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  return true;
}

InboundMessage read_message(const json& m, const std::string& name) {
  InboundMessage in;
  in.user_id = phone_digits(jsonu::text(m, "from"));
  in.platform_message_id = jsonu::text(m, "id");
  in.display_name = name;
  in.at_us = jsonu::epoch_us(m, "timestamp");
  in.language_hint = language_of_phone(jsonu::text(m, "from"));  // the wa_id: a phone number
  in.reply_to = jsonu::text(jsonu::member(m, "context"), "id");
  const std::string type = jsonu::text(m, "type");
  if (type == "text") {
    in.text = jsonu::text(jsonu::member(m, "text"), "body");
  } else if (type == "image") {
    in.kind = "image";
    in.attachment = jsonu::text(jsonu::member(m, "image"), "id");
    in.text = jsonu::text(jsonu::member(m, "image"), "caption");
  } else if (type == "location") {
    in.kind = "location";
    in.latitude = jsonu::number(jsonu::member(m, "location"), "latitude");
    in.longitude = jsonu::number(jsonu::member(m, "location"), "longitude");
  } else if (type == "audio") {
    in.kind = "voice";
    in.attachment = jsonu::text(jsonu::member(m, "audio"), "id");
  } else if (type == "interactive") {  // a tapped reply button or list row
    const auto& i = jsonu::member(m, "interactive");
    in.text = jsonu::text(jsonu::member(i, "button_reply"), "title");
    if (in.text.empty()) in.text = jsonu::text(jsonu::member(i, "list_reply"), "title");
    if (in.text.empty()) in.kind = "unsupported";
  } else if (type == "button") {  // a quick reply of a template
    in.text = jsonu::text(jsonu::member(m, "button"), "text");
  } else {
    in.kind = "unsupported";
  }
  return in;
}

class WhatsAppCloud final : public Adapter {
 public:
  explicit WhatsAppCloud(WhatsAppConfig c) : c_(std::move(c)) {}
  std::string name() const override { return "whatsapp"; }
  bool can_send() const override { return !c_.access_token.empty() && !c_.phone_number_id.empty(); }

  Verification verify(const WebhookRequest& r) const override {
    if (c_.app_secret.empty())
      return {Verdict::not_configured,
              "WHATSAPP_APP_SECRET is not set: signatures cannot be checked"};
    auto sig = r.header("x-hub-signature-256");
    if (sig.empty()) return {Verdict::unauthorized, "missing X-Hub-Signature-256"};
    if (!whatsapp_signature_valid(c_.app_secret, r.body, sig))
      return {Verdict::forbidden, "X-Hub-Signature-256 does not match the body"};
    return {};
  }

  ParseResult parse(const WebhookRequest& r) const override {
    ParseResult out;
    json j = json::parse(r.body, nullptr, false);
    if (!j.is_object() || jsonu::text(j, "object") != "whatsapp_business_account" ||
        !jsonu::member(j, "entry").is_array()) {
      out.ok = false;
      out.error = "not a WhatsApp webhook: object must be whatsapp_business_account with entries";
      return out;
    }
    for (const auto& entry : j["entry"]) {
      const auto& changes = jsonu::member(entry, "changes");
      if (!changes.is_array()) continue;
      for (const auto& change : changes) {
        const auto& v = jsonu::member(change, "value");
        std::map<std::string, std::string> names;
        if (jsonu::member(v, "contacts").is_array())
          for (const auto& c : v["contacts"])
            names[jsonu::text(c, "wa_id")] = jsonu::text(jsonu::member(c, "profile"), "name");
        if (jsonu::member(v, "messages").is_array())
          for (const auto& m : v["messages"]) {
            auto in = read_message(m, names[jsonu::text(m, "from")]);
            if (!in.user_id.empty() && !in.platform_message_id.empty())
              out.webhook.messages.push_back(std::move(in));
          }
        if (jsonu::member(v, "statuses").is_array())
          for (const auto& s : v["statuses"])
            out.webhook.statuses.push_back({phone_digits(jsonu::text(s, "recipient_id")),
                                            jsonu::text(s, "id"), jsonu::text(s, "status")});
      }
    }
    return out;
  }

  HttpCall send_call(const std::string& recipient, const OutboundPart& part) const override {
    json body = {
        {"messaging_product", "whatsapp"}, {"recipient_type", "individual"}, {"to", recipient}};
    if (!part.template_message.empty()) {
      json params = json::array();
      for (const auto& p : part.template_message.parameters)
        params.push_back({{"type", "text"}, {"text", p}});
      json tmpl = {{"name", part.template_message.name},
                   {"language", {{"code", part.template_message.language}}}};
      if (!params.empty())
        tmpl["components"] = json::array({{{"type", "body"}, {"parameters", params}}});
      body["type"] = "template";
      body["template"] = tmpl;
    } else if (!part.media_url.empty()) {
      body["type"] = "image";
      body["image"] = {{"link", part.media_url}};
      if (!part.text.empty()) body["image"]["caption"] = part.text;
    } else {
      body["type"] = "text";
      body["text"] = {{"preview_url", false}, {"body", part.text}};
    }
    return call(jsonu::dump(body));
  }

  std::optional<HttpCall> typing_call(const std::string&, const std::string& id) const override {
    if (id.empty()) return std::nullopt;
    return call(jsonu::dump({{"messaging_product", "whatsapp"},
                             {"status", "read"},
                             {"message_id", id},
                             {"typing_indicator", {{"type", "text"}}}}));
  }
  std::optional<HttpCall> mark_read_call(const std::string&, const std::string& id) const override {
    if (id.empty()) return std::nullopt;
    return call(
        jsonu::dump({{"messaging_product", "whatsapp"}, {"status", "read"}, {"message_id", id}}));
  }

  SendResult classify(const HttpResponse& r) const override {
    SendResult out = classify_generic(r);
    json j = json::parse(r.body, nullptr, false);
    if (out.outcome == Outcome::delivered) {
      const auto& msgs = jsonu::member(j, "messages");
      if (msgs.is_array() && !msgs.empty()) out.platform_message_id = jsonu::text(msgs[0], "id");
      return out;
    }
    // Meta's throttling codes arrive as 400s: retry them, never dead-letter.
    // Compared as read: a cast to an integer is undefined past its range ("code":1e300).
    const double code = jsonu::number(jsonu::member(j, "error"), "code");
    if (code == 4 || code == 80007 || code == 130429 || code == 131048 || code == 131056)
      out.outcome = Outcome::retry;
    return out;
  }

  // WhatsApp Cloud: GET {base}/{media-id} answers the media object, whose url
  // (valid five minutes) is downloaded with the same bearer token.
  std::optional<HttpCall> media_call(const std::string& id) const override {
    if (c_.access_token.empty() || !media_id_valid(id)) return std::nullopt;
    HttpCall call;
    call.method = "GET";
    call.url = c_.api_base + "/" + id;
    call.headers = {{"Authorization", "Bearer " + c_.access_token}};
    return call;
  }

  MediaStep media_answer(int step, const HttpResponse& r) const override {
    if (step != 0) return Adapter::media_answer(step, r);  // the file itself
    MediaStep out;
    json j = json::parse(r.body, nullptr, false);
    if (r.status < 200 || r.status >= 300) {
      std::string why = jsonu::string_member(jsonu::member(j, "error"), "message");
      if (why.empty()) why = r.status == 0 ? r.transport_error : "HTTP " + std::to_string(r.status);
      out.error = "media object: " + why.substr(0, 300);
      return out;
    }
    // The bearer token goes with the download: only to an https URL.
    const std::string url = jsonu::string_member(j, "url");
    if (!fetchable_url(url, c_.api_base)) {
      out.error = url.empty() ? "media object without a url"
                              : "media object url refused: " + url.substr(0, 100);
      return out;
    }
    out.kind = MediaStep::Kind::next;
    out.next.method = "GET";
    out.next.url = url;
    // Meta's media host answers a request without a User-Agent with an error
    // page instead of the file, and libcurl sends none unless told.
    out.next.headers = {{"Authorization", "Bearer " + c_.access_token},
                        {"User-Agent", "Parley/1.0"}};
    return out;
  }

  // About 80 messages/s per business number; to one user, a short burst and
  // then one every few seconds (Meta's pair rate limit).
  Limits limits() const override { return {4096, 1024, 80, 6, 5}; }

 private:
  HttpCall call(std::string body) const {
    HttpCall c;
    c.url = c_.api_base + "/" + c_.phone_number_id + "/messages";
    c.headers = {{"Authorization", "Bearer " + c_.access_token},
                 {"Content-Type", "application/json"}};
    c.body = std::move(body);
    return c;
  }
  WhatsAppConfig c_;
};

}  // namespace

std::unique_ptr<Adapter> make_whatsapp(WhatsAppConfig config) {
  return std::make_unique<WhatsAppCloud>(std::move(config));
}

Handshake whatsapp_handshake(const WhatsAppConfig& config,
                             const std::map<std::string, std::string>& params) {
  auto get = [&](const char* k) {
    auto it = params.find(k);
    return it == params.end() ? std::string() : it->second;
  };
  if (config.verify_token.empty() || get("hub.mode") != "subscribe" ||
      !constant_time_equal(get("hub.verify_token"), config.verify_token))
    return {403, ""};
  return {200, get("hub.challenge")};
}

std::string phone_digits(const std::string& address) {
  std::string a = address;
  if (auto at = a.find('@'); at != std::string::npos) a.resize(at);
  if (a.rfind("whatsapp:", 0) == 0) a = a.substr(9);
  std::string out;
  for (char c : a)
    if (c >= '0' && c <= '9') out.push_back(c);
  return out;
}

}  // namespace parley::channels
