// Telegram Bot API: a webhook carries one Update; replies are sendMessage /
// sendPhoto calls to {base}/bot{token}/…; the typing indicator is
// sendChatAction. https://core.telegram.org/bots/api
#include <cstdlib>

#include "channels/adapters.hpp"
#include "channels/form.hpp"
#include "channels/json_util.hpp"
#include "channels/language_hint.hpp"
#include "channels/signatures.hpp"

namespace parley::channels {
namespace {

using jsonu::json;

// A numeric chat id goes out as a number, as Telegram documents it.
json chat_id_json(const std::string& id) {
  char* end = nullptr;
  long long v = std::strtoll(id.c_str(), &end, 10);
  if (!id.empty() && *end == '\0') return v;
  return id;
}

class Telegram final : public Adapter {
 public:
  explicit Telegram(TelegramConfig c) : c_(std::move(c)) {}
  std::string name() const override { return "telegram"; }
  bool can_send() const override { return !c_.bot_token.empty(); }

  Verification verify(const WebhookRequest& r) const override {
    // No secret, no webhook: anyone could write as any chat, team members included.
    if (c_.webhook_secret.empty())
      return c_.insecure ? Verification{}
                         : Verification{Verdict::not_configured,
                                        "TELEGRAM_WEBHOOK_SECRET is not set: webhooks cannot be "
                                        "checked (set it with setWebhook's secret_token)"};
    auto got = r.header("x-telegram-bot-api-secret-token");
    if (got.empty()) return {Verdict::unauthorized, "missing X-Telegram-Bot-Api-Secret-Token"};
    if (!constant_time_equal(got, c_.webhook_secret))
      return {Verdict::forbidden, "X-Telegram-Bot-Api-Secret-Token does not match"};
    return {};
  }

  ParseResult parse(const WebhookRequest& r) const override {
    ParseResult out;
    json u = json::parse(r.body, nullptr, false);
    if (!u.is_object() || !u.contains("update_id") || !u["update_id"].is_number_integer()) {
      out.ok = false;
      out.error = "not a Telegram Update: an object with an integer update_id is required";
      return out;
    }
    // Edits, channel posts, callbacks: acknowledged, nothing to answer.
    const json& m = jsonu::member(u, "message");
    if (!m.is_object()) return out;
    InboundMessage in;
    in.platform_message_id = std::to_string(u["update_id"].get<int64_t>());
    in.user_id = jsonu::text(jsonu::member(m, "chat"), "id");
    if (in.user_id.empty()) {
      out.ok = false;
      out.error = "message.chat.id is missing";
      return out;
    }
    in.display_name = jsonu::text(jsonu::member(m, "from"), "first_name");
    in.language_hint = language_of_locale(jsonu::text(jsonu::member(m, "from"), "language_code"));
    in.reply_to = jsonu::text(jsonu::member(m, "reply_to_message"), "message_id");
    in.at_us = jsonu::epoch_us(m, "date");
    if (m.contains("text")) {
      in.text = jsonu::text(m, "text");
    } else if (m.contains("photo") && m["photo"].is_array() && !m["photo"].empty()) {
      in.kind = "image";
      in.attachment = jsonu::text(m["photo"].back(), "file_id");  // the largest size
      in.text = jsonu::text(m, "caption");
    } else if (m.contains("location")) {
      in.kind = "location";
      in.latitude = jsonu::number(m["location"], "latitude");
      in.longitude = jsonu::number(m["location"], "longitude");
    } else if (m.contains("voice") || m.contains("audio")) {
      in.kind = "voice";
      in.attachment = jsonu::text(m.contains("voice") ? m["voice"] : m["audio"], "file_id");
    } else {
      in.kind = "unsupported";
      in.text = jsonu::text(m, "caption");
    }
    out.webhook.messages.push_back(std::move(in));
    return out;
  }

  HttpCall send_call(const std::string& recipient, const OutboundPart& part) const override {
    HttpCall call;
    call.headers = {{"Content-Type", "application/json"}};
    json body = {{"chat_id", chat_id_json(recipient)}};
    if (!part.media_url.empty()) {
      call.url = method_url("sendPhoto");
      body["photo"] = part.media_url;
      if (!part.text.empty()) body["caption"] = part.text;
    } else {
      call.url = method_url("sendMessage");
      body["text"] = part.text;
    }
    call.body = jsonu::dump(body);
    return call;
  }

