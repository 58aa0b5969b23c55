// The words understanding knows as cues, and typo correction against them.
#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

#include "brain/lexicon.hpp"
#include "brain/nlu_cues.hpp"
#include "brain/nlu_internal.hpp"
#include "brain/nlu_numbers.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/romanize.hpp"
#include "brain/text.hpp"

namespace parley::brain::nlu {

const std::set<std::string>& function_words() {
  static const std::set<std::string> s = [] {
    std::set<std::string> out;
    for (const char* w :
         {"the",       "a",       "an",       "of",       "those",   "these",     "this",
          "that",      "one",     "ones",     "item",     "items",   "in",        "my",
          "to",        "from",    "it",       "its",      "me",      "i",         "i'll",
          "ill",       "please",  "pls",      "the",      "el",      "la",        "los",
          "las",       "un",      "una",      "del",      "al",      "en",        "mi",
          "mis",       "lo",      "le",       "porfa",    "de",      "y",         "в",
          "из",        "с",       "у",        "мне",      "мой",     "мою",       "мои",
          "мою",       "штук",    "штуки",    "штуку",    "товар",   "yang",      "dari",
          "ke",        "di",      "ini",      "itu",      "nya",     "kak",       "dong",
          "aja",       "deh",     "se",       "me",       "mein",    "ka",        "ki",
          "ke",        "ko",      "wala",     "wale",     "wali",    "do",        "de",
          "bhai",      "ji",      "hai",      "hain",     "kya",     "karo",      "kar",
          "wale",      "वाला",    "वाले",      "वाली",     "में",       "से",         "को",
          "का",        "की",      "के",        "है",        "do",      "pieces",    "piece",
          "pcs",       "qty",     "quantity", "cantidad", "jumlah",  "count",     "number",
          "about",     "more",    "tell",     "whats",    "what's",  "what",      "is",
          "que",       "sobre",   "про",      "о",        "об",      "подробнее", "untuk",
          "apa",       "lebih",   "lanjut",   "info",     "baare",   "bare",      "batao",
          "बताओ",      "बारे",     "details",  "detail",   "डिटेल्स",   "material",  "fabric",
          "kaisa",     "ткань",   "bahannya", "instead",  "make",    "change",    "update",
          "set",       "to",      "a",        "на",       "jadi",    "ganti",     "ubah",
          "solo",      "mejor",   "sean",     "sirf",     "only",    "just",      "any",
          "some",      "u",       "you",      "have",     "do",      "hay",       "tienen",
          "tienes",    "есть",    "ada",      "mau",      "lihat",   "quiero",    "ver",
          "kaam",      "sab",     "cart",     "carrito",  "корзину", "корзины",   "корзине",
          "keranjang", "कार्ट",    "bag",      "basket",   "now",     "ya",        "pe",
          "par",       "पर",      "और",       "and",      "or",      "o",         "и",
          "dan",       "atau",    "aur",      "mujhe",    "muje",    "mera",      "meri",
          "mere",      "saya",    "aku",      "i'm",      "im",      "want",      "need",
          "looking",   "for",     "show",     "ищу",      "нужен",   "нужна",     "necesito",
          "quiero",    "busco",   "butuh",    "perlu",    "cari",    "chahiye",   "nuzhen",
          "can",       "could",   "would",    "cheap",    "cheaper", "good",      "nice",
          "best",      "like",    "i'd",      "id",       "please",  "barato",    "baratos",
          "baratas",   "дешевые", "дешёвые",  "murah",    "sasta",   "saste",     "ones"})
      out.insert(fold(w));
    return out;
  }();
  return s;
}

bool light_verb_do(const Tokens& tk, size_t i) {
  static const std::set<std::string> verbs = {"kar",  "hata",  "de",  "daal",   "dal",    "bhej",
                                              "rakh", "bata",  "le",  "chala",  "nikal",  "badal",
                                              "laga", "dikha", "add", "remove", "cancel", "place"};
  // The verb before in either script: "डाल दो" reads as "dal do".
  return (tk.f(i) == "do" || tk.f(i) == "दो") && i > 0 &&
         verbs.count(romanize_devanagari(tk.f(i - 1))) > 0;
}

std::string trim_slot(std::string s) {
  static const char* const kMulti[] = {"\u2013", "\u2014", "\u0964"};
  const std::string ascii = " \t\n,.;:!?-\"'";
  for (bool changed = true; changed;) {
    changed = false;
    while (!s.empty() && ascii.find(s.front()) != std::string::npos) s.erase(0, 1), changed = true;
    while (!s.empty() && ascii.find(s.back()) != std::string::npos) s.pop_back(), changed = true;
    for (const char* m : kMulti) {
      std::string sep = m;
      if (s.size() >= sep.size() && s.compare(0, sep.size(), sep) == 0)
        s.erase(0, sep.size()), changed = true;
      if (s.size() >= sep.size() && s.compare(s.size() - sep.size(), sep.size(), sep) == 0)
        s.resize(s.size() - sep.size()), changed = true;
    }
  }
  return s;
}

namespace {

const std::set<std::string>& cue_vocabulary() {
  static const std::set<std::string> words = [] {
    std::set<std::string> out;
    for (const Cues* c : {&cues::greet,      &cues::goodbye,       &cues::thanks,
                          &cues::affirm,     &cues::deny,          &cues::handoff,
                          &cues::order_word, &cues::pay,           &cues::payment_link_word,
                          &cues::checkout,   &cues::cart,          &cues::clear,
                          &cues::everything, &cues::view,          &cues::total,
                          &cues::remove,     &cues::add,           &cues::put_in,
                          &cues::take,       &cues::quantity_word, &cues::product_info,
                          &cues::search,     &cues::category,      &cues::lead,
                          &cues::new_word,   &cues::create,        &cues::qualify,
                          &cues::reassign,   &cues::meeting,       &cues::demo,
                          &cues::done,       &cues::reschedule,    &cues::schedule,
                          &cues::activity,   &cues::history,       &cues::tasks,
                          &cues::update,     &cues::filler,        &cues::assign,
                          &cues::contact,    &cues::source})
      for (const auto& item : c->items) {
        std::istringstream parts(item);
        for (std::string part; parts >> part;) out.insert(part);
      }
    return out;
  }();
  return words;
}

}  // namespace

bool is_cue_word(const std::string& w) {
  const auto& words = cue_vocabulary();
  // Prefix cues sorted, looked up by each prefix of the word ("tambah*"
  // covers "tambahin"): the tagger asks this of every token.
  static const std::vector<std::string> prefixes = [&words] {
    std::vector<std::string> out;
    for (const auto& cue : words)
      if (cue.size() > 2 && cue.back() == '*') out.push_back(cue.substr(0, cue.size() - 1));
    std::sort(out.begin(), out.end());
    return out;
  }();
  static const size_t longest = [] {
    size_t n = 0;
    for (const auto& p : prefixes) n = std::max(n, p.size());
    return n;
  }();
  if (words.count(w)) return true;
  const std::string_view v(w);
  for (size_t len = std::min(w.size(), longest); len > 0; --len)
    if (std::binary_search(prefixes.begin(), prefixes.end(), v.substr(0, len),
                           [](std::string_view a, std::string_view b) { return a < b; }))
      return true;
  return false;
}

void correct_typos(Tokens* tokens) {
  // Every word of every cue list: what counts as known, and what a typo may become.
  static const std::set<std::string> vocabulary = [] {
    std::set<std::string> out;
    for (const Cues* c : cues::all())
      for (const auto& words : c->words)
        for (const auto& w : words)
          if (w.back() != '*') out.insert(w);
    return out;
  }();
  // one deletion of a cue word -> the cue words it comes from
  static const std::unordered_map<std::string, std::vector<std::string>> deletes = [] {
    std::unordered_map<std::string, std::vector<std::string>> out;
    for (const auto& w : vocabulary) {
      if (w.size() < 5 || (static_cast<unsigned char>(w[0]) & 0x80)) continue;
      out[w].push_back(w);
      for (size_t i = 0; i < w.size(); ++i) out[w.substr(0, i) + w.substr(i + 1)].push_back(w);
    }
    return out;
  }();
  // A word more than one letter longer than every cue word is no typo of one.
  // Without this bound each of a word's L deletions was hashed (L bytes each):
  // a 32 KB word took 281 ms, 8x the time of a 16 KB one (issue 17, item 2).
  static const size_t longest = [] {
    size_t n = 0;
    for (const auto& w : vocabulary) n = std::max(n, w.size());
    return n;
  }();
  const auto& lx = Lexicon::builtin();
  for (auto& t : tokens->t) {
    const std::string& w = t.folded;
    if (t.kind != Token::word || w.size() < 5 || w.size() > longest + 1 ||
        (static_cast<unsigned char>(w[0]) & 0x80) || t.capitalized || vocabulary.count(w) ||
        is_cue_word(w) || lx.translate(w) || lx.is_stopword(w) || function_words().count(w) ||
        cardinal(w) || ordinal(w) || is_time_word(w))
      continue;
    std::set<std::string> found;
    auto consider = [&](const std::string& key) {
      auto it = deletes.find(key);
      if (it == deletes.end()) return;
      for (const auto& cand : it->second)
        if (edit_distance(w, cand, 1) <= 1) found.insert(cand);
    };
    consider(w);
    for (size_t i = 0; i < w.size(); ++i) consider(w.substr(0, i) + w.substr(i + 1));
    if (found.size() == 1) t.folded = *found.begin();
  }
}

}  // namespace parley::brain::nlu
