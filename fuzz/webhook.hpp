// What the webhook targets share: one request handed to an adapter the way
// the edge hands it (http/channel_api.cpp, to_webhook), with the checks that
// hold for every platform.
#pragma once

#include "channels/channel.hpp"
#include "fuzz/request.hpp"

namespace parley::fuzz {

inline channels::WebhookRequest to_webhook(const Request& r) {
  channels::WebhookRequest w;
  w.method = r.method;
  w.path = r.path;
  for (const auto& [k, v] : r.query) w.params.emplace(k, v);
  w.headers = r.headers;
  w.body = r.body;
  return w;
}

// verify() and parse() both run on every input: the edge parses only what
// verified, but a platform without its secret configured (Telegram,
// GREEN-API) is not checked, so its parser sees anything a stranger posts.
// classify() reads the same bytes as the platform's answer to a send.
inline void exercise(const channels::Adapter& adapter, const Request& request) {
  const auto webhook = to_webhook(request);
  const auto verdict = adapter.verify(webhook);
  if (verdict.verdict != channels::Verdict::ok && verdict.reason.empty())
    fail("a refusal without a reason");
  const auto parsed = adapter.parse(webhook);
  if (!parsed.ok && parsed.error.empty()) fail("a malformed webhook without a reason");
  // The intake dedupes on (channel, user, platform id) and answers the user:
  // a message without either would be recorded and never deduplicated.
  for (const auto& m : parsed.webhook.messages)
    if (m.user_id.empty() || m.platform_message_id.empty())
      fail("a parsed message without a user id or a platform message id");
  for (long status : {0L, 200L, 400L, 429L, 503L})
    adapter.classify({status, webhook.body, webhook.headers, status == 0 ? "timeout" : ""});
}

}  // namespace parley::fuzz
