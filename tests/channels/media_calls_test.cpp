// Fetching a shopper's photo or voice note, as data: each platform's first
// call (URL, auth), how its answers lead to the file (Telegram's getFile,
// WhatsApp's media object, Twilio's redirect to its CDN), what is refused
// (no credentials, odd ids and paths, credentials bound for another host),
// and the language hints the parsers read from real-looking payloads.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "channels/adapters.hpp"
#include "channels/form.hpp"

namespace parley::channels {
namespace {

using Header = std::pair<std::string, std::string>;

WebhookRequest body(const std::string& b) {
  WebhookRequest r;
  r.body = b;
  return r;
}

HttpResponse answer(long status, const std::string& b,
                    std::map<std::string, std::string> headers = {}) {
  return {status, b, std::move(headers), ""};
}

bool has_header(const HttpCall& call, const Header& h) {
  for (const auto& got : call.headers)
    if (got == h) return true;
  return false;
}

std::unique_ptr<Adapter> whatsapp(const std::string& api_base = "http://meta/v22.0") {
  WhatsAppConfig c;
  c.access_token = "EAAT";
  c.phone_number_id = "PN1";
  c.api_base = api_base;
  return make_whatsapp(c);
}

std::unique_ptr<Adapter> twilio(const std::string& api_base = "http://tw") {
  TwilioConfig c;
  c.account_sid = "AC1";
  c.auth_token = "tok";
  c.from = "whatsapp:+14155238886";
  c.api_base = api_base;
  return make_twilio(c);
}

// --- Telegram -----------------------------------------------------------

TEST(TelegramMedia, AsksGetFileForTheFileIdWithTheIdEncoded) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto call = t->media_call("AgAD+x/y=");
  ASSERT_TRUE(call);
  EXPECT_EQ(call->method, "GET");
  EXPECT_EQ(call->url, "http://tg/botT0K/getFile?file_id=AgAD%2Bx%2Fy%3D");
  EXPECT_TRUE(call->body.empty());
  EXPECT_TRUE(call->basic_auth.empty());
}

TEST(TelegramMedia, TurnsTheFilePathIntoTheDownloadAndThatIntoTheFile) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto step =
      t->media_answer(0, answer(200, R"({"ok":true,"result":{"file_id":"v1","file_unique_id":"u",
        "file_size":4000,"file_path":"voice/file_1.oga"}})"));
  ASSERT_EQ(step.kind, MediaStep::Kind::next) << step.error;
  EXPECT_EQ(step.next.method, "GET");
  EXPECT_EQ(step.next.url, "http://tg/file/botT0K/voice/file_1.oga");
  EXPECT_EQ(t->media_answer(1, answer(200, "OggS...")).kind, MediaStep::Kind::file);
  EXPECT_EQ(t->media_answer(1, answer(404, "")).kind, MediaStep::Kind::failed);
}

TEST(TelegramMedia, EncodesEachSegmentOfTheFilePath) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto step = t->media_answer(0, answer(200, R"({"ok":true,"result":{"file_path":"a b/c?d"}})"));
  ASSERT_EQ(step.kind, MediaStep::Kind::next);
  EXPECT_EQ(step.next.url, "http://tg/file/botT0K/a%20b/c%3Fd");
}

TEST(TelegramMedia, RefusesWithoutATokenOrWithAnOddFileId) {
  EXPECT_FALSE(make_telegram({"", "", "http://tg"})->media_call("v1"));
  auto t = make_telegram({"T0K", "", "http://tg"});
  EXPECT_FALSE(t->media_call(""));
  EXPECT_FALSE(t->media_call(std::string(257, 'a')));
  EXPECT_TRUE(t->media_call(std::string(256, 'a')));
}

TEST(TelegramMedia, RefusesAFilePathOutsideTheBotsFiles) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  for (const std::string path : {"../../botOTHER/getMe", "voice/../../x", "/etc/passwd", ""}) {
    auto step =
        t->media_answer(0, answer(200, R"({"ok":true,"result":{"file_path":")" + path + "\"}}"));
    EXPECT_EQ(step.kind, MediaStep::Kind::failed) << path;
    EXPECT_FALSE(step.error.empty()) << path;
  }
  auto long_path = t->media_answer(
      0, answer(200, R"({"ok":true,"result":{"file_path":")" + std::string(513, 'a') + "\"}}"));
  EXPECT_EQ(long_path.kind, MediaStep::Kind::failed);
}

