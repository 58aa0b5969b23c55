// Twilio WhatsApp: webhooks are form posts signed with X-Twilio-Signature;
// inbound messages and status callbacks share the route. Sends are form posts
// to {base}/2010-04-01/Accounts/{sid}/Messages.json with basic auth.
// https://www.twilio.com/docs/usage/webhooks/webhooks-security
#include "channels/adapters.hpp"
#include "channels/form.hpp"
#include "channels/json_util.hpp"
#include "channels/language_hint.hpp"
#include "channels/signatures.hpp"

namespace parley::channels {
namespace {

using jsonu::json;

std::string get(const std::map<std::string, std::string>& m, const char* k) {
  auto it = m.find(k);
  return it == m.end() ? std::string() : it->second;
}

// Redirects followed from the media URL to the file: Twilio's one to its CDN,
// and room for one more.
constexpr int kMaxMediaRedirects = 2;

std::string with_prefix(const std::string& address) {
  return address.rfind("whatsapp:", 0) == 0 ? address : "whatsapp:" + address;
}

class Twilio final : public Adapter {
 public:
  explicit Twilio(TwilioConfig c) : c_(std::move(c)) {}
  std::string name() const override { return "twilio"; }
  bool can_send() const override {
    return !c_.account_sid.empty() && !c_.auth_token.empty() && !c_.from.empty();
  }

  Verification verify(const WebhookRequest& r) const override {
    if (c_.auth_token.empty() || c_.public_url.empty())
      return {Verdict::not_configured,
              "TWILIO_AUTH_TOKEN and PARLEY_PUBLIC_URL are needed to check signatures"};
    auto sig = r.header("x-twilio-signature");
    if (sig.empty()) return {Verdict::unauthorized, "missing X-Twilio-Signature"};
    std::map<std::string, std::string> form;
    if (!parse_form(r.body, &form)) return {Verdict::forbidden, "the form body is malformed"};
    if (!constant_time_equal(sig, twilio_signature(c_.auth_token, signed_url(r), form)))
      return {Verdict::forbidden, "X-Twilio-Signature does not match"};
    return {};
  }

  ParseResult parse(const WebhookRequest& r) const override {
    ParseResult out;
    std::map<std::string, std::string> f;
    if (!parse_form(r.body, &f) || get(f, "MessageSid").empty()) {
      out.ok = false;
      out.error = "not a Twilio webhook: a form with MessageSid is required";
      return out;
    }
    const auto status = get(f, "MessageStatus");
    if (!status.empty() && status != "received") {  // a status callback on a message we sent
      std::string s = status == "undelivered" ? "failed" : status;
      if (s == "sent" || s == "delivered" || s == "read" || s == "failed")
        out.webhook.statuses.push_back({phone_digits(get(f, "To")), get(f, "MessageSid"), s});
      return out;
    }
    InboundMessage in;
    in.user_id = phone_digits(get(f, "From"));
    in.platform_message_id = get(f, "MessageSid");
    in.display_name = get(f, "ProfileName");
    in.text = get(f, "Body");
    in.language_hint = language_of_phone(get(f, "From"));  // "whatsapp:+34600111222"
    in.reply_to = get(f, "OriginalRepliedMessageSid");
    const auto media = get(f, "NumMedia");
    if (!media.empty() && media != "0") {
      const auto type = get(f, "MediaContentType0");
      in.attachment = get(f, "MediaUrl0");
      in.kind = type.rfind("image/", 0) == 0   ? "image"
                : type.rfind("audio/", 0) == 0 ? "voice"
                                               : "unsupported";
    } else if (!get(f, "Latitude").empty()) {
      in.kind = "location";
      in.latitude = std::strtod(get(f, "Latitude").c_str(), nullptr);
      in.longitude = std::strtod(get(f, "Longitude").c_str(), nullptr);
    }
    if (in.user_id.empty()) {
      out.ok = false;
      out.error = "From is missing";
      return out;
    }
    out.webhook.messages.push_back(std::move(in));
    return out;
  }

