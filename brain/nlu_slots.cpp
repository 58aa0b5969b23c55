#include "brain/nlu_slots.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>
#include <unordered_map>

#include "brain/lexicon.hpp"
#include "brain/nlu_cues.hpp"
#include "brain/text.hpp"

namespace parley::brain::nlu {
namespace {

std::string trim(std::string s) {
  return trim_slot(std::move(s));
}

bool is_punct(const Tokens& tk, size_t i) {
  return i < tk.size() && tk.t[i].kind == Token::punct;
}
bool is_sep(const Tokens& tk, size_t i) {
  if (!is_punct(tk, i)) return false;
  const auto& p = tk.f(i);
  return p == "," || p == ":" || p == ";" || p == "." || p == "-" || p == "–" || p == "—" ||
         p == "।" || p == "!" || p == "?";
}

// Words that carry no slot content in commerce messages.
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

bool is_content(const Tokens& tk, size_t i) {
  if (i >= tk.size() || tk.t[i].kind == Token::punct) return false;
  const auto& w = tk.f(i);
  if (function_words().count(w) || is_cue_word(w)) return false;
  if ((cardinal(w) && !light_verb_do(tk, i)) || ordinal(w)) return false;
  if (tk.t[i].kind == Token::number) return false;
  return true;
}

// Price: bounds and amounts, in the currency's units.
struct Price {
  std::optional<double> min, max;
  std::set<size_t> used;
};

std::optional<double> amount(const Tokens& tk, size_t i, size_t* n) {
  if (i >= tk.size()) return std::nullopt;
  std::string w = tk.f(i);
  double mult = 1;
  // "200rb", "2k", "1.5k"
  for (const char* suf : {"rb", "ribu", "k"}) {
    std::string s = suf;
    if (w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0 &&
        std::isdigit(static_cast<unsigned char>(w[w.size() - s.size() - 1]))) {
      w.resize(w.size() - s.size());
      mult = 1000;
    }
  }
  if (!is_number(w)) return std::nullopt;
  auto dot = w.find('.');
  if (dot != std::string::npos && w.size() - dot - 1 == 3) w.erase(dot, 1);  // 2.500, 250.000
  double v = std::atof(w.c_str());
  *n = 1;
  // "10 000" (space as thousands separator)
  while (i + *n < tk.size() && tk.t[i + *n].kind == Token::number && tk.f(i + *n).size() == 3 &&
         tk.t[i + *n].begin == tk.t[i + *n - 1].end + 1 && mult == 1) {
    v = v * 1000 + std::atof(tk.f(i + *n).c_str());
    ++*n;
  }
  if (i + *n < tk.size() && (tk.f(i + *n) == "k" || tk.f(i + *n) == "rb" ||
                             tk.f(i + *n) == "ribu" || tk.f(i + *n) == "mil")) {
    mult = 1000;
    ++*n;
  }
  return v * mult;
}

const Cues kMaxCue = {"under", "below",   "less than", "cheaper than", "upto",        "up to",
                      "max",   "maximum", "within",    "menos de",     "hasta",       "maximo",
                      "до",    "дешевле", "не дороже", "di bawah",     "kurang dari", "maksimal",
                      "max",   "tak",     "तक",        "se kam",       "से कम"};
const Cues kMinCue = {"above",      "over",   "more than", "from",   "starting",
                      "desde",      "mas de", "от",        "дороже", "di atas",
                      "lebih dari", "mulai",  "se zyada",  "se upar"};
const Cues kRangeMid = {"and", "to", "y", "a", "до", "sampai", "hingga", "-", "se", "से"};
const std::set<std::string> kCurrency = {
    "rs",   "inr",    "rupees", "rupee",  "eur",  "euro", "euros",  "usd", "dollars", "pesos",
    "peso", "рублей", "руб",    "рубля",  "р",    "rp",   "rupiah", "रुपये", "रुपए",     "ribu",
    "rb",   "harga",  "price",  "precio", "цена", "ke",   "beech",  "के",   "बीच"};

Price parse_price(const Tokens& tk) {
  Price p;
  const size_t n = tk.size();
  for (size_t i = 0; i < n; ++i) {
    size_t len = 0, an = 0;
    // "between A and B", "entre A y B", "от A до B", "A sampai B", "500 se 1000 ke beech"
    if (auto a = amount(tk, i, &an)) {
      size_t j = i + an;
      while (j < n && kCurrency.count(tk.f(j))) ++j;
      if (j < n && cue_length_at(tk, kRangeMid, j)) {
        size_t k = j + cue_length_at(tk, kRangeMid, j), bn = 0;
        if (auto b = amount(tk, k, &bn)) {
          if (*b > *a) {
            bool after_min_cue =
                i > 0 && (tk.is(i - 1, "between") || tk.is(i - 1, "entre") || tk.is(i - 1, "от") ||
                          tk.is(i - 1, "harga") || tk.is(i - 1, "antara"));
            bool hindi = tk.is(j, "se") || tk.is(j, "से");
            if (after_min_cue || hindi || tk.is(j, "sampai") || tk.is(j, "-") || tk.is(j, "до")) {
              p.min = *a;
              p.max = *b;
              for (size_t x = (after_min_cue ? i - 1 : i); x < k + bn; ++x) p.used.insert(x);
              for (size_t x = k + bn; x < n && kCurrency.count(tk.f(x)); ++x) p.used.insert(x);
              i = k + bn;
              continue;
            }
          }
        }
      }
      // amount then bound: "2000 se kam", "1500 रुपये तक"
      if (j < n && (len = cue_length_at(tk, kMaxCue, j)) &&
          (tk.is(j, "se") || tk.is(j, "से") || tk.is(j, "tak") || tk.is(j, "तक"))) {
        p.max = *a;
        for (size_t x = i; x < j + len; ++x) p.used.insert(x);
        i = j + len - 1;
        continue;
      }
      if (j < n && (len = cue_length_at(tk, kMinCue, j)) && (tk.is(j, "se"))) {
        p.min = *a;
        for (size_t x = i; x < j + len; ++x) p.used.insert(x);
        continue;
      }
    }
    const bool max_cue = (len = cue_length_at(tk, kMaxCue, i)) != 0;
    const bool min_cue = !max_cue && (len = cue_length_at(tk, kMinCue, i)) != 0;
    if (!max_cue && !min_cue) continue;
    size_t j = i + len;
    if (tk.is(j, "de")) ++j;  // "por menos de"
    while (j < n && kCurrency.count(tk.f(j))) ++j;
    if (auto a = amount(tk, j, &an)) {
      (max_cue ? p.max : p.min) = *a;
      size_t start = i > 0 && tk.is(i - 1, "por") ? i - 1 : i;
      for (size_t x = start; x < j + an; ++x) p.used.insert(x);
      for (size_t x = j + an; x < n && kCurrency.count(tk.f(x)); ++x) p.used.insert(x);
      i = j + an - 1;
    }
  }
  return p;
}

// The colour word as typed, and the size after a size word.
void color_and_size(const Tokens& tk, Understanding* u, std::set<size_t>* used) {
  const auto& lx = Lexicon::builtin();
  static const Cues size_words = {"size", "talla", "размер", "ukuran", "saiz", "साइज", "साइज़"};
  for (size_t i = 0; i < tk.size(); ++i) {
    if (tk.t[i].kind != Token::word) continue;
    if (!u->text_slots.count("color") && !lx.color_of(tk.f(i)).empty()) {
      u->text_slots["color"] = tk.span(i, i);
      used->insert(i);
    }
    if (cue_length_at(tk, size_words, i) && i + 1 < tk.size() && !is_punct(tk, i + 1)) {
      u->text_slots["size"] = tk.span(i + 1, i + 1);
      used->insert(i);
      used->insert(i + 1);
    }
  }
}

// The longest run of content words, as typed; inner function words are kept
// ("zapatillas para correr", "relojes de pulsera").
std::string content_span(const Tokens& tk, const std::set<size_t>& used) {
  size_t first = tk.size(), last = 0;
  for (size_t i = 0; i < tk.size(); ++i) {
    if (used.count(i) || !is_content(tk, i)) continue;
    if (first == tk.size()) first = i;
    // stop at a clause break or at a used token after the first run
    last = i;
  }
  if (first == tk.size()) return "";
  // cut at the first used/cue token or separator inside the run
  size_t end = first;
  for (size_t i = first; i <= last; ++i) {
    if (used.count(i) || is_sep(tk, i)) break;
    const auto& w = tk.f(i);
    if (is_cue_word(w) && !is_content(tk, i)) break;
    if (tk.t[i].kind == Token::number || cardinal(w) || ordinal(w)) break;
    if (is_content(tk, i)) end = i;
  }
  return trim(tk.span(first, end));
}

}  // namespace

bool light_verb_do(const Tokens& tk, size_t i) {
  static const std::set<std::string> verbs = {"kar",  "hata",  "de",  "daal",   "dal",    "bhej",
                                              "rakh", "bata",  "le",  "chala",  "nikal",  "badal",
                                              "laga", "dikha", "add", "remove", "cancel", "place"};
  return (tk.f(i) == "do" || tk.f(i) == "दो") && i > 0 && verbs.count(tk.f(i - 1)) > 0;
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

bool has_price(const Tokens& tk) {
  auto p = parse_price(tk);
  return p.min || p.max;
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
  static const std::vector<std::string> prefixes = [&words] {
    std::vector<std::string> out;
    for (const auto& cue : words)
      if (cue.size() > 2 && cue.back() == '*') out.push_back(cue.substr(0, cue.size() - 1));
    return out;
  }();
  if (words.count(w)) return true;
  for (const auto& p : prefixes)  // "tambah*" covers "tambahin"
    if (w.compare(0, p.size(), p) == 0) return true;
  return false;
}

void correct_typos(Tokens* tokens) {
  // Every word of every cue list: what counts as known, and what a typo may become.
  static const std::set<std::string> vocabulary = [] {
    std::set<std::string> out;
    for (const Cues* c : {&cues::greet,
                          &cues::goodbye,
                          &cues::thanks,
                          &cues::affirm,
                          &cues::deny,
                          &cues::handoff,
                          &cues::order_word,
                          &cues::order_status,
                          &cues::where,
                          &cues::pay,
                          &cues::payment_link_word,
                          &cues::how,
                          &cues::checkout,
                          &cues::cart,
                          &cues::clear,
                          &cues::everything,
                          &cues::view,
                          &cues::total,
                          &cues::remove,
                          &cues::add,
                          &cues::put_in,
                          &cues::take,
                          &cues::quantity_word,
                          &cues::instead,
                          &cues::product_info,
                          &cues::search,
                          &cues::category,
                          &cues::details_name,
                          &cues::details_phone,
                          &cues::details_email,
                          &cues::details_address,
                          &cues::lead,
                          &cues::new_word,
                          &cues::create,
                          &cues::qualify,
                          &cues::reassign,
                          &cues::meeting,
                          &cues::demo,
                          &cues::done,
                          &cues::reschedule,
                          &cues::schedule,
                          &cues::activity,
                          &cues::history,
                          &cues::tasks,
                          &cues::leads_plural,
                          &cues::update,
                          &cues::turnover,
                          &cues::current_system,
                          &cues::challenges,
                          &cues::address_word,
                          &cues::assign,
                          &cues::contact,
                          &cues::source,
                          &cues::what,
                          &cues::out_scope,
                          &cues::filler})
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
  const auto& lx = Lexicon::builtin();
  for (auto& t : tokens->t) {
    const std::string& w = t.folded;
    if (t.kind != Token::word || w.size() < 5 || (static_cast<unsigned char>(w[0]) & 0x80) ||
        t.capitalized || vocabulary.count(w) || is_cue_word(w) || lx.translate(w) ||
        lx.is_stopword(w) || function_words().count(w) || cardinal(w) || ordinal(w) ||
        is_time_word(w))
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

std::string find_email(const std::string& text) {
  auto at = text.find('@');
  while (at != std::string::npos) {
    size_t b = at, e = at + 1;
    auto local = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
             c == '+' || c == '-';
    };
    while (b > 0 && local(text[b - 1])) --b;
    while (e < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '.' || text[e] == '-'))
      ++e;
    while (e > at + 1 && text[e - 1] == '.') --e;
    std::string s = text.substr(b, e - b);
    if (b < at && s.find('.', at - b) != std::string::npos) {
      for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    }
    at = text.find('@', at + 1);
  }
  return "";
}

std::string find_phone(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    bool plus = text[i] == '+';
    if (!plus && !std::isdigit(static_cast<unsigned char>(text[i]))) continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '@' ||
                  text[i - 1] == '.' || text[i - 1] == '#'))
      continue;
    std::string digits = plus ? "+" : "";
    size_t j = plus ? i + 1 : i, last_digit = i;
    while (j < text.size()) {
      char c = text[j];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits.push_back(c);
        last_digit = j;
      } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || c == '.')) {
        break;
      } else if (j + 1 < text.size() && !std::isdigit(static_cast<unsigned char>(text[j + 1])) &&
                 text[j + 1] != '(') {
        break;
      }
      ++j;
    }
    size_t count = digits.size() - (plus ? 1 : 0);
    bool joined_to_word = last_digit + 1 < text.size() &&
                          std::isalpha(static_cast<unsigned char>(text[last_digit + 1]));
    if (count >= 8 && count <= 15 && !joined_to_word) return digits;
    i = j;
  }
  return "";
}

