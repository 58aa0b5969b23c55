// Each platform's payloads in, each platform's calls out: parsing of text,
// photos, locations, voice notes and unknown types; the exact outbound wire
// format; reading the platform's answer; splitting long messages.
#include "channels/adapters.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/form.hpp"
#include "channels/text_split.hpp"

namespace parley::channels {
namespace {

using nlohmann::json;

WebhookRequest body(const std::string& b) {
  WebhookRequest r;
  r.body = b;
  return r;
}

TEST(Telegram, ParsesTextPhotoLocationVoiceAndOthers) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto text = t->parse(body(
      R"({"update_id":901,"message":{"message_id":5,"date":1700000000,"chat":{"id":4242,"type":"private"},"from":{"id":4242,"first_name":"Ana"},"text":"hola"}})"));
  ASSERT_TRUE(text.ok);
  ASSERT_EQ(text.webhook.messages.size(), 1u);
  const auto& m = text.webhook.messages[0];
  EXPECT_EQ(m.user_id, "4242");
  EXPECT_EQ(m.platform_message_id, "901");
  EXPECT_EQ(m.kind, "text");
  EXPECT_EQ(m.text, "hola");
  EXPECT_EQ(m.display_name, "Ana");

  auto photo = t->parse(body(
      R"({"update_id":902,"message":{"chat":{"id":1},"photo":[{"file_id":"small"},{"file_id":"big"}],"caption":"in red?"}})"));
  ASSERT_EQ(photo.webhook.messages.size(), 1u);
  EXPECT_EQ(photo.webhook.messages[0].kind, "image");
  EXPECT_EQ(photo.webhook.messages[0].attachment, "big");
  EXPECT_EQ(photo.webhook.messages[0].text, "in red?");

  auto loc = t->parse(body(
      R"({"update_id":903,"message":{"chat":{"id":1},"location":{"latitude":40.4,"longitude":-3.7}}})"));
  EXPECT_EQ(loc.webhook.messages[0].kind, "location");
  EXPECT_DOUBLE_EQ(loc.webhook.messages[0].latitude, 40.4);
  EXPECT_DOUBLE_EQ(loc.webhook.messages[0].longitude, -3.7);

  auto voice = t->parse(body(
      R"({"update_id":904,"message":{"chat":{"id":1},"voice":{"file_id":"v1","duration":3}}})"));
  EXPECT_EQ(voice.webhook.messages[0].kind, "voice");

  auto sticker =
      t->parse(body(R"({"update_id":905,"message":{"chat":{"id":1},"sticker":{"file_id":"s"}}})"));
  EXPECT_EQ(sticker.webhook.messages[0].kind, "unsupported");

  auto edit = t->parse(body(R"({"update_id":906,"edited_message":{"chat":{"id":1},"text":"x"}})"));
  EXPECT_TRUE(edit.ok);
  EXPECT_TRUE(edit.webhook.messages.empty());

  EXPECT_FALSE(t->parse(body(R"({"message":{}})")).ok);
  EXPECT_FALSE(t->parse(body("not json")).ok);
  EXPECT_FALSE(t->parse(body(R"({"update_id":"x"})")).ok);
}

TEST(Telegram, WireFormat) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto text = t->send_call("4242", {"Hello", "", {}});
  EXPECT_EQ(text.method, "POST");
  EXPECT_EQ(text.url, "http://tg/botT0K/sendMessage");
  EXPECT_EQ(json::parse(text.body), json({{"chat_id", 4242}, {"text", "Hello"}}));
  auto photo = t->send_call("4242", {"Drill", "https://img/1.jpg", {}});
  EXPECT_EQ(photo.url, "http://tg/botT0K/sendPhoto");
  EXPECT_EQ(json::parse(photo.body),
            json({{"chat_id", 4242}, {"photo", "https://img/1.jpg"}, {"caption", "Drill"}}));
  auto typing = t->typing_call("4242", "901");
  ASSERT_TRUE(typing);
  EXPECT_EQ(typing->url, "http://tg/botT0K/sendChatAction");
  EXPECT_EQ(json::parse(typing->body), json({{"chat_id", 4242}, {"action", "typing"}}));
  EXPECT_FALSE(t->mark_read_call("4242", "901"));
}

