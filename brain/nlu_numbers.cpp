#include "brain/nlu_numbers.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

#include "brain/text.hpp"

namespace parley::brain::nlu {
namespace {

const std::map<std::string, int>& cardinals() {
  static const std::map<std::string, int> m = [] {
    std::map<std::string, int> m;
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
      for (auto w : by_value[v]) m[fold(w)] = v;
    return m;
  }();
  return m;
}

struct Prefix {
  const char* prefix;
  int value;
};

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

int weekday_of(long days) {
  return static_cast<int>((days + 3) % 7);
}  // 0 = Monday

std::optional<int> weekday_word(const std::string& w) {
  static const std::vector<Prefix> table = {
      {"monday", 0},   {"mon", 0},       {"lunes", 0},     {"понедельн", 0}, {"senin", 0},
      {"somvar", 0},   {"सोमवार", 0},    {"tuesday", 1},   {"tue", 1},       {"martes", 1},
      {"вторник", 1},  {"selasa", 1},    {"mangalvar", 1}, {"मंगलवार", 1},    {"wednesday", 2},
      {"wed", 2},      {"miercoles", 2}, {"сред", 2},      {"rabu", 2},      {"budhvar", 2},
      {"बुधवार", 2},    {"thursday", 3},  {"thu", 3},       {"jueves", 3},    {"четверг", 3},
      {"kamis", 3},    {"guruvar", 3},   {"गुरुवार", 3},     {"friday", 4},    {"fri", 4},
      {"viernes", 4},  {"пятниц", 4},    {"jumat", 4},     {"shukravar", 4}, {"शुक्रवार", 4},
      {"saturday", 5}, {"sat", 5},       {"sabado", 5},    {"суббот", 5},    {"sabtu", 5},
      {"shanivar", 5}, {"शनिवार", 5},    {"sunday", 6},    {"domingo", 6},   {"воскресен", 6},
      {"minggu", 6},   {"ravivar", 6},   {"रविवार", 6}};
  for (const auto& p : table) {
    std::string key = p.prefix;
    bool exact_only = key.size() <= 3;
    if (exact_only ? w == key : w.compare(0, key.size(), key) == 0) return p.value;
  }
  return std::nullopt;
}

std::optional<int> month_word(const std::string& w) {
  static const std::vector<Prefix> table = {
      {"jan", 1},  {"ene", 1},  {"янв", 1},  {"feb", 2},  {"фев", 2},  {"mar", 3},  {"мар", 3},
      {"apr", 4},  {"abr", 4},  {"апр", 4},  {"may", 5},  {"mayo", 5}, {"мая", 5},  {"май", 5},
      {"mei", 5},  {"jun", 6},  {"июн", 6},  {"jul", 7},  {"июл", 7},  {"aug", 8},  {"ago", 8},
      {"agu", 8},  {"авг", 8},  {"sep", 9},  {"сен", 9},  {"oct", 10}, {"okt", 10}, {"окт", 10},
      {"nov", 11}, {"ноя", 11}, {"dec", 12}, {"dic", 12}, {"des", 12}, {"дек", 12}};
  if (w.size() < 3) return std::nullopt;
  for (const auto& p : table)
    if (w.compare(0, std::string(p.prefix).size(), p.prefix) == 0) return p.value;
  return std::nullopt;
}

bool number_value(const std::string& s, int* v) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  *v = std::atoi(s.c_str());
  return true;
}

}  // namespace

bool is_time_word(const std::string& w) {
  static const std::set<std::string> words = {
      "today",       "tomorrow", "morning", "afternoon", "evening", "night",   "noon",
      "hoy",         "manana",   "tarde",   "noche",     "pasado",  "сегодня", "завтра",
      "послезавтра", "утра",     "утром",   "дня",       "вечера",  "вечером", "besok",
      "lusa",        "pagi",     "siang",   "sore",      "malam",   "aaj",     "kal",
      "parso",       "subah",    "shaam",   "sham",      "dopahar", "raat",    "baje",
      "saade",       "sawa",     "paune",   "dhai",      "dedh",    "bajkar"};
  return words.count(w) > 0 || weekday_word(w).has_value() || month_word(w).has_value();
}

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
  for (const auto& p : exact)
    if (w == p.prefix) return p.value;
  static const std::vector<Prefix> ru = {
      {"перв", 1},    {"втор", 2},    {"трет", 3},    {"четверт", 4}, {"пято", 5},
      {"пятый", 5},   {"пятая", 5},   {"пятую", 5},   {"шесто", 6},   {"шестая", 6},
      {"шестую", 6},  {"седьм", 7},   {"восьм", 8},   {"девяты", 9},  {"девята", 9},
      {"девято", 9},  {"девятую", 9}, {"десяты", 10}, {"десята", 10}, {"десято", 10},
      {"десятую", 10}};
  for (const auto& p : ru)
    if (w.compare(0, std::string(p.prefix).size(), p.prefix) == 0) return p.value;
  return std::nullopt;
}