  std::optional<HttpCall> typing_call(const std::string& recipient,
                                      const std::string&) const override {
    HttpCall call;
    call.url = method_url("sendChatAction");
    call.headers = {{"Content-Type", "application/json"}};
    call.body = jsonu::dump({{"chat_id", chat_id_json(recipient)}, {"action", "typing"}});
    return call;
  }

  SendResult classify(const HttpResponse& r) const override {
    SendResult out = classify_generic(r);
    json j = json::parse(r.body, nullptr, false);
    if (out.outcome == Outcome::delivered) {
      if (!jsonu::flag(j, "ok", false)) {
        out.outcome = Outcome::retry;
        out.error = "Telegram answered 2xx without ok: " + r.body.substr(0, 200);
        return out;
      }
      out.platform_message_id = jsonu::text(jsonu::member(j, "result"), "message_id");
      return out;
    }
    // Telegram names the wait in the body: {"parameters":{"retry_after":N}}.
    const auto& params = jsonu::member(j, "parameters");
    if (params.is_object() && params.contains("retry_after")) {
      out.outcome = Outcome::retry;
      out.retry_after_ms = retry_after_ms(jsonu::number(params, "retry_after"));
    }
    return out;
  }

  // Telegram: getFile turns a file_id into a file_path (a link valid for an
  // hour), downloaded from {base}/file/bot{token}/{file_path}.
  std::optional<HttpCall> media_call(const std::string& file_id) const override {
    if (c_.bot_token.empty() || file_id.empty() || file_id.size() > 256) return std::nullopt;
    HttpCall call;
    call.method = "GET";
    call.url = method_url("getFile") + "?file_id=" + url_encode(file_id);
    return call;
  }

  MediaStep media_answer(int step, const HttpResponse& r) const override {
    if (step != 0) return Adapter::media_answer(step, r);  // the file itself
    MediaStep out;
    json j = json::parse(r.body, nullptr, false);
    const std::string path = jsonu::string_member(jsonu::member(j, "result"), "file_path");
    if (r.status < 200 || r.status >= 300 || !jsonu::flag(j, "ok", false) || path.empty()) {
      std::string why = jsonu::string_member(j, "description");  // "Bad Request: file is too big"
      if (why.empty())
        why = r.status == 0                       ? r.transport_error
              : r.status >= 200 && r.status < 300 ? "no file_path in " + r.body
                                                  : "HTTP " + std::to_string(r.status);
      out.error = "getFile: " + why.substr(0, 300);
      return out;
    }
    // The path goes into a URL that carries the bot token: nothing may leave
    // the bot's file directory.
    if (path.size() > 512 || path.find("..") != std::string::npos || path[0] == '/') {
      out.error = "getFile: refused file_path " + path.substr(0, 100);
      return out;
    }
    out.kind = MediaStep::Kind::next;
    out.next.method = "GET";
    out.next.url = c_.api_base + "/file/bot" + c_.bot_token + "/" + encode_path(path);
    return out;
  }

  // Telegram: about 30 messages/s overall, about 1 per second in one chat.
  Limits limits() const override { return {4096, 1024, 30, 1, 3}; }

 private:
  // Each segment percent-encoded, the slashes kept: "voice/file 1.oga" ->
  // "voice/file%201.oga", so no ?, # or space in a path changes the URL.
  static std::string encode_path(const std::string& path) {
    std::string out;
    for (size_t from = 0;;) {
      size_t slash = path.find('/', from);
      out += url_encode(path.substr(from, slash - from));
      if (slash == std::string::npos) return out;
      out += '/';
      from = slash + 1;
    }
  }
  std::string method_url(const char* method) const {
    return c_.api_base + "/bot" + c_.bot_token + "/" + method;
  }
  TelegramConfig c_;
};

}  // namespace

std::unique_ptr<Adapter> make_telegram(TelegramConfig config) {
  return std::make_unique<Telegram>(std::move(config));
}

}  // namespace parley::channels
