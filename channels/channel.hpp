// One interface for every messaging platform. An adapter is pure: it checks a
// webhook's signature, parses the platform's payload into common messages,
// and builds (but never performs) the HTTP calls that send, show typing and
// mark as read; it reads the platform's answer into a send outcome. Doing the
// I/O is the outbox sender's job, so every wire format is testable as data.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/conversation.hpp"
#include "net/http_call.hpp"

namespace parley::channels {

// A webhook as the edge received it.
struct WebhookRequest {
  std::string method = "POST";
  std::string path;                            // "/webhooks/twilio"
  std::map<std::string, std::string> params;   // the query string, decoded
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  std::string header(const std::string& lower_name) const;
};

enum class Verdict : uint8_t {
  ok,
  unauthorized,    // 401: no credential where one is required
  forbidden,       // 403: a credential that does not match
  not_configured,  // 503: the platform's secrets are not set, nothing can be checked
};
struct Verification {
  Verdict verdict = Verdict::ok;
  std::string reason;
};

// A message from a platform user, in Parley's terms.
// A message as a platform adapter reads it: the inbound fields (the channel
// is the adapter's name, set by intake) and what only the platform says.
struct InboundMessage : domain::conversation::Inbound {
  std::string display_name;
  int64_t at_us = 0;  // the platform's timestamp; 0 if none
  // The language the platform suggests for this person (Telegram's
  // language_code, a WhatsApp number's country; channels/language_hint.hpp):
  // en, es, ru, id, hi or "". Used only until the shopper writes words.
  std::string language_hint = "";
  // The platform id of the message this one answers (Telegram's
  // reply_to_message, WhatsApp's context, Twilio's OriginalRepliedMessageSid);
  // "" when it quotes nothing. A manager answering an alert is relayed by it.
  std::string reply_to = "";
};
// The platform's report on a message Parley sent.
struct StatusUpdate {
  std::string user_id;
  std::string platform_message_id;
  std::string status;  // sent, delivered, read, failed
};
struct Webhook {
  std::vector<InboundMessage> messages;
  std::vector<StatusUpdate> statuses;
};
struct ParseResult {
  bool ok = true;
  std::string error;  // why the body is not this platform's payload (400)
  Webhook webhook;
};

using net::HttpCall;
using net::HttpResponse;

enum class Outcome : uint8_t {
  delivered,  // accepted by the platform
  retry,      // try again later (5xx, 429, timeout)
  permanent,  // the platform refused it for good (blocked bot, bad number)
};
struct SendResult {
  Outcome outcome = Outcome::retry;
  std::string platform_message_id;
  int64_t retry_after_ms = -1;  // the platform's wait, if it named one
  std::string error;
};

// One platform message. A Parley message becomes one or more of these.
struct OutboundPart {
  std::string text;       // text message (or the caption when media_url is set)
  std::string media_url;  // a photo by URL
  domain::conversation::Template template_message;
};

// What a platform allows; pacing defaults follow the platforms' published limits.
struct Limits {
  size_t text_chars = 4096;
  size_t caption_chars = 1024;
  double messages_per_second = 30;  // per sending account or number
  double chat_interval_s = 1;       // between messages to one chat, once the burst is used
  int chat_burst = 3;
};

// Fetching a shopper's photo or voice note, step by step: some platforms
// hand a URL (Twilio, Green API, Maytapi), others an id that one call turns
// into the file's address (Telegram's getFile, WhatsApp Cloud's media object).
// channels/media_fetch.hpp performs the calls.
struct MediaStep {
  enum class Kind : uint8_t { file, next, failed };
  Kind kind = Kind::failed;
  HttpCall next;      // Kind::next: the call whose answer comes next
  std::string error;  // Kind::failed: why, for the log
};

class Adapter {
 public:
  virtual ~Adapter() = default;
  // The channel name: telegram, whatsapp, twilio, greenapi, maytapi.
  virtual std::string name() const = 0;
  // True when the settings needed to send are present.
  virtual bool can_send() const = 0;
  virtual Verification verify(const WebhookRequest& request) const = 0;
  virtual ParseResult parse(const WebhookRequest& request) const = 0;
  virtual HttpCall send_call(const std::string& recipient, const OutboundPart& part) const = 0;
  // The typing indicator, and the read receipt, where the platform has them.
  virtual std::optional<HttpCall> typing_call(const std::string& recipient,
                                              const std::string& inbound_message_id) const {
    return std::nullopt;
  }
  virtual std::optional<HttpCall> mark_read_call(const std::string& recipient,
                                                 const std::string& inbound_message_id) const {
    return std::nullopt;
  }
  virtual SendResult classify(const HttpResponse& response) const = 0;
  virtual Limits limits() const = 0;
  // The first call that fetches an inbound message's media (`attachment`, as
  // parse() set it), with the platform's auth; nullopt when it cannot be
  // fetched (no credentials, or not an id or URL this platform gave).
  virtual std::optional<HttpCall> media_call(const std::string& attachment) const {
    return std::nullopt;
  }
  // What the answer to media step `step` (0: media_call's) is: the file
  // itself (its body), the next call, or a failure. The default: a 2xx
  // answer is the file.
  virtual MediaStep media_answer(int step, const HttpResponse& response) const;
};

// The parts a message goes out as: its text split at the platform's limit,
// then each photo (the first caption-sized piece of text rides on a photo
// only when there is no text part). A template is one part.
std::vector<OutboundPart> plan_parts(const std::string& text,
                                     const std::vector<domain::conversation::Media>& media,
                                     const domain::conversation::Template& tmpl,
                                     const Limits& limits);

// Whether a media URL a platform handed over may be fetched: https, or http
// when the platform's own base URL is (test servers); at most 4096 bytes, no
// spaces or control characters.
bool fetchable_url(const std::string& url, const std::string& api_base);

// The longest wait a platform's Retry-After or retry_after gets: a day. Longer
// is a garbled answer, and the outbox adds the wait to the clock in µs (a wait
// of 1e16 s overflowed there; 8.9e87 s was undefined to convert at all).
inline constexpr int64_t kMaxRetryAfterMs = 24LL * 3600 * 1000;
// A wait the platform named in seconds, in ms: -1 (none) for a negative one or
// not a number, at most kMaxRetryAfterMs.
int64_t retry_after_ms(double seconds);

// Shared reading of an HTTP answer: 2xx delivered (the id is the caller's to
// extract), 429 and 5xx and transport errors retry (Retry-After honoured),
// other 4xx permanent.
SendResult classify_generic(const HttpResponse& response);

}  // namespace parley::channels