  HttpCall send_call(const std::string& recipient, const OutboundPart& part) const override {
    std::vector<std::pair<std::string, std::string>> fields = {{"To", "whatsapp:+" + recipient},
                                                               {"From", with_prefix(c_.from)}};
    if (!part.template_message.empty()) {
      // A Twilio content template: its SID is the template's name.
      json vars = json::object();
      for (size_t i = 0; i < part.template_message.parameters.size(); ++i)
        vars[std::to_string(i + 1)] = part.template_message.parameters[i];
      fields.push_back({"ContentSid", part.template_message.name});
      fields.push_back({"ContentVariables", jsonu::dump(vars)});
    } else {
      if (!part.text.empty()) fields.push_back({"Body", part.text});
      if (!part.media_url.empty()) fields.push_back({"MediaUrl", part.media_url});
    }
    HttpCall call;
    call.url = c_.api_base + "/2010-04-01/Accounts/" + c_.account_sid + "/Messages.json";
    call.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    call.body = encode_form(fields);
    call.basic_auth = c_.account_sid + ":" + c_.auth_token;
    return call;
  }

  SendResult classify(const HttpResponse& r) const override {
    SendResult out = classify_generic(r);
    if (out.outcome == Outcome::delivered)
      out.platform_message_id = jsonu::text(json::parse(r.body, nullptr, false), "sid");
    return out;
  }

  // Twilio: MediaUrl0 is fetched with the account's basic auth and answers a
  // redirect to a signed CDN URL, fetched without it (libcurl is not told to
  // follow redirects, and would carry the credentials along if it were).
  std::optional<HttpCall> media_call(const std::string& url) const override {
    std::string base = c_.api_base;
    while (!base.empty() && base.back() == '/') base.pop_back();
    // The credentials go to Twilio's API host and nowhere else: a prefix
    // followed by "/", so https://api.twilio.com.example.org does not pass.
    if (c_.account_sid.empty() || c_.auth_token.empty() || base.empty() ||
        url.rfind(base + "/", 0) != 0 || !fetchable_url(url, c_.api_base))
      return std::nullopt;
    HttpCall call;
    call.method = "GET";
    call.url = url;
    call.basic_auth = c_.account_sid + ":" + c_.auth_token;
    return call;
  }

  MediaStep media_answer(int step, const HttpResponse& r) const override {
    if (r.status < 300 || r.status >= 400) return Adapter::media_answer(step, r);
    MediaStep out;
    auto it = r.headers.find("location");
    const std::string location = it == r.headers.end() ? "" : it->second;
    if (step >= kMaxMediaRedirects) {
      out.error = "media: too many redirects";
    } else if (!fetchable_url(location, c_.api_base)) {
      out.error = "media: HTTP " + std::to_string(r.status) + " to a refused location " +
                  location.substr(0, 100);
    } else {
      out.kind = MediaStep::Kind::next;
      out.next.method = "GET";
      out.next.url = location;  // signed: no credentials
    }
    return out;
  }

  // Twilio's default WhatsApp sender throughput, and Meta's pair limit.
  Limits limits() const override { return {1600, 1600, 80, 6, 5}; }

 private:
  // Twilio signs the URL it called: the public base, the path and the query.
  std::string signed_url(const WebhookRequest& r) const {
    std::string base = c_.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    std::string url = base + r.path;
    if (!r.params.empty()) {
      std::string q;
      for (const auto& [k, v] : r.params) q += (q.empty() ? "?" : "&") + k + "=" + url_encode(v);
      url += q;
    }
    return url;
  }
  TwilioConfig c_;
};

}  // namespace

std::unique_ptr<Adapter> make_twilio(TwilioConfig config) {
  return std::make_unique<Twilio>(std::move(config));
}

}  // namespace parley::channels
