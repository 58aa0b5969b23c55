// The platform adapters and their settings (../shared/spec/http-contract.md).
// Every base URL is a setting, so tests point them at fake servers.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "channels/channel.hpp"

namespace parley::channels {

struct TelegramConfig {
  std::string bot_token;       // TELEGRAM_BOT_TOKEN
  std::string webhook_secret;  // TELEGRAM_WEBHOOK_SECRET; unset: webhooks answer 503
  std::string api_base = "https://api.telegram.org";
  bool insecure = false;  // PARLEY_INSECURE_WEBHOOKS=1: unset secret accepts all (demos)
};
struct WhatsAppConfig {
  std::string verify_token;  // WHATSAPP_VERIFY_TOKEN, for the GET handshake
  std::string app_secret;    // WHATSAPP_APP_SECRET, for X-Hub-Signature-256
  std::string access_token;  // WHATSAPP_ACCESS_TOKEN
  std::string phone_number_id;
  std::string api_base = "https://graph.facebook.com/v22.0";
};
struct TwilioConfig {
  std::string account_sid;
  std::string auth_token;  // signs webhooks and authenticates sends
  std::string from;        // "whatsapp:+14155238886"
  std::string api_base = "https://api.twilio.com";
  std::string public_url;  // PARLEY_PUBLIC_URL: the URL Twilio calls, as it signs it
};
struct GreenApiConfig {
  std::string instance_id;
  std::string token;
  std::string webhook_token;  // GREENAPI_WEBHOOK_TOKEN: "Authorization: Bearer …"; unset: 503
  std::string api_base = "https://api.green-api.com";
  bool insecure = false;  // PARLEY_INSECURE_WEBHOOKS=1: unset token accepts all (demos)
};
struct MaytapiConfig {
  std::string product_id;  // also checked against each webhook's product_id
  std::string phone_id;
  std::string token;
  std::string api_base = "https://api.maytapi.com/api";
};

std::unique_ptr<Adapter> make_telegram(TelegramConfig config);
std::unique_ptr<Adapter> make_whatsapp(WhatsAppConfig config);
std::unique_ptr<Adapter> make_twilio(TwilioConfig config);
std::unique_ptr<Adapter> make_greenapi(GreenApiConfig config);
std::unique_ptr<Adapter> make_maytapi(MaytapiConfig config);

// WhatsApp's subscription handshake: GET with hub.mode=subscribe,
// hub.verify_token and hub.challenge; 200 with the challenge, else 403.
struct Handshake {
  int status = 403;
  std::string body;
};
Handshake whatsapp_handshake(const WhatsAppConfig& config,
                             const std::map<std::string, std::string>& params);

// "whatsapp:+34 600-11-22-33" -> "34600112233"; "79001234567@c.us" -> "79001234567".
std::string phone_digits(const std::string& address);

}  // namespace parley::channels