TEST(Telegram, ReadsAnswers) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto ok = t->classify({200, R"({"ok":true,"result":{"message_id":77}})", {}, ""});
  EXPECT_EQ(ok.outcome, Outcome::delivered);
  EXPECT_EQ(ok.platform_message_id, "77");
  auto slow =
      t->classify({429, R"({"ok":false,"error_code":429,"parameters":{"retry_after":7}})", {}, ""});
  EXPECT_EQ(slow.outcome, Outcome::retry);
  EXPECT_EQ(slow.retry_after_ms, 7000);
  EXPECT_EQ(t->classify({403, R"({"ok":false,"description":"bot was blocked"})", {}, ""}).outcome,
            Outcome::permanent);
  EXPECT_EQ(t->classify({502, "", {}, ""}).outcome, Outcome::retry);
  EXPECT_EQ(t->classify({0, "", {}, "Timeout was reached"}).outcome, Outcome::retry);
}

TEST(WhatsAppCloud, ParsesEveryMessageAndStatusOfOnePost) {
  WhatsAppConfig c;
  auto wa = make_whatsapp(c);
  const std::string payload =
      R"({"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
    "messaging_product":"whatsapp","metadata":{"phone_number_id":"PN"},
    "contacts":[{"profile":{"name":"Ana"},"wa_id":"34600111222"}],
    "messages":[
      {"from":"34600111222","id":"wamid.A","timestamp":"1700000000","type":"text","text":{"body":"quiero pagar"}},
      {"from":"34600111222","id":"wamid.B","timestamp":"1700000001","type":"image","image":{"id":"MEDIA1","caption":""}},
      {"from":"34600111222","id":"wamid.C","timestamp":"1700000002","type":"location","location":{"latitude":40.1,"longitude":-3.2}},
      {"from":"34600111222","id":"wamid.D","timestamp":"1700000003","type":"audio","audio":{"id":"AUD","voice":true}},
      {"from":"34600111222","id":"wamid.E","timestamp":"1700000004","type":"sticker","sticker":{"id":"S"}}],
    "statuses":[{"id":"wamid.OUT1","status":"delivered","timestamp":"1700000005","recipient_id":"34600111222"},
                {"id":"wamid.OUT2","status":"read","timestamp":"1700000006","recipient_id":"34600111222"}]}}]}]})";
  auto r = wa->parse(body(payload));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.webhook.messages.size(), 5u);
  EXPECT_EQ(r.webhook.messages[0].text, "quiero pagar");
  EXPECT_EQ(r.webhook.messages[0].display_name, "Ana");
  EXPECT_EQ(r.webhook.messages[1].kind, "image");
  EXPECT_EQ(r.webhook.messages[1].attachment, "MEDIA1");
  EXPECT_EQ(r.webhook.messages[2].kind, "location");
  EXPECT_EQ(r.webhook.messages[3].kind, "voice");
  EXPECT_EQ(r.webhook.messages[4].kind, "unsupported");
  ASSERT_EQ(r.webhook.statuses.size(), 2u);
  EXPECT_EQ(r.webhook.statuses[1].platform_message_id, "wamid.OUT2");
  EXPECT_EQ(r.webhook.statuses[1].status, "read");
  EXPECT_EQ(r.webhook.statuses[1].user_id, "34600111222");
  EXPECT_FALSE(wa->parse(body(R"({"object":"page","entry":[]})")).ok);
}