TEST(TelegramMedia, ReportsTelegramsDescriptionWhenGetFileFails) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto big = t->media_answer(
      0,
      answer(400, R"({"ok":false,"error_code":400,"description":"Bad Request: file is too big"})"));
  EXPECT_EQ(big.kind, MediaStep::Kind::failed);
  EXPECT_NE(big.error.find("file is too big"), std::string::npos) << big.error;
  EXPECT_EQ(t->media_answer(0, answer(200, R"({"ok":false})")).kind, MediaStep::Kind::failed);
  EXPECT_EQ(t->media_answer(0, answer(200, "not json")).kind, MediaStep::Kind::failed);
  auto down = t->media_answer(0, {0, "", {}, "Timeout was reached"});
  EXPECT_EQ(down.kind, MediaStep::Kind::failed);
  EXPECT_NE(down.error.find("Timeout"), std::string::npos) << down.error;
}

// --- WhatsApp Cloud ---------------------------------------------------------

TEST(WhatsAppCloudMedia, AsksForTheMediaObjectWithTheBearerToken) {
  auto call = whatsapp()->media_call("1234567890123456");
  ASSERT_TRUE(call);
  EXPECT_EQ(call->method, "GET");
  EXPECT_EQ(call->url, "http://meta/v22.0/1234567890123456");
  EXPECT_TRUE(has_header(*call, {"Authorization", "Bearer EAAT"}));
}

TEST(WhatsAppCloudMedia, DownloadsTheObjectsUrlWithTheSameBearerToken) {
  auto wa = whatsapp("https://graph.facebook.com/v22.0");
  auto step = wa->media_answer(0, answer(200, R"({"messaging_product":"whatsapp",
    "url":"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3",
    "mime_type":"audio/ogg","sha256":"abc","file_size":4000,"id":"1234567890123456"})"));
  ASSERT_EQ(step.kind, MediaStep::Kind::next) << step.error;
  EXPECT_EQ(step.next.method, "GET");
  EXPECT_EQ(step.next.url,
            "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3");
  EXPECT_TRUE(has_header(step.next, {"Authorization", "Bearer EAAT"}));
  EXPECT_EQ(wa->media_answer(1, answer(200, "OggS...")).kind, MediaStep::Kind::file);
  EXPECT_EQ(wa->media_answer(1, answer(404, "")).kind, MediaStep::Kind::failed);
}

TEST(WhatsAppCloudMedia, SendsTheTokenOverPlainHttpOnlyWhenTheApiIsPlainHttp) {
  const std::string object = R"({"url":"http://meta/media/1","mime_type":"image/jpeg"})";
  auto fake = whatsapp("http://meta/v22.0")->media_answer(0, answer(200, object));
  ASSERT_EQ(fake.kind, MediaStep::Kind::next) << fake.error;
  EXPECT_EQ(fake.next.url, "http://meta/media/1");
  auto real = whatsapp("https://graph.facebook.com/v22.0")->media_answer(0, answer(200, object));
  EXPECT_EQ(real.kind, MediaStep::Kind::failed);
}

TEST(WhatsAppCloudMedia, RefusesWithoutATokenOrWithAnOddId) {
  WhatsAppConfig no_token;
  no_token.api_base = "http://meta/v22.0";
  EXPECT_FALSE(make_whatsapp(no_token)->media_call("123"));
  auto wa = whatsapp();
  for (const std::string& id : std::vector<std::string>{"", "../PN1/messages", "12 3", "1?x=2",
                                                        "abc/def", std::string(129, '1')})
    EXPECT_FALSE(wa->media_call(id)) << id;
  EXPECT_TRUE(wa->media_call("media_ID-1"));
  EXPECT_TRUE(wa->media_call(std::string(128, '1')));
}

