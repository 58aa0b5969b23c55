#include "brain/nlu_rules.hpp"

#include <algorithm>
#include <set>

#include "brain/lexicon.hpp"
#include "brain/nlu.hpp"
#include "brain/nlu_cues.hpp"
#include "brain/nlu_slots.hpp"

namespace parley::brain {

using namespace nlu;

std::string detect_language(const Tokens& tk, bool* certain) {
  if (certain) *certain = true;
  size_t deva = 0, cyr = 0;
  for (const auto& t : tk.t) {
    auto c = static_cast<unsigned char>(t.folded.empty() ? 0 : t.folded[0]);
    if (c == 0xE0) ++deva;  // U+0900..U+097F start with 0xE0 0xA4/0xA5
    if (c == 0xD0 || c == 0xD1) ++cyr;
  }
  if (deva > 0 && deva >= cyr) return "hi";
  if (cyr > 0) return "ru";
  // Only Spanish opens a question or an exclamation upside down.
  if (tk.text.find("\xC2\xBF") != std::string::npos ||
      tk.text.find("\xC2\xA1") != std::string::npos)
    return "es";
  static const std::set<std::string> es = {
      "el",      "la",       "los",     "las",     "de",         "del",     "que",      "quiero",
      "para",    "con",      "mi",      "mis",     "por",        "una",     "es",       "hola",
      "gracias", "carrito",  "pedido",  "busco",   "tienen",     "como",    "si",       "hasta",
      "muchas",  "reunion",  "manana",  "esta",    "donde",      "pago",    "y",        "al",
      "en",      "lo",       "tengo",   "cuanto",  "buenas",     "chao",    "dale",     "nel",
      "pasame",  "hablar",   "persona", "porfa",   "agrega",     "pon",     "quita",    "elimina",
      "vacia",   "borra",    "todo",    "llevo",   "hay",        "eso",     "mejor",    "sean",
      "cambia",  "cantidad", "primero", "segundo", "tercero",    "envialo", "me",       "llamo",
      "correo",  "cel",      "grax",    "nos",     "vemos",      "tareas",  "hoy",      "actividad",
      "nuevo",   "crear",    "fuente",  "asignar", "calificado", "marca",   "reasigna", "historial",
      "agenda",  "mueve",    "viernes", "lunes",   "jueves",     "menos",   "entre",    "desde",
      "talla",   "categoria"};
  static const std::set<std::string> id = {
      "yang",      "dan",     "saya",      "aku",       "ke",        "di",      "dari",
      "untuk",     "dengan",  "sama",      "kak",       "dong",      "aja",     "mau",
      "ada",       "apa",     "ini",       "itu",       "berapa",    "sudah",   "belum",
      "keranjang", "pesanan", "minta",     "tolong",    "bisa",      "gak",     "nggak",
      "iya",       "halo",    "terima",    "kasih",     "makasih",   "selamat", "jadwalkan",
      "besok",     "lusa",    "jam",       "hari",      "baru",      "buat",    "tambah",
      "hapus",     "lihat",   "cari",      "harga",     "ukuran",    "jadi",    "ubah",
      "jumlah",    "kirim",   "nama",      "pagi",      "sore",      "siang",   "deh",
      "kok",       "gimana",  "cara",      "bayar",     "tidak",     "oke",     "betul",
      "lanjut",    "sampai",  "jumpa",     "tambahin",  "masukin",   "ambil",   "buang",
      "kosongkan", "semua",   "isi",       "tugas",     "kerjaan",   "daftar",  "tampilkan",
      "riwayat",   "tandai",  "catat",     "aktivitas", "sumber",    "kontak",  "selesai",
      "mereka",    "atur",    "pertemuan", "undur",     "pindahkan", "tanggal", "bawah",
      "ribu",      "rb",      "kemeja",    "sepatu",    "tas",       "pria",    "produk"};
  static const std::set<std::string> hi = {
      "hai",     "hain",   "kya",   "ka",       "ki",      "ke",     "ko",    "se",
      "mein",    "me",     "mera",  "mere",     "meri",    "karo",   "kar",   "dikhao",
      "chahiye", "bhai",   "ji",    "wala",     "wali",    "wale",   "nahi",  "haan",
      "kal",     "parso",  "baje",  "aaj",      "liye",    "saath",  "gaya",  "gayi",
      "ho",      "yaar",   "bhej",  "batao",    "kaise",   "kahan",  "theek", "shukriya",
      "namaste", "insaan", "baat",  "de",       "do",      "daal",   "hata",  "khaali",
      "sirf",    "pehla",  "pehle", "dusra",    "dusre",   "teen",   "kurte", "kurta",
      "neeli",   "laal",   "baare", "pahuncha", "mujhe",   "beech",  "kam",   "chalo",
      "rehne",   "karao",  "naam",  "subah",    "shaam",   "saade",  "rakh",  "shukravar",
      "aaya",    "pasand", "kiya",  "naya",     "dikhana", "deewar", "lagane"};
  static const std::set<std::string> en = {
      "the",      "a",       "is",       "my",      "i",       "you",   "to",     "for",
      "of",       "and",     "with",     "please",  "what",    "where", "show",   "add",
      "cart",     "order",   "want",     "need",    "looking", "have",  "can",    "it",
      "me",       "in",      "this",     "that",    "one",     "how",   "much",   "thanks",
      "thank",    "bye",     "yes",      "no",      "hi",      "hello", "good",   "morning",
      "see",      "take",    "send",     "link",    "payment", "pay",   "remove", "empty",
      "clear",    "change",  "make",     "instead", "tell",    "more",  "about",  "details",
      "schedule", "meeting", "tomorrow", "today",   "new",     "lead",  "done",   "move",
      "history",  "tasks",   "leads",    "update",  "assign",  "under", "above",  "between",
      "size"};
  // Words inside an e-mail address say nothing of the language
  // ("ana.de.la.cruz@mail.com" is not Spanish).
  const std::string email = find_email(tk.text);
  size_t email_begin = std::string::npos, email_end = 0;
  if (!email.empty()) {
    const auto at = tk.text.find('@');
    email_begin = at == std::string::npos ? 0 : tk.text.rfind(' ', at);
    email_begin = email_begin == std::string::npos ? 0 : email_begin;
    email_end = tk.text.find(' ', at);
    if (email_end == std::string::npos) email_end = tk.text.size();
  }
  int score_es = 0, score_id = 0, score_hi = 0, score_en = 0;
  size_t longest_marker = 0;
  for (const auto& t : tk.t) {
    if (t.kind != Token::word) continue;
    if (email_begin != std::string::npos && t.begin >= email_begin && t.end <= email_end) continue;
    const int es_hit = es.count(t.folded), id_hit = id.count(t.folded), hi_hit = hi.count(t.folded),
              en_hit = en.count(t.folded);
    score_es += es_hit;
    score_id += id_hit;
    score_hi += hi_hit;
    score_en += en_hit;
    if (es_hit + id_hit + hi_hit + en_hit > 0)
      longest_marker = std::max(longest_marker, t.folded.size());
  }
  int best = std::max({score_es, score_id, score_hi, score_en});
  // Clear evidence only: two marker words, or one of four letters or more
  // ("hola", "gracias"); "si", "me", "de", "ke" alone change nothing.
  if (certain && (best == 0 || (best == 1 && longest_marker < 4))) *certain = false;
  if (best == 0 || score_en == best) return "en";
  if (score_hi == best) return "hi";
  if (score_es == best) return "es";
  return "id";
}

namespace {

// Cue lists used by one rule each.
const Cues kHandOverLead = {"ko de", "de do", "pasa", "give", "to"};
const Cues kTalkTo = {"talk",     "speak",      "connect",    "hablar",   "pasame",
                      "позовите", "позови",     "поговорить", "соедини*", "ngomong",
                      "bicara",   "sambungkan", "baat",       "बात",      "chahiye",
                      "quiero",   "want",       "need",       "хочу"};
const Cues kOrderStatusPhrases = {"order status", "status pesanan", "статус заказа",
                                  "estado del pedido"};
const Cues kHindiMakeIt = {"kar do", "कर दो"};
const Cues kChangeQuantity = {"qty",     "quantity", "cantidad", "количеств*", "jumlah", "instead",
                              "make it", "mejor",    "solo",     "que sean",   "сделай", "jadi",
                              "sirf",    "ganti",    "ubah",     "измени*",    "поставь"};
const Cues kHello = {"hi", "hello", "hola", "halo", "привет", "namaste"};

bool has_number(const Tokens& tk) {
  for (const auto& t : tk.t)
    if (t.kind == Token::number) return true;
  for (size_t i = 0; i < tk.size(); ++i)
    if (tk.t[i].kind == Token::word && cardinal(tk.f(i)) && !light_verb_do(tk, i)) return true;
  return false;
}

bool has_ordinal(const Tokens& tk) {
  for (const auto& t : tk.t)
    if (t.kind != Token::punct && ordinal(t.folded)) return true;
  return false;
}

size_t word_count(const Tokens& tk) {
  size_t n = 0;
  for (const auto& t : tk.t) n += t.kind != Token::punct;
  return n;
}

// The CRM family: decided by the object (lead, meeting, demo) and the verb.
std::string crm_intent(const Tokens& tk) {
  const bool lead = has_cue(tk, cues::lead), meeting = has_cue(tk, cues::meeting),
             demo = has_cue(tk, cues::demo);
  if (has_cue(tk, cues::activity) && !meeting && !demo) return "activity_add";
  if (demo || meeting) {
    const std::string kind = demo ? "demo" : "meeting";
    if (has_cue(tk, cues::done) || tk.is(0, "met")) return kind + "_done";
    if (has_cue(tk, cues::reschedule)) return kind + "_reschedule";
    return kind + "_schedule";
  }
  if (has_cue(tk, cues::qualify)) return "lead_qualify";
  if (has_cue(tk, cues::history)) return "lead_history";
  if (has_cue(tk, cues::reassign) ||
      (lead &&
       (has_cue(tk, kHandOverLead) && !has_cue(tk, cues::new_word) && !has_cue(tk, cues::create))))
    return "lead_reassign";
  if (has_cue(tk, cues::turnover) || has_cue(tk, cues::current_system) ||
      has_cue(tk, cues::challenges) ||
      (has_cue(tk, cues::address_word) && !has_cue(tk, cues::details_address) &&
       has_cue(tk, cues::update)) ||
      (has_cue(tk, cues::address_word) && has_cue(tk, cues::update)))
    return "lead_update";
  if (lead) {
    if (has_cue(tk, cues::new_word) || has_cue(tk, cues::create) ||
        (tk.size() > 1 && tk.t[1].folded == ":") || find_phone(tk.text).size() ||
        find_email(tk.text).size())
      return "lead_create";
    if (has_cue(tk, cues::leads_plural) || has_cue(tk, cues::view)) return "leads_list";
  }
  if (has_cue(tk, cues::tasks)) return "tasks_list";
  if (has_cue(tk, cues::leads_plural) && has_cue(tk, cues::lead)) return "leads_list";
  return "";
}

std::string commerce_intent(const Tokens& tk) {
  const std::string text_phone = find_phone(tk.text), text_email = find_email(tk.text);
  if (has_cue(tk, cues::out_scope)) return "out_of_scope";
  if (!text_email.empty() || !text_phone.empty() || has_cue(tk, cues::details_name) ||
      has_cue(tk, cues::details_address))
    return "provide_details";
  if (has_cue(tk, cues::handoff) && (has_cue(tk, kTalkTo) || word_count(tk) <= 3))
    return "human_handoff";
  const bool pay = has_cue(tk, cues::pay), order = has_cue(tk, cues::order_word);
  if (pay && (has_cue(tk, cues::payment_link_word) || has_cue(tk, cues::how)))
    return "payment_link";
  if (order && has_cue(tk, cues::order_status) && !has_cue(tk, cues::checkout))
    return "order_status";
  if (has_cue(tk, kOrderStatusPhrases)) return "order_status";
  const bool cart = has_cue(tk, cues::cart);
  if ((has_cue(tk, cues::clear) && (cart || word_count(tk) <= 3)) ||
      (has_cue(tk, cues::remove) && has_cue(tk, cues::everything)))
    return "clear_cart";
  const bool add_verb = has_cue(tk, cues::add);
  if (cart && !add_verb &&
      (has_cue(tk, cues::view) || has_cue(tk, cues::what) || has_cue(tk, cues::total)))
    return "view_cart";
  const bool add = add_verb || has_cue(tk, cues::put_in);
  const bool strong_update = has_cue(tk, kChangeQuantity);
  if (strong_update && has_number(tk)) return "update_quantity";
  if (has_cue(tk, cues::remove)) return "remove_from_cart";
  if (add || has_cue(tk, cues::take)) return "add_to_cart";
  if (!add && has_number(tk) && has_cue(tk, kHindiMakeIt)) return "update_quantity";
  if (has_cue(tk, cues::checkout) && !has_cue(tk, cues::how)) return "checkout";
  if (cart && (has_cue(tk, cues::view) || has_cue(tk, cues::what) || has_cue(tk, cues::total) ||
               word_count(tk) <= 3))
    return "view_cart";
  if (has_cue(tk, cues::total) && word_count(tk) <= 5) return "view_cart";
  // "quiero tres del primero", "2 of the first": a quantity of a listed item.
  if (has_ordinal(tk) && has_number(tk) && !has_cue(tk, cues::product_info)) return "add_to_cart";
  if (has_cue(tk, cues::product_info) && !has_cue(tk, cues::search)) return "product_info";
  if (has_cue(tk, cues::product_info) && has_ordinal(tk)) return "product_info";
  return "";
}

// Greetings, thanks, yes and no: short messages with nothing else to do.
std::string social_intent(const Tokens& tk) {
  if (has_cue(tk, cues::thanks)) return "thanks";
  if (has_cue(tk, cues::goodbye)) return "goodbye";
  if (has_cue(tk, cues::deny) && word_count(tk) <= 6) return "deny";
  if (has_cue(tk, cues::affirm) && word_count(tk) <= 6 && !tk.is(0, "hai") && !has_cue(tk, kHello))
    return "affirm";
  if (has_cue(tk, cues::greet) && word_count(tk) <= 6) return "greet";
  return "";
}

bool shopping_words(const Tokens& tk) {
  for (const auto& t : tk.t)
    if (t.kind == Token::word && Lexicon::builtin().names_goods(t.folded)) return true;
  return false;
}

}  // namespace

RuleVerdict rule_intent(const Tokens& tk) {
  if (word_count(tk) == 0) return {"out_of_scope", 1.0};
  std::string intent = crm_intent(tk);
  double confidence = 0.9;
  if (intent.empty()) intent = commerce_intent(tk);
  if (intent.empty()) {
    if (has_cue(tk, cues::search) || has_cue(tk, cues::category) || shopping_words(tk) ||
        has_price(tk)) {
      // A greeting or thanks around a request still asks for products.
      std::string social = social_intent(tk);
      intent = (!social.empty() && word_count(tk) <= 2) ? social : "product_search";
      confidence = 0.75;
    } else {
      intent = social_intent(tk);
    }
  }
  if (intent.empty()) return {"out_of_scope", 0.5};
  return {intent, confidence};
}

}  // namespace parley::brain
