// The intent families that were weakest on the held-out set (issue 18), on
// sentences written for this test: none is in brain/data/nlu or in the
// development examples (each is checked below). A family may miss at most
// one sentence; the misses are printed. Plus ten common shopper messages in
// Devanagari, every one of which must be understood.
#include <gtest/gtest.h>

#include <fstream>

#include "brain/nlu.hpp"
#include "brain/nlu_corpus.hpp"

namespace parley::brain {
namespace {

const nlu::LocalNow kSunday{2026, 11, 22, 10, 0, 330};

// Every text the model or the rules were written from, folded.
const std::set<std::string>& seen_texts() {
  static const std::set<std::string> seen = [] {
    std::set<std::string> s;
    for (const auto& e : corpus::load(PARLEY_NLU_EXAMPLES))
      s.insert(corpus::slot_key("text", e.text));
    for (const auto& e : corpus::load_dir(PARLEY_NLU_CORPUS_DIR))
      s.insert(corpus::slot_key("text", e.text));
    return s;
  }();
  return seen;
}

void expect_family(const std::string& intent, const std::vector<std::string>& sentences,
                   size_t allowed_misses) {
  size_t misses = 0;
  for (const auto& s : sentences) {
    ASSERT_EQ(seen_texts().count(corpus::slot_key("text", s)), 0u) << "in a training file: " << s;
    const auto u = understand(s, kSunday);
    if (u.intent != intent) {
      ++misses;
      std::printf("  miss (%s): \"%s\" -> %s %.2f\n", intent.c_str(), s.c_str(), u.intent.c_str(),
                  u.confidence);
    }
  }
  EXPECT_LE(misses, allowed_misses) << intent;
}

TEST(NluFamilies, Closings) {
  expect_family(
      "goodbye",
      {"ok that's everything for today, cheers", "listo, eso era todo, nos hablamos",
       "ладно, я пошёл, до связи", "udah itu aja kak, dadah", "chalo bye, baad mein milte hain"},
      1);
}

TEST(NluFamilies, Reassignment) {
  expect_family(
      "lead_reassign",
      {"hand the Bluewave Logistics account over to Neha from now on",
       "que Patricia se encargue de Hotel Mirador a partir de hoy",
       "клиента Северный Ветер теперь ведёт Олег", "Bluewave Logistics ab Kiran sambhalega"},
      1);
}

TEST(NluFamilies, LeadHistory) {
  expect_family("lead_history",
                {"what's happened so far with Bluewave Logistics?",
                 "qué hemos hecho con Hotel Mirador hasta ahora",
                 "покажи всю историю по Северный Ветер", "riwayat PT Sinar Abadi dong"},
                1);
}

TEST(NluFamilies, QuestionsAboutAShownProduct) {
  expect_family("product_info",
                {"does the third one come with a warranty?", "el segundo es impermeable?",
                 "а из чего сделан первый?", "yang pertama bahannya apa kak"},
                1);
}

TEST(NluFamilies, OrderStatusToldAsAComplaint) {
  expect_family("order_status",
                {"it's been two weeks and my parcel never showed up",
                 "ya pasó una semana y mi paquete no llega", "заказ так и не пришёл, где он вообще",
                 "paket saya kok belum nyampe juga ya", "mera parcel abhi tak nahi aaya"},
                1);
}

TEST(NluFamilies, MeetingOutcomes) {
  expect_family("meeting_done",
                {"met with Bluewave Logistics today, they want a quote by Friday",
                 "ya tuvimos la reunión con Hotel Mirador, piden descuento",
                 "встретились с Северный Ветер, просят коммерческое"},
                1);
}

TEST(NluFamilies, QuantityChanges) {
  expect_family("update_quantity",
                {"actually make that 5 instead of 2", "mejor ponme 3 de esos",
                 "поменяй количество на 4", "jumlahnya jadi 6 aja"},
                1);
}

TEST(NluFamilies, Checkout) {
  expect_family("checkout",
                {"alright I'm ready to pay now", "ya está, quiero finalizar la compra",
                 "давайте оформлять", "oke lanjut ke pembayaran"},
                1);
}

TEST(NluFamilies, AskingForAPerson) {
  expect_family(
      "human_handoff",
      {"this bot isn't helping, get me a real person", "quiero que me atienda alguien de verdad",
       "можно живого оператора?", "bisa ngobrol sama admin langsung?"},
      1);
}

TEST(NluFamilies, TaskLists) {
  expect_family("tasks_list",
                {"anything on my calendar today?", "qué tengo pendiente hoy",
                 "какие у меня дела на сегодня", "aaj mera schedule kya hai"},
                1);
}

TEST(NluFamilies, TenShopperMessagesInDevanagari) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"नमस्ते भैया", "greet"},
      {"मुझे ऑफिस के लिए काला बैग चाहिए", "product_search"},
      {"तैलीय त्वचा के लिए सनस्क्रीन दिखाओ", "product_search"},
      {"दूसरा वाला कार्ट में डाल दो", "add_to_cart"},
      {"पहला वाला कार्ट से हटा दो", "remove_from_cart"},
      {"मेरे कार्ट में क्या है", "view_cart"},
      {"ऑर्डर कर दो", "checkout"},
      {"मेरा पार्सल अब तक क्यों नहीं पहुँचा", "order_status"},
      {"किसी इंसान से बात करवाओ", "human_handoff"},
      {"आपका बहुत शुक्रिया जी", "thanks"}};
  for (const auto& [text, intent] : cases) {
    ASSERT_EQ(seen_texts().count(corpus::slot_key("text", text)), 0u) << text;
    const auto u = understand(text, kSunday);
    EXPECT_EQ(u.intent, intent) << text;
    EXPECT_EQ(u.language, "hi") << text;
  }
  // "डाल दो" is "put it in", not two of them.
  EXPECT_EQ(understand("दूसरा वाला कार्ट में डाल दो", kSunday).number_slots.count("quantity"), 0u);
}

}  // namespace
}  // namespace parley::brain
