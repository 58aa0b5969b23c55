// Price bounds and ranges in five languages: "under 50", "entre 30 y 50€",
// "от 2000 до 4000", "200rb sampai 350rb", "2000 se kam", "desde 2.500 pesos".
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "brain/nlu_cues.hpp"
#include "brain/nlu_internal.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/text.hpp"

namespace parley::brain::nlu {
namespace {

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

const Cues kMaxCue = {"under",    "below",   "less than", "cheaper than", "upto",        "up to",
                      "max",      "maximum", "within",    "menos de",     "hasta",       "maximo",
                      "до",       "дешевле", "не дороже", "di bawah",     "kurang dari", "maksimal",
                      "max",      "tak",     "तक",        "se kam",       "से कम",        "se sasta",
                      "se saste", "से सस्ता",  "से सस्ते",     "andar",        "अंदर"};
const Cues kMinCue = {"above",      "over",    "more than", "from",    "starting",
                      "desde",      "mas de",  "от",        "дороже",  "di atas",
                      "lebih dari", "mulai",   "se zyada",  "se upar", "se jyada",
                      "से ज़्यादा",    "से ज्यादा", "से ऊपर",     "से अधिक"};
const Cues kRangeMid = {"and", "to", "y", "a", "до", "sampai", "hingga", "-", "se", "से"};
const std::set<std::string> kCurrency = {
    "rs",    "inr",    "rupees", "rupee", "eur",      "euro", "euros",  "usd",    "dollars",
    "pesos", "peso",   "рублей", "руб",   "рубля",    "р",    "rp",     "rupiah", "रुपये",
    "रुपए",   "ribu",   "रुपया",   "रु",     "यूरो",      "डॉलर", "rupaye", "rupay",  "yuro",
    "€",     "rupiya", "dollar", "евро",  "долларов", "rb",   "harga",  "price",  "precio",
    "цена",  "ke",     "beech",  "के",     "बीच"};

}  // namespace

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
          (tk.is(j, "se") || tk.is(j, "से") || tk.is(j, "tak") || tk.is(j, "तक") ||
           tk.is(j, "andar") || tk.is(j, "अंदर"))) {
        p.max = *a;
        for (size_t x = i; x < j + len; ++x) p.used.insert(x);
        i = j + len - 1;
        continue;
      }
      if (j < n && (len = cue_length_at(tk, kMinCue, j)) && (tk.is(j, "se") || tk.is(j, "से"))) {
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

bool is_currency_word(const std::string& folded) {
  return kCurrency.count(folded) > 0;
}

bool has_price(const Tokens& tk) {
  auto p = parse_price(tk);
  return p.min || p.max;
}

}  // namespace parley::brain::nlu