TEST(WhatsAppCloudMedia, FailsOnAnErrorOrAnObjectWithoutAUsableUrl) {
  auto wa = whatsapp("https://graph.facebook.com/v22.0");
  auto gone = wa->media_answer(
      0, answer(400, R"({"error":{"message":"Unsupported get request","type":"GraphMethodException",
        "code":100}})"));
  EXPECT_EQ(gone.kind, MediaStep::Kind::failed);
  EXPECT_NE(gone.error.find("Unsupported get request"), std::string::npos) << gone.error;
  for (const std::string object :
       {R"({"mime_type":"audio/ogg"})", R"({"url":""})", R"({"url":7})",
        R"({"url":"ftp://lookaside.fbsbx.com/x"})", R"({"url":"https://"})",
        R"({"url":"https://lookaside.fbsbx.com/x\r\nX-Evil: 1"})", "not json"})
    EXPECT_EQ(wa->media_answer(0, answer(200, object)).kind, MediaStep::Kind::failed) << object;
}

// --- Twilio -----------------------------------------------------------------

TEST(TwilioMedia, FetchesTheMediaUrlWithTheAccountsBasicAuth) {
  const std::string url = "http://tw/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";
  auto call = twilio()->media_call(url);
  ASSERT_TRUE(call);
  EXPECT_EQ(call->method, "GET");
  EXPECT_EQ(call->url, url);
  EXPECT_EQ(call->basic_auth, "AC1:tok");
}

TEST(TwilioMedia, FollowsTheRedirectToTheCdnWithoutCredentials) {
  auto tw = twilio("https://api.twilio.com");
  const std::string cdn =
      "https://s3-external-1.amazonaws.com/media.twiliocdn.com/AC1/abc?X-Amz-Signature=1";
  auto step = tw->media_answer(0, answer(307, "", {{"location", cdn}}));
  ASSERT_EQ(step.kind, MediaStep::Kind::next) << step.error;
  EXPECT_EQ(step.next.method, "GET");
  EXPECT_EQ(step.next.url, cdn);
  EXPECT_TRUE(step.next.basic_auth.empty());
  EXPECT_TRUE(step.next.headers.empty());
  EXPECT_EQ(tw->media_answer(1, answer(200, "\xFF\xD8...")).kind, MediaStep::Kind::file);
  EXPECT_EQ(tw->media_answer(0, answer(302, "", {{"location", cdn}})).kind, MediaStep::Kind::next);
}

TEST(TwilioMedia, TakesADirectAnswerAsTheFile) {
  EXPECT_EQ(twilio()->media_answer(0, answer(200, "\xFF\xD8...")).kind, MediaStep::Kind::file);
  EXPECT_EQ(twilio()->media_answer(0, answer(404, "")).kind, MediaStep::Kind::failed);
}

TEST(TwilioMedia, FailsOnARedirectWithoutAUsableLocationOrOneTooMany) {
  auto tw = twilio("https://api.twilio.com");
  EXPECT_EQ(tw->media_answer(0, answer(302, "")).kind, MediaStep::Kind::failed);
  EXPECT_EQ(tw->media_answer(0, answer(302, "", {{"location", "/relative"}})).kind,
            MediaStep::Kind::failed);
  EXPECT_EQ(tw->media_answer(0, answer(302, "", {{"location", "http://cdn/x"}})).kind,
            MediaStep::Kind::failed);
  EXPECT_EQ(tw->media_answer(5, answer(302, "", {{"location", "https://cdn/x"}})).kind,
            MediaStep::Kind::failed);
}

TEST(TwilioMedia, NeverSendsTheCredentialsToAnotherHost) {
  auto tw = twilio("https://api.twilio.com");
  EXPECT_TRUE(tw->media_call("https://api.twilio.com/2010-04-01/Accounts/AC1/Media/ME1"));
  for (const std::string url :
       {"https://evil.example/2010-04-01/Accounts/AC1/Media/ME1",
        "https://api.twilio.com.evil.example/2010-04-01/Media/ME1",
        "https://api.twilio.com@evil.example/x", "http://api.twilio.com/2010-04-01/Media/ME1",
        "https://api.twilio.com", ""})
    EXPECT_FALSE(tw->media_call(url)) << url;
}

TEST(TwilioMedia, RefusesWithoutCredentials) {
  TwilioConfig c;
  c.api_base = "http://tw";
  c.account_sid = "AC1";
  EXPECT_FALSE(make_twilio(c)->media_call("http://tw/2010-04-01/Accounts/AC1/Media/ME1"));
  c.account_sid = "";
  c.auth_token = "tok";
  EXPECT_FALSE(make_twilio(c)->media_call("http://tw/2010-04-01/Accounts/AC1/Media/ME1"));
}

// --- GREEN-API and Maytapi -------------------------------------------------

TEST(GreenApiMedia, FetchesTheDownloadUrlWithoutCredentials) {
  GreenApiConfig c;
  c.instance_id = "1101";
  c.token = "gtok";
  auto g = make_greenapi(c);
  const std::string url = "https://sw-media-out.storage.greenapi.net/1101/abc.oga";
  auto call = g->media_call(url);
  ASSERT_TRUE(call);
  EXPECT_EQ(call->method, "GET");
  EXPECT_EQ(call->url, url);
  EXPECT_TRUE(call->headers.empty());
  EXPECT_TRUE(call->basic_auth.empty());
  EXPECT_EQ(g->media_answer(0, answer(200, "OggS")).kind, MediaStep::Kind::file);
  EXPECT_EQ(g->media_answer(0, answer(403, "")).kind, MediaStep::Kind::failed);
  EXPECT_FALSE(g->media_call("http://media.example/abc.oga"));  // the API is https
  EXPECT_FALSE(g->media_call("file:///etc/passwd"));
  EXPECT_FALSE(g->media_call(""));
  c.api_base = "http://green";
  EXPECT_TRUE(make_greenapi(c)->media_call("http://green/media/abc.oga"));
}

TEST(MaytapiMedia, FetchesTheMessagesUrlWithoutCredentials) {
  MaytapiConfig c;
  c.product_id = "prod";
  c.phone_id = "123";
  c.token = "mkey";
  auto m = make_maytapi(c);
  const std::string url = "https://cdnydm.com/wh/abc.jpeg";
  auto call = m->media_call(url);
  ASSERT_TRUE(call);
  EXPECT_EQ(call->method, "GET");
  EXPECT_EQ(call->url, url);
  EXPECT_TRUE(call->headers.empty());
  EXPECT_EQ(m->media_answer(0, answer(200, "\xFF\xD8")).kind, MediaStep::Kind::file);
  EXPECT_FALSE(m->media_call("http://cdn.example/abc.jpeg"));
  EXPECT_FALSE(m->media_call("https://cdn.example/a b.jpeg"));
  c.api_base = "http://may/api";
  EXPECT_TRUE(make_maytapi(c)->media_call("http://may/media/abc.jpeg"));
}

// --- Language hints -----------------------------------------------------

TEST(LanguageHints, TelegramReadsTheSendersLanguageCode) {
  auto t = make_telegram({"T0K", "", "http://tg"});
  auto voice = t->parse(body(R"({"update_id":904,"message":{"message_id":9,"date":1700000000,
    "chat":{"id":4242,"type":"private","first_name":"Иван"},
    "from":{"id":4242,"is_bot":false,"first_name":"Иван","language_code":"ru"},
    "voice":{"file_id":"AwACAgIAAxkBAAIB","file_unique_id":"AgADx","duration":3,
    "mime_type":"audio/ogg","file_size":4000}}})"));
  ASSERT_EQ(voice.webhook.messages.size(), 1u);
  EXPECT_EQ(voice.webhook.messages[0].language_hint, "ru");
  EXPECT_EQ(voice.webhook.messages[0].attachment, "AwACAgIAAxkBAAIB");
  auto latam = t->parse(body(
      R"({"update_id":905,"message":{"chat":{"id":1},"from":{"id":1,"language_code":"es-419"},"text":"hola"}})"));
  EXPECT_EQ(latam.webhook.messages[0].language_hint, "es");
  auto german = t->parse(body(
      R"({"update_id":906,"message":{"chat":{"id":1},"from":{"id":1,"language_code":"de"},"text":"hallo"}})"));
  EXPECT_EQ(german.webhook.messages[0].language_hint, "");
  auto none = t->parse(body(R"({"update_id":907,"message":{"chat":{"id":1},"text":"hi"}})"));
  EXPECT_EQ(none.webhook.messages[0].language_hint, "");
}

