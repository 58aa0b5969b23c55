// Shared by the end-to-end tests of the channels: the settings that point
// every platform at one FakePlatform, its canned answers, and the webhooks a
// platform would send.
#pragma once

#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "channels/signatures.hpp"
#include "tests/support/fake_platform.hpp"

namespace parley::testing::e2e {

using nlohmann::json;

inline constexpr const char* kAdmin = "test-admin-token";

inline std::vector<std::string> base_env(const FakePlatform& fake) {
  return {"PARLEY_ADMIN_TOKEN=" + std::string(kAdmin),
          "TELEGRAM_BOT_TOKEN=BOT",
          "TELEGRAM_WEBHOOK_SECRET=tg-secret",
          "TELEGRAM_API_BASE=" + fake.base(),
          "WHATSAPP_VERIFY_TOKEN=wa-verify",
          "WHATSAPP_APP_SECRET=wa-secret",
          "WHATSAPP_ACCESS_TOKEN=wa-access",
          "WHATSAPP_PHONE_NUMBER_ID=PN1",
          "WHATSAPP_API_BASE=" + fake.base() + "/v22.0",
          "TWILIO_ACCOUNT_SID=AC1",
          "TWILIO_AUTH_TOKEN=tw-token",
          "TWILIO_FROM=whatsapp:+14155238886",
          "TWILIO_API_BASE=" + fake.base(),
          "PARLEY_PUBLIC_URL=https://shop.example.com",
          "GREENAPI_INSTANCE_ID=1101",
          "GREENAPI_TOKEN=gtok",
          "GREENAPI_WEBHOOK_TOKEN=g-hook",
          "GREENAPI_API_BASE=" + fake.base(),
          "MAYTAPI_PRODUCT_ID=prod",
          "MAYTAPI_PHONE_ID=77",
          "MAYTAPI_TOKEN=mkey",
          "MAYTAPI_API_BASE=" + fake.base() + "/api",
          "PARLEY_OUTBOX_BACKOFF_MS=20",
          "PARLEY_TYPING_DELAY_MS=0"};
}

inline Answer platform_ok(const Recorded& r, size_t n) {
  const auto id = std::to_string(n);
  if (r.path.find("/bot") == 0) return {200, R"({"ok":true,"result":{"message_id":)" + id + "}}"};
  if (r.path.find("/v22.0/") == 0) return {200, R"({"messages":[{"id":"wamid.out)" + id + "\"}]}"};
  if (r.path.find("/2010-04-01/") == 0) return {201, R"({"sid":"SMout)" + id + "\"}"};
  if (r.path.find("/waInstance") == 0) return {200, R"({"idMessage":"G)" + id + "\"}"};
  return {200, R"({"success":true,"data":{"msgId":"M)" + id + "\"}}"};
}

inline std::string telegram_update(int update_id, int64_t chat, const std::string& text) {
  return json{{"update_id", update_id},
              {"message",
               {{"message_id", update_id},
                {"date", 1700000000},
                {"chat", {{"id", chat}, {"type", "private"}}},
                {"from", {{"id", chat}, {"first_name", "Ana"}}},
                {"text", text}}}}
      .dump();
}

inline httplib::Result post_telegram(httplib::Client& c, const std::string& body,
                                     const std::string& secret = "tg-secret") {
  return c.Post("/webhooks/telegram", {{"X-Telegram-Bot-Api-Secret-Token", secret}}, body,
                "application/json");
}

// A signed WhatsApp Cloud webhook carrying one text message.
inline httplib::Result post_whatsapp_text(httplib::Client& c, const std::string& from,
                                          const std::string& id, const std::string& text) {
  json message = {{"from", from}, {"id", id}, {"type", "text"}, {"text", {{"body", text}}}};
  json b = {{"object", "whatsapp_business_account"},
            {"entry", {{{"changes", {{{"value", {{"messages", {message}}}}}}}}}}};
  const auto body = b.dump();
  return c.Post("/webhooks/whatsapp",
                {{"X-Hub-Signature-256", "sha256=" + channels::hmac_sha256_hex("wa-secret", body)}},
                body, "application/json");
}

// Waits until the outbox is still: its feed has read the whole log (it
// follows it every 100 ms), nothing is pending, and the log has not moved
// while that was asked. "Nothing pending" alone was true before the feed saw
// the newest reply (team_e2e was flaky so); asked before the feed's lag, a
// message the feed had not read yet was missed; asked after it, a delivery
// record the feed had not read yet was (ManagerRelayE2E, both in CI).
inline bool drained(httplib::Client& c) {
  const httplib::Headers admin = {{"Authorization", std::string("Bearer ") + kAdmin}};
  // The outbox feed's checkpoint when it has read everything, else -1.
  auto caught_up = [&c]() -> int64_t {
    auto ready = c.Get("/readyz");
    if (!ready) return -1;
    auto lag = json::parse(ready->body, nullptr, false);
    if (!lag.is_object() || !lag.contains("projections")) return -1;
    const auto& outbox = lag["projections"]["outbox"];
    return outbox["lag"] == 0 ? outbox.value("checkpoint", int64_t{-1}) : -1;
  };
  for (int i = 0; i < 500; ++i) {
    const int64_t before = caught_up();
    if (before >= 0) {
      auto r = c.Get("/api/v1/outbox", admin);
      const bool idle = r && r->status == 200 && json::parse(r->body)["pending"] == 0;
      if (idle && caught_up() == before) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// Requests to `path_part` whose body mentions `needle`.
inline size_t count(const FakePlatform& fake, const std::string& path_part,
                    const std::string& needle) {
  size_t n = 0;
  for (const auto& r : fake.requests())
    if (r.path.find(path_part) != std::string::npos && r.body.find(needle) != std::string::npos)
      ++n;
  return n;
}

}  // namespace parley::testing::e2e