void cart_slots(const Tokens& tk, Understanding* u) {
  std::set<size_t> used;
  color_and_size(tk, u, &used);
  for (size_t i = 0; i < tk.size(); ++i) {
    if (used.count(i) || tk.t[i].kind == Token::punct) continue;
    const auto& w = tk.f(i);
    if (auto o = ordinal(w); o && !u->number_slots.count("ordinal")) {
      u->number_slots["ordinal"] = *o;
      used.insert(i);
    } else if (auto c = light_verb_do(tk, i) ? std::nullopt : cardinal(w);
               c && !u->number_slots.count("quantity") && *c > 0 && *c < 1000) {
      // "one" in "the second one" / "the first one" is not a quantity
      if ((w == "one" || w == "uno" || w == "una") && i > 0) continue;
      u->number_slots["quantity"] = *c;
      used.insert(i);
    }
  }
  // Quoted or capitalised product names ("the Classic Denim Jacket") are kept whole.
  size_t best_b = 0, best_len = 0;
  for (size_t i = 0; i < tk.size(); ++i) {
    if (!tk.t[i].capitalized || tk.t[i].kind != Token::word || is_cue_word(tk.f(i))) continue;
    size_t j = i;
    while (j + 1 < tk.size() && tk.t[j + 1].kind != Token::punct &&
           (tk.t[j + 1].capitalized || tk.t[j + 1].kind == Token::number ||
            std::isdigit(static_cast<unsigned char>(tk.f(j + 1).back()))))
      ++j;
    if (j - i + 1 > best_len) {
      best_b = i;
      best_len = j - i + 1;
    }
    i = j;
  }
  if (best_len >= 2) {
    u->text_slots["product"] = tk.span(best_b, best_b + best_len - 1);
    return;
  }
  auto product = content_span(tk, used);
  if (!product.empty()) u->text_slots["product"] = product;
}

