#include "brain/nlu_numbers.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "brain/romanize.hpp"
#include "brain/text.hpp"

namespace parley::brain::nlu {
namespace {

const std::map<std::string, int>& cardinals() {
  static const std::map<std::string, int> m = [] {
    std::map<std::string, int> words;
    const std::vector<std::vector<const char*>> by_value = {
        {},
        {"one", "uno", "una", "un", "один", "одна", "одну", "satu", "ek", "एक"},
        {"two", "dos", "два", "две", "dua", "do", "दो"},
        {"three", "tres", "три", "tiga", "teen", "tin", "तीन"},
        {"four", "cuatro", "четыре", "empat", "char", "chaar", "चार"},
        {"five", "cinco", "пять", "lima", "paanch", "panch", "पांच", "पाँच"},
        {"six", "seis", "шесть", "enam", "chhe", "chhah", "छह"},
        {"seven", "siete", "семь", "tujuh", "saat", "सात"},
        {"eight", "ocho", "восемь", "delapan", "aath", "आठ"},
        {"nine", "nueve", "девять", "sembilan", "nau", "नौ"},
        {"ten", "diez", "десять", "sepuluh", "das", "दस"},
        {"eleven", "once", "одиннадцать", "sebelas", "gyarah"},
        {"twelve", "doce", "двенадцать", "dua belas", "barah"},
    };
    for (int v = 1; v < static_cast<int>(by_value.size()); ++v)
      for (auto w : by_value[v]) words[fold(w)] = v;
    return words;
  }();
  return m;
}

struct Prefix {
  const char* prefix;
  int value;
};

bool number_value(const std::string& s, int* v) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  *v = std::atoi(s.c_str());
  return true;
}

}  // namespace

std::optional<int> cardinal(const std::string& w) {
  int v = 0;
  if (number_value(w, &v)) return v;
  auto it = cardinals().find(w);
  if (it == cardinals().end()) return std::nullopt;
  return it->second;
}

namespace {

// Counting words and what one of them counts. A pair of shoes is one item:
// "two pairs" are two, "ek jodi" one; "un par de", "пару" are a couple.
int unit_of(const std::string& w) {
  static const std::map<std::string, int> units = {
      {"dozen", 12},  {"dozens", 12}, {"docena", 12}, {"docenas", 12},  {"дюжина", 12},
      {"дюжину", 12}, {"дюжины", 12}, {"дюжин", 12},  {"lusin", 12},    {"selusin", 12},
      {"darjan", 12}, {"darjen", 12}, {"dozan", 12},  {"दर्जन", 12},     {"couple", 2},
      {"par", 2},     {"пару", 2},    {"пара", 2},    {"полдюжины", 6}, {"score", 20},
      {"pair", 1},    {"pairs", 1},   {"pares", 1},   {"пары", 1},      {"sepasang", 1},
      {"pasang", 1},  {"jodi", 1},    {"jodiyan", 1}, {"joda", 1},      {"जोड़ी", 1},
      {"जोड़ा", 1},    {"जोड़े", 1}};
  auto it = units.find(w);
  return it == units.end() ? 0 : it->second;
}

bool is_half(const std::string& w) {
  return w == "half" || w == "media" || w == "medio" || w == "setengah" || w == "aadha" ||
         w == "adha" || w == "aadhi" || w == "आधा" || w == "आधी" || w == "пол";
}

bool is_article(const std::string& w) {
  return w == "a" || w == "an" || w == "una" || w == "un" || w == "one";
}

}  // namespace

std::optional<int> counted_quantity(const Tokens& tk, size_t i, size_t* length) {
  size_t k = i;
  int times = 1;
  bool half = false;
  if (k < tk.size() && is_half(tk.f(k))) {
    half = true;
    ++k;
  } else if (k < tk.size() && !is_article(tk.f(k)) && tk.t[k].kind != Token::punct) {
    if (auto n = cardinal(tk.f(k)); n && *n > 0 && *n <= 100 && unit_of(tk.f(k)) == 0) {
      times = *n;
      ++k;
    }
  }
  if (k < tk.size() && is_article(tk.f(k))) ++k;  // "half a dozen", "a couple"
  if (k < tk.size() && (tk.f(k) == "de" || tk.f(k) == "of") && k > i) ++k;
  if (k >= tk.size()) return std::nullopt;
  const int unit = unit_of(tk.f(k));
  if (unit == 0) return std::nullopt;
  *length = k - i + 1;
  return half ? unit / 2 : times * unit;
}