TEST(WhatsAppCloud, WireFormat) {
  WhatsAppConfig c;
  c.access_token = "EAAT";
  c.phone_number_id = "PN1";
  c.api_base = "http://meta/v22.0";
  auto wa = make_whatsapp(c);
  auto text = wa->send_call("34600111222", {"Hola", "", {}});
  EXPECT_EQ(text.url, "http://meta/v22.0/PN1/messages");
  EXPECT_EQ(text.headers[0], (std::pair<std::string, std::string>{"Authorization", "Bearer EAAT"}));
  EXPECT_EQ(json::parse(text.body), json::parse(R"({"messaging_product":"whatsapp",
    "recipient_type":"individual","to":"34600111222","type":"text",
    "text":{"preview_url":false,"body":"Hola"}})"));
  auto image = wa->send_call("34600111222", {"Taladro", "https://img/d.jpg", {}});
  EXPECT_EQ(json::parse(image.body)["image"],
            json({{"link", "https://img/d.jpg"}, {"caption", "Taladro"}}));
  domain::conversation::Template tmpl{"cart_reminder", "es", {"Ana", "2"}};
  auto t = wa->send_call("34600111222", {"", "", tmpl});
  EXPECT_EQ(json::parse(t.body)["template"], json::parse(R"({"name":"cart_reminder",
    "language":{"code":"es"},"components":[{"type":"body","parameters":[
    {"type":"text","text":"Ana"},{"type":"text","text":"2"}]}]})"));
  auto typing = wa->typing_call("34600111222", "wamid.A");
  ASSERT_TRUE(typing);
  EXPECT_EQ(json::parse(typing->body), json::parse(R"({"messaging_product":"whatsapp",
    "status":"read","message_id":"wamid.A","typing_indicator":{"type":"text"}})"));
  auto ok = wa->classify({200, R"({"messages":[{"id":"wamid.OUT"}]})", {}, ""});
  EXPECT_EQ(ok.platform_message_id, "wamid.OUT");
  // Meta's pair rate limit arrives as a 400 with code 131056: retried, not dead.
  EXPECT_EQ(wa->classify({400, R"({"error":{"code":131056}})", {}, ""}).outcome, Outcome::retry);
  EXPECT_EQ(wa->classify({400, R"({"error":{"code":131047}})", {}, ""}).outcome,
            Outcome::permanent);
}

TEST(Twilio, ParsesMessagesAndStatusCallbacks) {
  auto tw = make_twilio({});
  auto r = tw->parse(body(encode_form({{"MessageSid", "SM1"},
                                       {"From", "whatsapp:+34600111222"},
                                       {"To", "whatsapp:+14155238886"},
                                       {"Body", "add 3 of the second one"},
                                       {"NumMedia", "0"},
                                       {"ProfileName", "Ana"}})));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.webhook.messages.size(), 1u);
  EXPECT_EQ(r.webhook.messages[0].user_id, "34600111222");
  EXPECT_EQ(r.webhook.messages[0].platform_message_id, "SM1");
  EXPECT_EQ(r.webhook.messages[0].text, "add 3 of the second one");
  auto img = tw->parse(body(encode_form({{"MessageSid", "SM2"},
                                         {"From", "whatsapp:+34600111222"},
                                         {"NumMedia", "1"},
                                         {"MediaContentType0", "image/jpeg"},
                                         {"MediaUrl0", "https://api.twilio.com/m/1"}})));
  EXPECT_EQ(img.webhook.messages[0].kind, "image");
  EXPECT_EQ(img.webhook.messages[0].attachment, "https://api.twilio.com/m/1");
  auto st = tw->parse(body(encode_form(
      {{"MessageSid", "SM9"}, {"MessageStatus", "delivered"}, {"To", "whatsapp:+34600111222"}})));
  EXPECT_TRUE(st.webhook.messages.empty());
  ASSERT_EQ(st.webhook.statuses.size(), 1u);
  EXPECT_EQ(st.webhook.statuses[0].status, "delivered");
  EXPECT_FALSE(tw->parse(body("From=x")).ok);
}

TEST(Twilio, WireFormat) {
  TwilioConfig c;
  c.account_sid = "AC1";
  c.auth_token = "tok";
  c.from = "whatsapp:+14155238886";
  c.api_base = "http://tw";
  auto tw = make_twilio(c);
  auto call = tw->send_call("34600111222", {"Hola & bienvenida", "https://img/1.jpg", {}});
  EXPECT_EQ(call.url, "http://tw/2010-04-01/Accounts/AC1/Messages.json");
  EXPECT_EQ(call.basic_auth, "AC1:tok");
  std::map<std::string, std::string> form;
  ASSERT_TRUE(parse_form(call.body, &form));
  EXPECT_EQ(form["To"], "whatsapp:+34600111222");
  EXPECT_EQ(form["From"], "whatsapp:+14155238886");
  EXPECT_EQ(form["Body"], "Hola & bienvenida");
  EXPECT_EQ(form["MediaUrl"], "https://img/1.jpg");
  EXPECT_EQ(tw->classify({201, R"({"sid":"SMout"})", {}, ""}).platform_message_id, "SMout");
  auto wait = tw->classify({429, "", {{"retry-after", "3"}}, ""});
  EXPECT_EQ(wait.outcome, Outcome::retry);
  EXPECT_EQ(wait.retry_after_ms, 3000);
}