void search_slots(const Tokens& tk, Understanding* u) {
  std::set<size_t> used;
  Price price = parse_price(tk);
  if (price.min) u->number_slots["price_min"] = *price.min;
  if (price.max) u->number_slots["price_max"] = *price.max;
  used = price.used;
  color_and_size(tk, u, &used);
  auto cat = find_cue(tk, cues::category);
  if (cat != std::string::npos) {
    used.insert(cat);
    size_t after = cat + 1;
    if (after < tk.size() && is_content(tk, after)) {
      u->text_slots["category"] = tk.span(after, after);
      return;
    }
    for (size_t i = cat; i-- > 0;)
      if (is_content(tk, i)) {
        u->text_slots["category"] = tk.span(i, i);
        return;
      }
  }
  auto query = content_span(tk, used);
  if (!query.empty()) u->text_slots["query"] = query;
}

void details_slots(const Tokens& tk, Understanding* u) {
  auto phone = find_phone(tk.text);
  if (!phone.empty()) u->text_slots["phone"] = phone;
  auto email = find_email(tk.text);
  if (!email.empty()) u->text_slots["email"] = email;
  // name: the words after "my name is", up to a clause break or "and"
  auto n = find_cue(tk, cues::details_name);
  if (n != std::string::npos) {
    size_t b = n + cue_length_at(tk, cues::details_name, n), e = b;
    static const std::set<std::string> stop = {"and", "y", "и", "dan",    "aur",   "hai",  "hoon",
                                               "hu",  "है", "हूँ", "number", "phone", "email"};
    while (e < tk.size() && tk.t[e].kind == Token::word && !stop.count(tk.f(e)) &&
           !cue_length_at(tk, cues::details_phone, e))
      ++e;
    if (e > b) u->text_slots["name"] = trim(tk.span(b, e - 1));
  }
  // address: everything after the cue; a trailing ", City" is the city
  auto a = find_cue(tk, cues::details_address);
  if (a != std::string::npos) {
    size_t b = a + cue_length_at(tk, cues::details_address, a);
    while (b < tk.size() && is_punct(tk, b)) ++b;
    if (b < tk.size()) {
      std::string rest = trim(tk.text.substr(tk.t[b].begin));
      auto comma = rest.rfind(',');
      if (comma != std::string::npos) {
        u->text_slots["address"] = trim(rest.substr(0, comma));
        u->text_slots["city"] = trim(rest.substr(comma + 1));
      } else {
        u->text_slots["address"] = rest;
      }
    }
  }
}

void order_slots(const Tokens& tk, Understanding* u) {
  for (size_t i = 0; i < tk.size(); ++i) {
    bool marked = i > 0 && (tk.is(i - 1, "#") || tk.is(i - 1, "№"));
    bool near_order = false;
    for (size_t k = 1; k <= 3 && k <= i; ++k)
      if (cue_length_at(tk, cues::order_word, i - k)) near_order = true;
    const auto& w = tk.f(i);
    bool has_digit = std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (tk.t[i].kind != Token::punct && has_digit && (marked || near_order)) {
      u->text_slots["order_id"] = tk.span(i, i);
      return;
    }
  }
}

}  // namespace parley::brain::nlu