TEST(LanguageHints, WhatsAppCloudReadsTheSendersCountry) {
  auto wa = make_whatsapp({});
  auto r = wa->parse(body(
      R"({"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
    "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"PN"},
    "contacts":[{"profile":{"name":"Budi"},"wa_id":"6281234567890"},{"profile":{"name":"Ana"},"wa_id":"5215512345678"}],
    "messages":[
      {"from":"6281234567890","id":"wamid.A","timestamp":"1700000000","type":"audio","audio":{"mime_type":"audio/ogg; codecs=opus","sha256":"x","id":"1234567890","voice":true}},
      {"from":"5215512345678","id":"wamid.B","timestamp":"1700000001","type":"image","image":{"id":"987","mime_type":"image/jpeg"}},
      {"from":"4915112345678","id":"wamid.C","timestamp":"1700000002","type":"text","text":{"body":"hallo"}}]}}]}]})"));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.webhook.messages.size(), 3u);
  EXPECT_EQ(r.webhook.messages[0].language_hint, "id");
  EXPECT_EQ(r.webhook.messages[1].language_hint, "es");
  EXPECT_EQ(r.webhook.messages[2].language_hint, "");
}

TEST(LanguageHints, TwilioReadsTheCountryOfFrom) {
  auto tw = make_twilio({});
  auto voice = tw->parse(body(encode_form({{"SmsMessageSid", "MM1"},
                                           {"MessageSid", "MM1"},
                                           {"AccountSid", "AC1"},
                                           {"From", "whatsapp:+79161234567"},
                                           {"To", "whatsapp:+14155238886"},
                                           {"Body", ""},
                                           {"NumMedia", "1"},
                                           {"MediaContentType0", "audio/ogg"},
                                           {"MediaUrl0",
                                            "https://api.twilio.com/2010-04-01/"
                                            "Accounts/AC1/Messages/MM1/Media/ME1"},
                                           {"ProfileName", "Ivan"},
                                           {"WaId", "79161234567"}})));
  ASSERT_EQ(voice.webhook.messages.size(), 1u);
  EXPECT_EQ(voice.webhook.messages[0].kind, "voice");
  EXPECT_EQ(voice.webhook.messages[0].language_hint, "ru");
  auto us = tw->parse(body(
      encode_form({{"MessageSid", "SM2"}, {"From", "whatsapp:+14155550123"}, {"Body", "hi"}})));
  EXPECT_EQ(us.webhook.messages[0].language_hint, "en");
}