TEST(GreenApi, ParsesAndSends) {
  GreenApiConfig c;
  c.instance_id = "1101";
  c.token = "gtok";
  c.api_base = "http://green";
  auto g = make_greenapi(c);
  auto r = g->parse(body(R"({"typeWebhook":"incomingMessageReceived","idMessage":"F7AE",
    "timestamp":1700000000,"senderData":{"chatId":"79001234567@c.us","senderName":"Ivan"},
    "messageData":{"typeMessage":"textMessage","textMessageData":{"textMessage":"привет"}}})"));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.webhook.messages.size(), 1u);
  EXPECT_EQ(r.webhook.messages[0].user_id, "79001234567");
  EXPECT_EQ(r.webhook.messages[0].platform_message_id, "F7AE");
  EXPECT_EQ(r.webhook.messages[0].text, "привет");
  auto group = g->parse(body(R"({"typeWebhook":"incomingMessageReceived","idMessage":"G1",
    "senderData":{"chatId":"120363@g.us"},"messageData":{"typeMessage":"textMessage",
    "textMessageData":{"textMessage":"hi"}}})"));
  EXPECT_TRUE(group.webhook.messages.empty());
  auto st = g->parse(body(
      R"({"typeWebhook":"outgoingMessageStatus","chatId":"79001234567@c.us","idMessage":"OUT1","status":"read"})"));
  ASSERT_EQ(st.webhook.statuses.size(), 1u);
  EXPECT_EQ(st.webhook.statuses[0].status, "read");
  auto call = g->send_call("79001234567", {"Здравствуйте", "", {}});
  EXPECT_EQ(call.url, "http://green/waInstance1101/sendMessage/gtok");
  EXPECT_EQ(json::parse(call.body),
            json({{"chatId", "79001234567@c.us"}, {"message", "Здравствуйте"}}));
  auto file = g->send_call("79001234567", {"Дрель", "https://img/drill.jpg", {}});
  EXPECT_EQ(file.url, "http://green/waInstance1101/sendFileByUrl/gtok");
  EXPECT_EQ(json::parse(file.body)["fileName"], "drill.jpg");
  auto read = g->mark_read_call("79001234567", "F7AE");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->url, "http://green/waInstance1101/readChat/gtok");
  EXPECT_EQ(g->classify({200, R"({"idMessage":"X1"})", {}, ""}).platform_message_id, "X1");
}

TEST(Maytapi, ParsesAndSends) {
  MaytapiConfig c;
  c.product_id = "prod";
  c.phone_id = "123";
  c.token = "mkey";
  c.api_base = "http://may/api";
  auto m = make_maytapi(c);
  auto r = m->parse(body(R"({"product_id":"prod","phone_id":123,"type":"message",
    "message":{"type":"text","text":"saya mau bayar","fromMe":false,"id":"MSG1"},
    "user":{"id":"6281234@c.us","name":"Budi","phone":"6281234"},"conversation":"6281234@c.us",
    "timestamp":1700000000})"));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.webhook.messages.size(), 1u);
  EXPECT_EQ(r.webhook.messages[0].user_id, "6281234");
  EXPECT_EQ(r.webhook.messages[0].text, "saya mau bayar");
  auto mine = m->parse(body(
      R"({"type":"message","message":{"type":"text","text":"x","fromMe":true,"id":"M2"},"user":{"phone":"1"}})"));
  EXPECT_TRUE(mine.webhook.messages.empty());
  auto ack = m->parse(body(
      R"({"type":"ack","data":[{"ackType":"delivered","msgId":"O1","chatId":"6281234@c.us"}]})"));
  ASSERT_EQ(ack.webhook.statuses.size(), 1u);
  auto call = m->send_call("6281234", {"Halo kak", "", {}});
  EXPECT_EQ(call.url, "http://may/api/prod/123/sendMessage");
  EXPECT_EQ(call.headers[0], (std::pair<std::string, std::string>{"x-maytapi-key", "mkey"}));
  EXPECT_EQ(json::parse(call.body),
            json({{"to_number", "6281234"}, {"type", "text"}, {"message", "Halo kak"}}));
  auto media = m->send_call("6281234", {"Bor", "https://img/b.jpg", {}});
  EXPECT_EQ(json::parse(media.body), json({{"to_number", "6281234"},
                                           {"type", "media"},
                                           {"message", "https://img/b.jpg"},
                                           {"text", "Bor"}}));
  EXPECT_EQ(
      m->classify({200, R"({"success":true,"data":{"msgId":"K1"}})", {}, ""}).platform_message_id,
      "K1");
  EXPECT_EQ(m->classify({200, R"({"success":false,"message":"not logged in"})", {}, ""}).outcome,
            Outcome::permanent);
}

