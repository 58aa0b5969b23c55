// Understanding: the pieces (numbers, dates, contacts, language) and the
// whole, scored on the shared labelled examples.
#include "brain/nlu.hpp"

#include <gtest/gtest.h>

#include <tuple>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "brain/nlu_corpus.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/text.hpp"

namespace parley::brain {
namespace {

using namespace nlu;

LocalNow sunday_10am() {
  LocalNow now;
  EXPECT_TRUE(parse_now("2026-11-22T10:00:00+05:30", &now));  // a Sunday
  return now;
}

std::string when(const std::string& text) {
  return resolve_datetime(tokenize_message(text), sunday_10am());
}

// Issue 17, item 2: typo correction hashed every deletion of a word, so a
// word of L letters cost L² (a 1 MiB word ran for minutes; this test hit the
// ctest timeout). The edge caps texts at 16 KiB; understanding itself must
// still finish on anything it is given.
TEST(NluLimits, AMebibyteWordIsUnderstoodInOnePass) {
  const LocalNow now{2026, 11, 22, 10, 0, 0};
  // Nonsense is out of scope, or a guess so unsure that the bot asks
  // rather than acts (the trained model puts "x, x, x, …" at about 0.23).
  for (const std::string unit : {"a", "a-", "x,", "ab1", "я"}) {
    std::string text;
    while (text.size() < (1u << 20)) text += unit;
    const auto u = understand(text, now);
    EXPECT_TRUE(u.intent == "out_of_scope" || u.confidence < kAskBelowConfidence)
        << unit << ": " << u.intent << " " << u.confidence;
  }
}

// Found by fuzz/understand (_GLIBCXX_ASSERTIONS: back() on an empty string in
// cart_slots): the tokenizer read "\xD0\xFB" as the letter "л" without checking
// the continuation byte, while fold() drops both bytes, so the word's folded
// form was empty. Such bytes arrive: a Twilio form body is percent-decoded, and
// Engine::chat understands a text before the conversation refuses bad UTF-8.
TEST(NluTokens, BytesThatAreNotUtf8NeverMakeAnEmptyWord) {
  using namespace std::string_literals;  // the fuzzer's input holds NUL bytes
  const std::string found = "5\xFF\xD0\x00\x00\xD0\xFB\xFF"s + "1th";
  for (const std::string& text : {"Acme \xD0\xFB"s, "Add Acme \xD0\xFB\xFF"s + "1th", found}) {
    for (const auto& t : tokenize_message(text).t)
      EXPECT_FALSE(t.folded.empty()) << "a token at byte " << t.begin << " of " << text;
    understand(text, sunday_10am());
  }
}

TEST(NluNumbers, CardinalsAndOrdinalsInFiveLanguages) {
  for (auto [w, v] : std::vector<std::pair<const char*, int>>{
           {"three", 3}, {"tres", 3}, {"три", 3}, {"tiga", 3}, {"teen", 3}, {"तीन", 3}, {"12", 12}})
    EXPECT_EQ(cardinal(fold(w)), v) << w;
  for (auto [w, v] : std::vector<std::pair<const char*, int>>{{"2nd", 2},
                                                              {"second", 2},
                                                              {"segundo", 2},
                                                              {"второго", 2},
                                                              {"третьего", 3},
                                                              {"kedua", 2},
                                                              {"dusre", 2},
                                                              {"दूसरा", 2},
                                                              {"तीसरे", 3},
                                                              {"1st", 1},
                                                              {"первый", 1},
                                                              {"пятую", 5},
                                                              {"десятую", 10},
                                                              {"tenth", 10},
                                                              {"kesepuluh", 10},
                                                              {"दसवीं", 10}})
    EXPECT_EQ(ordinal(fold(w)), v) << w;
  EXPECT_FALSE(ordinal("pyatnica").has_value());
  EXPECT_FALSE(ordinal(fold("пя")).has_value()) << "shorter than every prefix";
  EXPECT_FALSE(ordinal("").has_value());
  EXPECT_FALSE(cardinal("screw").has_value());
}

TEST(NluDatetime, LocalNowFromEpochAndOffset) {
  auto n = local_now(1795341600000000, 0);  // 2026-11-22T10:00:00Z
  EXPECT_EQ(std::make_tuple(n.year, n.month, n.day, n.hour, n.minute),
            std::make_tuple(2026, 11, 22, 10, 0));
  n = local_now(1795341600000000, 330);  // +05:30
  EXPECT_EQ(std::make_tuple(n.day, n.hour, n.minute), std::make_tuple(22, 15, 30));
  n = local_now(1795341600000000, -720);  // -12:00, the day before
  EXPECT_EQ(std::make_tuple(n.day, n.hour, n.minute), std::make_tuple(21, 22, 0));
}

TEST(NluDatetime, RelativeDaysWeekdaysAndDates) {
  EXPECT_EQ(when("tomorrow 3pm"), "2026-11-23T15:00");
  EXPECT_EQ(when("next wednesday at 3"), "2026-11-25T15:00");  // Sunday -> coming Wednesday
  EXPECT_EQ(when("on 25 Nov 11am"), "2026-11-25T11:00");
  EXPECT_EQ(when("mañana a las 5"), "2026-11-23T17:00");
  EXPECT_EQ(when("el viernes a las 5 de la tarde"), "2026-11-27T17:00");
  EXPECT_EQ(when("al 1 de diciembre a las 16:00"), "2026-12-01T16:00");
  EXPECT_EQ(when("послезавтра в 11"), "2026-11-24T11:00");
  EXPECT_EQ(when("на 28 ноября 10:30"), "2026-11-28T10:30");
  EXPECT_EQ(when("в пятницу в 4 часа дня"), "2026-11-27T16:00");
  EXPECT_EQ(when("besok jam 3 sore"), "2026-11-23T15:00");
  EXPECT_EQ(when("besok jam 1 siang"), "2026-11-23T13:00");
  EXPECT_EQ(when("Senin jam 9 pagi"), "2026-11-23T09:00");
  EXPECT_EQ(when("tanggal 28 Nov jam 10.30"), "2026-11-28T10:30");
  EXPECT_EQ(when("parso 4 baje"), "2026-11-24T16:00");
  EXPECT_EQ(when("kal saade 4 baje"), "2026-11-23T16:30");
  EXPECT_EQ(when("कल सुबह 10 बजे"), "2026-11-23T10:00");
  EXPECT_EQ(when("सोमवार शाम 6 बजे"), "2026-11-23T18:00");
  EXPECT_EQ(when("25 Jan 9am"), "2027-01-25T09:00");  // a past date is next year's
  EXPECT_EQ(when("nothing about time here"), "");
}

TEST(NluContacts, PhonesAndEmails) {
  EXPECT_EQ(find_phone("call +91 98765-43210 now"), "+919876543210");
  EXPECT_EQ(find_phone("8 912 000 11 22"), "89120001122");
  EXPECT_EQ(find_phone("0812-3456-7890"), "081234567890");
  EXPECT_EQ(find_phone("order 48213 and 10 000 rub"), "");
  EXPECT_EQ(find_email("mail: Priya.K@Gmail.com."), "priya.k@gmail.com");
  EXPECT_EQ(find_email("no email @ all"), "");
}

TEST(NluLanguage, ScriptAndMarkerWords) {
  auto lang = [](const char* t) { return detect_language(tokenize_message(t)); };
  EXPECT_EQ(lang("где мой заказ"), "ru");
  EXPECT_EQ(lang("मेरा ऑर्डर कब आएगा"), "hi");
  EXPECT_EQ(lang("dónde está mi pedido"), "es");
  EXPECT_EQ(lang("pesanan saya sudah sampai mana"), "id");
  EXPECT_EQ(lang("mera order kahan pahuncha"), "hi");
  EXPECT_EQ(lang("where is my order"), "en");
  // "¿" and "¡" are Spanish alone, whatever the words ("puedo", "devolver" are
  // in no marker list): this question was read as English.
  EXPECT_EQ(lang("¿puedo devolver un producto?"), "es");
  EXPECT_EQ(lang("¡genial!"), "es");
}

TEST(Nlu, EmptyOrUnknownIsOutOfScope) {
  EXPECT_EQ(understand("", sunday_10am()).intent, "out_of_scope");
  EXPECT_EQ(understand("   !!! ", sunday_10am()).intent, "out_of_scope");
  EXPECT_EQ(understand("tell me a joke", sunday_10am()).intent, "out_of_scope");
}

TEST(Nlu, FrequentTyposAreCorrectedButNotTimeWords) {
  EXPECT_EQ(understand("chekout pls", sunday_10am()).intent, "checkout");
  EXPECT_EQ(understand("emtpy my cart", sunday_10am()).intent, "clear_cart");
  EXPECT_EQ(understand("thnaks", sunday_10am()).intent, "thanks");
  auto u = understand("remvoe the second one", sunday_10am());
  EXPECT_EQ(u.intent, "remove_from_cart");
  EXPECT_EQ(u.number_slots["ordinal"], 2);
  // "subah" (morning) is one edit from "sudah" (done) and must stay a time word.
  u = understand("Gupta Electronics se meeting fix karo shukravar subah 11 baje", sunday_10am());
  EXPECT_EQ(u.intent, "meeting_schedule");
  EXPECT_EQ(u.text_slots["datetime"], "2026-11-27T11:00");
}

TEST(Nlu, KnownWordsAreNeverCorrected) {
  // "where" is one edit from "there"; both are words understanding knows.
  EXPECT_EQ(understand("where is my order", sunday_10am()).intent, "order_status");
}

TEST(Nlu, PhrasingsBeyondTheDevelopmentExamples) {
  struct Case {
    const char* text;
    const char* intent;
  };
  for (auto c : std::vector<Case>{{"is the third one still available?", "product_info"},
                                  {"where's my package #77812", "order_status"},
                                  {"tengo que hablar con alguien de soporte", "human_handoff"},
                                  {"quiero tres del primero", "add_to_cart"},
                                  {"I'd like 4 of the blue ones", "add_to_cart"},
                                  {"удали второй из корзины", "remove_from_cart"},
                                  {"tolong hapus semua isi keranjang", "clear_cart"},
                                  {"teesra wala hata do", "remove_from_cart"}})
    EXPECT_EQ(understand(c.text, sunday_10am()).intent, c.intent) << c.text;
  auto u = understand("can you show me cheap sunglasses below 40", sunday_10am());
  EXPECT_EQ(u.text_slots["query"], "sunglasses");
  EXPECT_EQ(u.number_slots["price_max"], 40);
  u = understand("Schedule a meeting with Wayne Enterprises on Friday at 2pm", sunday_10am());
  EXPECT_EQ(u.text_slots["company"], "Wayne Enterprises");
  EXPECT_EQ(u.text_slots["datetime"], "2026-11-27T14:00");
}

TEST(Nlu, SlotsKeepTheWordsAsTyped) {
  auto u = understand("put 3 of the second one in my cart", sunday_10am());
  EXPECT_EQ(u.intent, "add_to_cart");
  EXPECT_EQ(u.number_slots["quantity"], 3);
  EXPECT_EQ(u.number_slots["ordinal"], 2);
  u = understand("Новый лид: ООО Вектор, Иван Смирнов, +7 903 555-12-34", sunday_10am());
  EXPECT_EQ(u.intent, "lead_create");
  EXPECT_EQ(u.text_slots["company"], "ООО Вектор");  // multi-byte text is never clipped
  EXPECT_EQ(u.text_slots["contact_name"], "Иван Смирнов");
  EXPECT_EQ(u.text_slots["phone"], "+79035551234");
}

// The development examples (a copy of ../shared/nlu/examples.jsonl), scored
// as ../shared/nlu/score.py scores them. The rules were written against these
// sentences and the model never trains on them.
TEST(NluQuality, DevelopmentExamplesReachTheTargets) {
  corpus::Score score;
  for (const auto& e : corpus::load(PARLEY_NLU_EXAMPLES)) {
    LocalNow now;
    ASSERT_TRUE(parse_now(e.now, &now));
    score.add(e, understand(e.text, now));
  }
  std::printf("%s", score.report("nlu development examples").c_str());
  EXPECT_GE(score.overall().intent_accuracy(), 0.95);
  EXPECT_GE(score.overall().slot_f1(), 0.90);
}

}  // namespace
}  // namespace parley::brain