std::optional<int> ordinal(const std::string& w) {
  // "1st", "2nd", "3rd", "4th", "1ro", "2do", "3er", "2-й"
  if (!w.empty() && w[0] >= '1' && w[0] <= '9') {
    size_t i = 0;
    while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
    static const char* suffixes[] = {"st", "nd", "rd", "th", "ro", "do",  "er",
                                     "to", "vo", "o",  "a",  "-й", "-го", "й"};
    std::string suf = w.substr(i);
    for (auto s : suffixes)
      if (suf == s) return std::atoi(w.substr(0, i).c_str());
    return std::nullopt;
  }
  static const std::vector<Prefix> exact = {
      {"first", 1},      {"second", 2},   {"third", 3},     {"fourth", 4},    {"fifth", 5},
      {"primer", 1},     {"primero", 1},  {"primera", 1},   {"segundo", 2},   {"segunda", 2},
      {"tercer", 3},     {"tercero", 3},  {"tercera", 3},   {"cuarto", 4},    {"cuarta", 4},
      {"quinto", 5},     {"quinta", 5},   {"pertama", 1},   {"kedua", 2},     {"ketiga", 3},
      {"keempat", 4},    {"kelima", 5},   {"pehla", 1},     {"pehle", 1},     {"pehli", 1},
      {"pahla", 1},      {"pahle", 1},    {"dusra", 2},     {"dusre", 2},     {"dusri", 2},
      {"doosra", 2},     {"doosre", 2},   {"teesra", 3},    {"teesre", 3},    {"tisra", 3},
      {"tisre", 3},      {"teesri", 3},   {"chautha", 4},   {"chauthe", 4},   {"पहला", 1},
      {"पहले", 1},        {"पहली", 1},     {"दूसरा", 2},      {"दूसरे", 2},       {"दूसरी", 2},
      {"तीसरा", 3},      {"तीसरे", 3},     {"तीसरी", 3},     {"चौथा", 4},      {"चौथे", 4},
      {"चौथी", 4},       {"sixth", 6},    {"seventh", 7},   {"eighth", 8},    {"ninth", 9},
      {"tenth", 10},     {"sexto", 6},    {"sexta", 6},     {"septimo", 7},   {"septima", 7},
      {"octavo", 8},     {"octava", 8},   {"noveno", 9},    {"novena", 9},    {"decimo", 10},
      {"decima", 10},    {"keenam", 6},   {"ketujuh", 7},   {"kedelapan", 8}, {"kesembilan", 9},
      {"kesepuluh", 10}, {"chauthi", 4},  {"panchva", 5},   {"panchvan", 5},  {"panchve", 5},
      {"panchvi", 5},    {"paanchva", 5}, {"paanchvan", 5}, {"paanchve", 5},  {"paanchvi", 5},
      {"panchwa", 5},    {"panchwe", 5},  {"chhatha", 6},   {"chhathe", 6},   {"chhathi", 6},
      {"chatha", 6},     {"chathe", 6},   {"satva", 7},     {"satvan", 7},    {"satve", 7},
      {"saatva", 7},     {"saatve", 7},   {"aathva", 8},    {"athva", 8},     {"aathve", 8},
      {"nauva", 9},      {"nauve", 9},    {"dasva", 10},    {"dasvan", 10},   {"dasve", 10},
      {"पांचवां", 5},      {"पाँचवाँ", 5},    {"पांचवा", 5},     {"पाँचवा", 5},     {"पांचवें", 5},
      {"पाँचवें", 5},       {"पांचवे", 5},     {"पांचवीं", 5},     {"पाँचवीं", 5},     {"छठा", 6},
      {"छठे", 6},         {"छठी", 6},      {"छठवां", 6},      {"सातवां", 7},     {"सातवाँ", 7},
      {"सातवें", 7},       {"सातवीं", 7},    {"आठवां", 8},      {"आठवाँ", 8},      {"आठवें", 8},
      {"आठवीं", 8},       {"नौवां", 9},     {"नौवें", 9},       {"नौवीं", 9},      {"दसवां", 10},
      {"दसवें", 10},       {"दसवीं", 10}};
  // Looked up per token several times a message: a linear scan of these
  // ~150 words was a quarter of understanding's instructions (callgrind).
  static const auto by_word = [] {
    std::unordered_map<std::string, int> m;
    for (const auto& p : exact) m.emplace(p.prefix, p.value);  // the first of a word wins
    return m;
  }();
  if (auto it = by_word.find(w); it != by_word.end()) return it->second;
  static const std::vector<Prefix> ru = {
      {"перв", 1},    {"втор", 2},    {"трет", 3},    {"четверт", 4}, {"пято", 5},
      {"пятый", 5},   {"пятая", 5},   {"пятую", 5},   {"шесто", 6},   {"шестая", 6},
      {"шестую", 6},  {"седьм", 7},   {"восьм", 8},   {"девяты", 9},  {"девята", 9},
      {"девято", 9},  {"девятую", 9}, {"десяты", 10}, {"десята", 10}, {"десято", 10},
      {"десятую", 10}};
  for (const auto& p : ru)
    if (std::string_view(w).substr(0, std::strlen(p.prefix)) == p.prefix) return p.value;
  return std::nullopt;
}

}  // namespace parley::brain::nlu
