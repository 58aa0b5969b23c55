// HMAC vectors from the RFCs and Twilio's documentation, and the webhook
// checks built on them, including bodies that differ by one byte.
#include "channels/signatures.hpp"

#include <gtest/gtest.h>

#include "channels/adapters.hpp"
#include "channels/form.hpp"

namespace parley::channels {
namespace {

TEST(Hmac, Rfc4231Sha256) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Hmac, Rfc2202Sha1) {
  // effcdf6ae5eb2fa2d27416d5f184df9c259a7c79 in base64.
  EXPECT_EQ(hmac_sha1_base64("Jefe", "what do ya want for nothing?"),
            "7/zfauXrL6LSdBbV8YTfnCWafHk=");
}

TEST(Hmac, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
}

TEST(WhatsAppSignature, AcceptsTheBodyItSignsAndNoOther) {
  const std::string body = R"({"object":"whatsapp_business_account","entry":[]})";
  const std::string header = "sha256=" + hmac_sha256_hex("app-secret", body);
  EXPECT_TRUE(whatsapp_signature_valid("app-secret", body, header));
  std::string changed = body;
  changed[changed.size() - 2] = ' ';  // one byte
  EXPECT_FALSE(whatsapp_signature_valid("app-secret", changed, header));
  EXPECT_FALSE(whatsapp_signature_valid("other-secret", body, header));
  EXPECT_FALSE(whatsapp_signature_valid("app-secret", body, hmac_sha256_hex("app-secret", body)));
}

TEST(TwilioSignature, DocumentedVector) {
  // Twilio's documented example: token 12345, this URL and these parameters.
  std::map<std::string, std::string> params = {{"CallSid", "CA1234567890ABCDE"},
                                               {"Caller", "+12349013030"},
                                               {"Digits", "1234"},
                                               {"From", "+12349013030"},
                                               {"To", "+18005551212"}};
  EXPECT_EQ(twilio_signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  params["Digits"] = "1235";
  EXPECT_NE(twilio_signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
}

WebhookRequest request(const std::string& path, const std::string& body,
                       std::map<std::string, std::string> headers) {
  WebhookRequest r;
  r.path = path;
  r.body = body;
  r.headers = std::move(headers);
  return r;
}

TEST(Verify, TelegramSecretToken) {
  auto t = make_telegram({"TOKEN", "s3cret", "http://x"});
  EXPECT_EQ(t->verify(request("/webhooks/telegram", "{}", {})).verdict, Verdict::unauthorized);
  EXPECT_EQ(
      t->verify(request("/webhooks/telegram", "{}", {{"x-telegram-bot-api-secret-token", "nope"}}))
          .verdict,
      Verdict::forbidden);
  EXPECT_EQ(t->verify(request("/webhooks/telegram", "{}",
                              {{"x-telegram-bot-api-secret-token", "s3cret"}}))
                .verdict,
            Verdict::ok);
}

// Issue 17, item 9: without a secret any caller could write as a team member.
TEST(Verify, NoSecretNoWebhookUnlessExplicitlyInsecure) {
  auto t = make_telegram({"TOKEN", "", "http://x"});
  const auto v = t->verify(request("/", "{}", {}));
  EXPECT_EQ(v.verdict, Verdict::not_configured);
  EXPECT_NE(v.reason.find("TELEGRAM_WEBHOOK_SECRET"), std::string::npos);
  EXPECT_EQ(make_telegram({"TOKEN", "", "http://x", true})->verify(request("/", "{}", {})).verdict,
            Verdict::ok);
  GreenApiConfig c;
  EXPECT_EQ(make_greenapi(c)->verify(request("/", "{}", {})).verdict, Verdict::not_configured);
  c.insecure = true;
  EXPECT_EQ(make_greenapi(c)->verify(request("/", "{}", {})).verdict, Verdict::ok);
}

TEST(Verify, WhatsAppNeedsTheAppSecretAndAMatchingSignature) {
  const std::string body = R"({"object":"whatsapp_business_account","entry":[]})";
  WhatsAppConfig c;
  EXPECT_EQ(make_whatsapp(c)->verify(request("/webhooks/whatsapp", body, {})).verdict,
            Verdict::not_configured);
  c.app_secret = "app-secret";
  auto wa = make_whatsapp(c);
  EXPECT_EQ(wa->verify(request("/webhooks/whatsapp", body, {})).verdict, Verdict::unauthorized);
  const std::string sig = "sha256=" + hmac_sha256_hex("app-secret", body);
  EXPECT_EQ(wa->verify(request("/webhooks/whatsapp", body, {{"x-hub-signature-256", sig}})).verdict,
            Verdict::ok);
  EXPECT_EQ(
      wa->verify(request("/webhooks/whatsapp", body + " ", {{"x-hub-signature-256", sig}})).verdict,
      Verdict::forbidden);
}

TEST(Verify, TwilioSignsPublicUrlPathAndSortedForm) {
  TwilioConfig c;
  c.auth_token = "tw-token";
  c.public_url = "https://shop.example.com/";
  auto tw = make_twilio(c);
  const std::string body = encode_form(
      {{"MessageSid", "SM1"}, {"From", "whatsapp:+34600111222"}, {"Body", "hola & adiós"}});
  std::map<std::string, std::string> form;
  ASSERT_TRUE(parse_form(body, &form));
  const auto sig = twilio_signature("tw-token", "https://shop.example.com/webhooks/twilio", form);
  EXPECT_EQ(tw->verify(request("/webhooks/twilio", body, {{"x-twilio-signature", sig}})).verdict,
            Verdict::ok);
  auto tampered = body;
  tampered.back() = 'X';
  EXPECT_EQ(
      tw->verify(request("/webhooks/twilio", tampered, {{"x-twilio-signature", sig}})).verdict,
      Verdict::forbidden);
  EXPECT_EQ(tw->verify(request("/webhooks/twilio", body, {})).verdict, Verdict::unauthorized);
}

TEST(Verify, GreenApiWebhookToken) {
  GreenApiConfig c;
  c.webhook_token = "gt";
  auto g = make_greenapi(c);
  EXPECT_EQ(g->verify(request("/webhooks/greenapi", "{}", {})).verdict, Verdict::unauthorized);
  EXPECT_EQ(
      g->verify(request("/webhooks/greenapi", "{}", {{"authorization", "Bearer no"}})).verdict,
      Verdict::forbidden);
  EXPECT_EQ(
      g->verify(request("/webhooks/greenapi", "{}", {{"authorization", "Bearer gt"}})).verdict,
      Verdict::ok);
}

TEST(Verify, MaytapiProductIdMustBeOurs) {
  MaytapiConfig c;
  c.product_id = "prod-1";
  auto m = make_maytapi(c);
  EXPECT_EQ(m->verify(request("/webhooks/maytapi", R"({"product_id":"prod-2"})", {})).verdict,
            Verdict::forbidden);
  EXPECT_EQ(m->verify(request("/webhooks/maytapi", R"({"type":"message"})", {})).verdict,
            Verdict::unauthorized);
  EXPECT_EQ(m->verify(request("/webhooks/maytapi", R"({"product_id":"prod-1"})", {})).verdict,
            Verdict::ok);
}

TEST(WhatsAppHandshake, EchoesTheChallengeOnlyForOurToken) {
  WhatsAppConfig c;
  c.verify_token = "vt";
  auto ok = whatsapp_handshake(
      c, {{"hub.mode", "subscribe"}, {"hub.verify_token", "vt"}, {"hub.challenge", "12345"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "12345");
  EXPECT_EQ(
      whatsapp_handshake(
          c, {{"hub.mode", "subscribe"}, {"hub.verify_token", "other"}, {"hub.challenge", "1"}})
          .status,
      403);
}

}  // namespace
}  // namespace parley::channels