// Found by fuzz/webhook_greenapi and webhook_twilio (UBSan: 1.7e+83 is outside
// the range of representable values of type 'long'): a platform's timestamp
// was cast to int64_t and multiplied by 10^6, and a Retry-After or
// retry_after multiplied by 1000, unchecked. Undefined out of range; in the
// Release build 1e13 s came out as a negative time, and a wait of 1e16 s went
// on to overflow the outbox's µs arithmetic.
TEST(Adapters, TimesAndWaitsOutOfRangeAreNone) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto wa = make_whatsapp({});
  auto g = make_greenapi({});
  MaytapiConfig mc;
  mc.product_id = "prod";
  auto m = make_maytapi(mc);
  for (const std::string ts : {"1e13", "1.7e83", "-5", "1e400"}) {
    SCOPED_TRACE(ts);
    auto tg = t->parse(
        body(R"({"update_id":1,"message":{"chat":{"id":1},"date":)" + ts + R"(,"text":"x"}})"));
    auto w = wa->parse(
        body(R"({"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":[)"
             R"({"from":"34600111222","id":"wamid.A","timestamp":")" +
             ts + R"(","type":"text","text":{"body":"x"}}]}}]}]})"));
    auto gr =
        g->parse(body(R"({"typeWebhook":"incomingMessageReceived","idMessage":"F","timestamp":)" +
                      ts + R"(,"senderData":{"chatId":"7900@c.us"}})"));
    auto my = m->parse(body(R"({"type":"message","message":{"type":"text","text":"x","id":"M"},)"
                            R"("user":{"phone":"62"},"timestamp":)" +
                            ts + "}"));
    for (const auto* r : {&tg, &w, &gr, &my}) {
      if (!r->ok) continue;  // 1e400 is not JSON at all
      ASSERT_EQ(r->webhook.messages.size(), 1u);
      EXPECT_EQ(r->webhook.messages[0].at_us, 0);
    }
  }
  EXPECT_EQ(
      g
          ->parse(body(
              R"({"typeWebhook":"incomingMessageReceived","idMessage":"F","timestamp":1700000000,)"
              R"("senderData":{"chatId":"7900@c.us"}})"))
          .webhook.messages[0]
          .at_us,
      1700000000000000);

  for (const std::string wait : {"1e13", "8.9e87", "inf"}) {
    auto generic = classify_generic({429, "", {{"retry-after", wait}}, ""});
    EXPECT_EQ(generic.retry_after_ms, kMaxRetryAfterMs) << wait;
  }
  auto flood = t->classify({429, R"({"ok":false,"parameters":{"retry_after":1e300}})", {}, ""});
  EXPECT_EQ(flood.retry_after_ms, kMaxRetryAfterMs);
  EXPECT_EQ(classify_generic({503, "", {{"retry-after", "3"}}, ""}).retry_after_ms, 3000);
}

// Found by fuzz/webhook_whatsapp (JSON_ASSERT in basic_json::operator[] const):
// a message of type image, location or audio without that member read the
// member through const operator[], undefined when the key is absent. The
// Release build read past the map's end and happened to find nothing, so this
// test passed before the fix too; the fuzz build's assertion is what fails.
TEST(WhatsAppCloud, MessagesWithoutTheirMediaMemberParse) {
  auto wa = make_whatsapp({});
  for (const std::string type : {"image", "location", "audio"}) {
    auto r = wa->parse(
        body(R"({"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":[)"
             R"({"from":"34600111222","id":"wamid.A","type":")" +
             type + R"("}]}}]}]})"));
    ASSERT_TRUE(r.ok) << type;
    ASSERT_EQ(r.webhook.messages.size(), 1u) << type;
    EXPECT_EQ(r.webhook.messages[0].attachment, "") << type;
    EXPECT_EQ(r.webhook.messages[0].latitude, 0) << type;
  }
  // And Meta's error code of an answer, cast to int64_t unchecked (UBSan).
  EXPECT_EQ(wa->classify({400, R"({"error":{"code":1e300}})", {}, ""}).outcome, Outcome::permanent);
  EXPECT_EQ(wa->classify({400, R"({"error":{"code":131056}})", {}, ""}).outcome, Outcome::retry);
}