TEST(LanguageHints, GreenApiAndMaytapiReadTheChatsCountry) {
  auto g = make_greenapi({});
  auto r = g->parse(body(R"({"typeWebhook":"incomingMessageReceived","idMessage":"F7AE",
    "timestamp":1700000000,"senderData":{"chatId":"79001234567@c.us","sender":"79001234567@c.us",
    "senderName":"Ivan"},"messageData":{"typeMessage":"audioMessage","fileMessageData":{
    "downloadUrl":"https://sw-media-out.storage.greenapi.net/1101/a.oga","mimeType":"audio/ogg"}}})"));
  ASSERT_EQ(r.webhook.messages.size(), 1u);
  EXPECT_EQ(r.webhook.messages[0].language_hint, "ru");
  auto m = make_maytapi({});
  auto my = m->parse(body(R"({"product_id":"prod","phone_id":123,"type":"message",
    "message":{"type":"ptt","url":"https://cdnydm.com/wh/a.oga","fromMe":false,"id":"MSG1"},
    "user":{"id":"6281234567890@c.us","name":"Budi","phone":"6281234567890"},
    "conversation":"6281234567890@c.us","timestamp":1700000000})"));
  ASSERT_EQ(my.webhook.messages.size(), 1u);
  EXPECT_EQ(my.webhook.messages[0].language_hint, "id");
  auto by_conversation = m->parse(body(R"({"type":"message",
    "message":{"type":"text","text":"hola","id":"MSG2"},"conversation":"34600111222@c.us"})"));
  ASSERT_EQ(by_conversation.webhook.messages.size(), 1u);
  EXPECT_EQ(by_conversation.webhook.messages[0].language_hint, "es");
}

}  // namespace
}  // namespace parley::channels