LocalNow local_now(int64_t epoch_us, int offset_minutes) {
  const int64_t local_s = epoch_us / 1'000'000 + int64_t{offset_minutes} * 60;
  const long days = static_cast<long>(local_s >= 0 ? local_s / 86400 : (local_s - 86399) / 86400);
  const int64_t secs = local_s - int64_t{days} * 86400;
  LocalNow now;
  civil_from_days(days, &now.year, &now.month, &now.day);
  now.hour = static_cast<int>(secs / 3600);
  now.minute = static_cast<int>(secs % 3600 / 60);
  now.offset_minutes = offset_minutes;
  return now;
}

bool parse_now(const std::string& iso, LocalNow* now) {
  int y, mo, d, h, mi;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5) return false;
  *now = LocalNow{y, mo, d, h, mi, 0};
  auto pos = iso.find_first_of("+-Z", 16);
  if (pos != std::string::npos && iso[pos] != 'Z') {
    int oh = 0, om = 0;
    if (std::sscanf(iso.c_str() + pos + 1, "%2d:%2d", &oh, &om) >= 1)
      now->offset_minutes = (iso[pos] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  return true;
}

std::string resolve_datetime(const Tokens& tk, const LocalNow& now) {
  const long today = days_from_civil(now.year, now.month, now.day);
  std::optional<long> date;
  int hour = -1, minute = 0;
  int period = 0;  // -1 morning, +1 afternoon/evening, 2 midday
  const size_t n = tk.size();

  auto word = [&](size_t i) -> const std::string& { return tk.f(i); };
  for (size_t i = 0; i < n; ++i) {
    const auto& w = word(i);
    // relative days
    if (w == "today" || w == "hoy" || w == "сегодня" || w == "aaj" || w == "आज" ||
        (w == "hari" && tk.is(i + 1, "ini")))
      date = today;
    else if (w == "tomorrow" || w == "завтра" || w == "besok" || w == "kal" || w == "कल")
      date = today + 1;
    else if (w == "manana" && !(i > 0 && (tk.is(i - 1, "la") || tk.is(i - 1, "de")))) {
      date = (i > 0 && tk.is(i - 1, "pasado")) ? today + 2 : today + 1;
    } else if (w == "послезавтра" || w == "lusa" || w == "parso" || w == "परसों")
      date = today + 2;
    else if (w == "day" && tk.is(i + 1, "after") && tk.is(i + 2, "tomorrow")) {
      date = today + 2;
      i += 2;
    } else if (auto wd = weekday_word(w)) {
      long d = today + 1;
      while (weekday_of(d) != *wd) ++d;
      date = d;
    } else if (tk.t[i].kind == Token::number && i + 1 < n) {
      // "25 Nov", "25 de noviembre", "28 ноября"
      int day = 0;
      size_t m = i + 1;
      if (tk.is(m, "de")) ++m;
      const int month = m < n ? month_word(word(m)).value_or(0) : 0;
      if (number_value(w, &day) && day >= 1 && day <= 31 && month > 0) {
        int year = now.year;
        if (days_from_civil(year, month, day) < today) ++year;
        date = days_from_civil(year, month, day);
        i = m;
        continue;
      }
    }
    if (tk.t[i].kind == Token::word && month_word(w) && i + 1 < n &&
        tk.t[i + 1].kind == Token::number && !date) {
      int day = 0;  // "Nov 25"
      if (number_value(word(i + 1), &day) && day >= 1 && day <= 31 && word(i).size() <= 9) {
        int month = *month_word(w);
        int year = now.year;
        if (days_from_civil(year, month, day) < today) ++year;
        date = days_from_civil(year, month, day);
        ++i;
        continue;
      }
    }
    // periods of the day
    if (w == "am" || w == "morning" || w == "утра" || w == "утром" || w == "pagi" || w == "subah" ||
        w == "सुबह" || (w == "manana" && i > 0 && tk.is(i - 1, "la")))
      period = -1;
    if (w == "pm" || w == "tarde" || w == "noche" || w == "дня" || w == "вечера" ||
        w == "вечером" || w == "sore" || w == "malam" || w == "shaam" || w == "sham" ||
        w == "शाम" || w == "dopahar" || w == "दोपहर" || w == "raat" || w == "रात" ||
        w == "evening" || w == "afternoon" || w == "night")
      period = 1;
    if (w == "siang") period = 2;
  }

  // The time: "10:30", "10.30", "3pm", "11am", "a las 5", "в 11", "jam 3", "4 baje".
  for (size_t i = 0; i < n && hour < 0; ++i) {
    const auto& w = word(i);
    int h = -1, m = 0;
    if (tk.t[i].kind == Token::number) {
      int a = 0, b = 0;
      char sep = 0;
      if (std::sscanf(w.c_str(), "%d%c%d", &a, &sep, &b) == 3 && (sep == ':' || sep == '.') &&
          a <= 23 && b <= 59 && w.size() - w.find(sep) == 3) {
        h = a;
        m = b;
      }
    } else {
      int a = 0;
      char suffix[4] = {0};
      if (std::sscanf(w.c_str(), "%d%3s", &a, suffix) == 2 && a >= 1 && a <= 12) {
        std::string s = suffix;
        if (s == "am") {
          h = a % 12;
          period = -1;
        } else if (s == "pm") {
          h = a % 12 + 12;
          period = 1;
        }
      }
    }
    if (h < 0 && tk.t[i].kind == Token::number) {
      int a = 0;
      if (!number_value(w, &a) || a > 23) continue;
      const std::string prev = i > 0 ? word(i - 1) : "";
      const std::string next = i + 1 < n ? word(i + 1) : "";
      bool cue_before = prev == "at" || prev == "las" || prev == "la" || prev == "в" ||
                        prev == "на" || prev == "jam" || prev == "pukul" || prev == "@" ||
                        prev == "saade" || prev == "sawa" || prev == "paune" || prev == "subah" ||
                        prev == "shaam" || prev == "sham" || prev == "सुबह" || prev == "शाम" ||
                        prev == "दोपहर" || prev == "dopahar" || prev == "सुबह";
      bool cue_after = next == "baje" || next == "बजे" || next == "pm" || next == "am" ||
                       next == "часа" || next == "час" || next == "часов" || next == "ч" ||
                       next == "uhr" || next == "o";
      // "на 12" is a time only when no date word follows ("на 28 ноября" is a date)
      if (prev == "на" && i + 1 < n && month_word(next)) continue;
      if (!cue_before && !cue_after) continue;
      h = a;
      if (next == "pm") {
        h = a % 12 + 12;
        period = 1;
      } else if (next == "am") {
        h = a % 12;
        period = -1;
      }
      if (prev == "saade") m = 30;
      if (prev == "sawa") m = 15;
      if (prev == "paune") {
        h -= 1;
        m = 45;
      }
    }
    if (h < 0 && (w == "dhai" || w == "dedh")) {
      h = w == "dhai" ? 2 : 1;
      m = 30;
    }
    if (h >= 0) {
      hour = h;
      minute = m;
    }
  }
  if (hour < 0 && !date) return "";
  if (hour < 0) {
    hour = 9;  // a day without a time: the start of the working day
  } else if (hour <= 12) {
    if (period == -1) {
      if (hour == 12) hour = 0;
    } else if (period == 1) {
      if (hour < 12) hour += 12;
    } else if (period == 2) {
      if (hour >= 1 && hour <= 5) hour += 12;
    } else if (hour >= 1 && hour <= 7) {
      hour += 12;  // the contract's rule: 1-7 without am/pm is the afternoon
    }
  }
  long day = date ? *date : today;
  if (!date && (hour < now.hour || (hour == now.hour && minute <= now.minute))) ++day;
  int y, mo, d;
  civil_from_days(day, &y, &mo, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", y, mo, d, hour, minute);
  return buf;
}

}  // namespace parley::brain::nlu