// Found by fuzz/webhook_maytapi (uncaught json type_error from classify()):
// Maytapi's {"success":""} and Telegram's {"ok":"yes"} threw out of
// json::value(). classify() runs on the outbox's thread, where an exception
// ends the process: one odd answer to a send stopped the server.
TEST(Adapters, AnswersWithAFlagOfAnotherTypeDoNotThrow) {
  MaytapiConfig mc;
  mc.product_id = "prod";
  auto m = make_maytapi(mc);
  EXPECT_EQ(m->classify({200, R"({"success":"","data":{"msgId":"K1"}})", {}, ""}).outcome,
            Outcome::delivered);
  EXPECT_EQ(m->classify({200, R"({"success":false})", {}, ""}).outcome, Outcome::permanent);
  auto t = make_telegram({"T0K", "", "http://tg"});
  EXPECT_EQ(t->classify({200, R"({"ok":"yes","result":{"message_id":7}})", {}, ""}).outcome,
            Outcome::retry);
  EXPECT_EQ(t->classify({200, R"({"ok":true,"result":{"message_id":7}})", {}, ""}).outcome,
            Outcome::delivered);
}

TEST(Split, LongTextAtPlatformLimitsOnWordBoundaries) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "palabra" + std::to_string(i) + " ";
  auto parts = split_text(text, 4096);
  ASSERT_GT(parts.size(), 1u);
  std::string joined;
  for (const auto& p : parts) {
    EXPECT_LE(utf16_length(p), 4096u);
    EXPECT_NE(p.back(), ' ');
    joined += p + " ";
  }
  EXPECT_EQ(joined, text);
  // Multi-byte text is never cut inside a character; an emoji counts as 2.
  std::string ru;
  for (int i = 0; i < 3000; ++i) ru += "я";
  for (const auto& p : split_text(ru, 1000)) EXPECT_EQ(utf16_length(p), 1000u);
  EXPECT_EQ(utf16_length("😀"), 2u);
  EXPECT_TRUE(split_text("   ", 10).empty());
}

TEST(Split, PlanPartsTextThenPhotos) {
  Limits l;
  l.text_chars = 10;
  l.caption_chars = 5;
  auto parts = plan_parts("one two three four", {{"https://a", "Caption long"}, {"", "x"}}, {}, l);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].text, "one two");
  EXPECT_EQ(parts[1].text, "three four");
  EXPECT_EQ(parts[2].media_url, "https://a");
  EXPECT_LE(utf16_length(parts[2].text), 5u);
}

}  // namespace
}  // namespace parley::channels

namespace parley::channels {
namespace {

TEST(Replies, TheMessageAReplyQuotesIsKeptOnEveryPlatformThatSaysIt) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto tg = t->parse(body(
      R"({"update_id":950,"message":{"chat":{"id":7},"text":"ok","reply_to_message":{"message_id":321,"text":"alert"}}})"));
  EXPECT_EQ(tg.webhook.messages.at(0).reply_to, "321");
  auto plain = t->parse(body(R"({"update_id":951,"message":{"chat":{"id":7},"text":"ok"}})"));
  EXPECT_EQ(plain.webhook.messages.at(0).reply_to, "");

  auto wa = make_whatsapp({});
  auto quoted = wa->parse(body(
      R"({"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":[{"from":"34699000999","id":"wamid.R","type":"text","text":{"body":"ok"},"context":{"from":"15550001111","id":"wamid.out7"}}]}}]}]})"));
  EXPECT_EQ(quoted.webhook.messages.at(0).reply_to, "wamid.out7");

  auto tw = make_twilio({"AC1", "tok", "whatsapp:+1555", "http://tw", ""});
  auto twr =
      tw->parse(body("MessageSid=SM1&From=whatsapp%3A%2B34699000999&Body=ok&"
                     "OriginalRepliedMessageSid=SMout3"));
  EXPECT_EQ(twr.webhook.messages.at(0).reply_to, "SMout3");
}

}  // namespace
}  // namespace parley::channels
