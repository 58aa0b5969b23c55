// The words and arithmetic of dates (brain/nlu_calendar.hpp).
#include "brain/nlu_calendar.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "brain/nlu_numbers.hpp"
#include "brain/romanize.hpp"
#include "domain/civil_date.hpp"

namespace parley::brain::nlu {
namespace {

struct Stem {
  const char* stem;
  int value;
};

bool starts_with(const std::string& w, const char* stem) {
  return w.compare(0, std::char_traits<char>::length(stem), stem) == 0;
}

}  // namespace

long days_from_civil(int y, int m, int d) {
  return static_cast<long>(domain::days_from_civil(y, m, d));
}

void civil_from_days(long z, int* y, int* m, int* d) {
  const auto c = domain::civil_from_days(z);
  *y = static_cast<int>(c.year);
  *m = c.month;
  *d = c.day;
}

int weekday_of(long days) {
  return static_cast<int>((days + 3) % 7);
}  // 0 = Monday

// One spelling per word: Devanagari romanised, then the spellings chat
// uses for one time word made one. Other words come back as they are.
std::string time_spelling(const std::string& folded) {
  static const std::map<std::string, std::string> chat = {
      {"tmrw", "tomorrow"},      {"tmr", "tomorrow"},     {"tmw", "tomorrow"},
      {"tmrow", "tomorrow"},     {"tomorow", "tomorrow"}, {"tommorow", "tomorrow"},
      {"tommorrow", "tomorrow"}, {"2moro", "tomorrow"},   {"2mrw", "tomorrow"},
      {"tdy", "today"},          {"tonite", "tonight"},   {"mediodia", "noon"},
      {"midday", "noon"},        {"полдень", "noon"},     {"полдня", "noon"},
      {"o'clock", "oclock"},     {"o’clock", "oclock"},   {"sade", "saade"},
      {"saadhe", "saade"},       {"sadhe", "saade"},      {"sava", "sawa"},
      {"savaa", "sawa"},         {"pone", "paune"},       {"paone", "paune"},
      {"dhaai", "dhai"},         {"dhaee", "dhai"},       {"dedhh", "dedh"},
      {"parson", "parso"},       {"parsoon", "parso"},    {"bje", "baje"},
      {"bajey", "baje"},         {"pkl", "pukul"},        {"jm", "jam"}};
  static const std::map<std::string, std::string> romanised = {
      {"sarhe", "saade"}, {"derh", "dedh"}, {"parason", "parso"},
      {"aj", "aaj"},      {"rat", "raat"},  {"mai", "may"}};
  const bool devanagari = has_devanagari(folded);
  const std::string w = devanagari ? romanize_devanagari(folded) : folded;
  if (devanagari)
    if (auto it = romanised.find(w); it != romanised.end()) return it->second;
  auto it = chat.find(w);
  return it == chat.end() ? w : it->second;
}

// 0 = Monday. Abbreviations exactly; names by their stem.
std::optional<int> weekday_word(const std::string& w) {
  static const std::map<std::string, int> abbreviations = {
      {"mon", 0},  {"tue", 1},   {"tues", 1}, {"wed", 2}, {"weds", 2}, {"thu", 3},
      {"thur", 3}, {"thurs", 3}, {"fri", 4},  {"sat", 5}, {"sun", 6},  {"пн", 0},
      {"вт", 1},   {"ср", 2},    {"чт", 3},   {"пт", 4},  {"сб", 5},   {"вс", 6}};
  if (auto it = abbreviations.find(w); it != abbreviations.end()) return it->second;
  static const Stem stems[] = {
      {"monday", 0},     {"lunes", 0},     {"понедельн", 0}, {"senin", 0},      {"somvar", 0},
      {"somvaar", 0},    {"somwar", 0},    {"somavar", 0},   {"tuesday", 1},    {"martes", 1},
      {"вторник", 1},    {"selasa", 1},    {"mangalvar", 1}, {"mangalvaar", 1}, {"mangalwar", 1},
      {"mangalavar", 1}, {"wednesday", 2}, {"miercoles", 2}, {"сред", 2},       {"rabu", 2},
      {"budhvar", 2},    {"budhvaar", 2},  {"budhwar", 2},   {"budhavar", 2},   {"thursday", 3},
      {"jueves", 3},     {"четверг", 3},   {"kamis", 3},     {"guruvar", 3},    {"guruvaar", 3},
      {"guruwar", 3},    {"veervar", 3},   {"friday", 4},    {"viernes", 4},    {"пятниц", 4},
      {"jumat", 4},      {"jum'at", 4},    {"shukravar", 4}, {"shukravaar", 4}, {"shukrawar", 4},
      {"saturday", 5},   {"sabado", 5},    {"суббот", 5},    {"sabtu", 5},      {"shanivar", 5},
      {"shanivaar", 5},  {"shaniwar", 5},  {"sunday", 6},    {"domingo", 6},    {"воскресен", 6},
      {"minggu", 6},     {"ravivar", 6},   {"ravivaar", 6},  {"raviwar", 6},    {"itvaar", 6},
      {"itwar", 6},      {"etvaar", 6}};
  for (const auto& s : stems)
    if (starts_with(w, s.stem)) return s.value;
  return std::nullopt;
}

// Abbreviations exactly ("dec", "дек"); names by a stem long enough not to
// be another word ("martes" is not March, "desde" not December).
std::optional<int> month_word(const std::string& w) {
  static const std::map<std::string, int> abbreviations = {
      {"jan", 1},  {"ene", 1},  {"янв", 1},  {"feb", 2},  {"фев", 2},  {"mar", 3},  {"мар", 3},
      {"apr", 4},  {"abr", 4},  {"апр", 4},  {"may", 5},  {"mayo", 5}, {"mei", 5},  {"мая", 5},
      {"май", 5},  {"jun", 6},  {"june", 6}, {"juni", 6}, {"июн", 6},  {"jul", 7},  {"july", 7},
      {"juli", 7}, {"июл", 7},  {"aug", 8},  {"ago", 8},  {"agu", 8},  {"авг", 8},  {"sep", 9},
      {"sept", 9}, {"set", 9},  {"сен", 9},  {"oct", 10}, {"okt", 10}, {"окт", 10}, {"nov", 11},
      {"ноя", 11}, {"dec", 12}, {"dic", 12}, {"des", 12}, {"дек", 12}};
  if (auto it = abbreviations.find(w); it != abbreviations.end()) return it->second;
  static const Stem stems[] = {
      {"januar", 1},   {"enero", 1},    {"январ", 1},    {"janvari", 1}, {"janavari", 1},
      {"februar", 2},  {"febrero", 2},  {"феврал", 2},   {"farvari", 2}, {"pharavari", 2},
      {"march", 3},    {"marzo", 3},    {"maret", 3},    {"март", 3},    {"april", 4},
      {"abril", 4},    {"апрел", 4},    {"aprail", 4},   {"junio", 6},   {"julio", 7},
      {"julai", 7},    {"august", 8},   {"agosto", 8},   {"agustus", 8}, {"август", 8},
      {"agast", 8},    {"septemb", 9},  {"septiemb", 9}, {"setiemb", 9}, {"сентябр", 9},
      {"sitambar", 9}, {"octob", 10},   {"octubr", 10},  {"oktob", 10},  {"октябр", 10},
      {"aktubar", 10}, {"novemb", 11},  {"noviemb", 11}, {"ноябр", 11},  {"navambar", 11},
      {"decemb", 12},  {"diciemb", 12}, {"desemb", 12},  {"декабр", 12}, {"disambar", 12}};
  for (const auto& s : stems)
    if (starts_with(w, s.stem)) return s.value;
  return std::nullopt;
}

bool is_time_word(const std::string& folded) {
  static const std::set<std::string> words = {
      "today",  "tomorrow",    "tonight", "morning", "afternoon", "evening", "night",
      "noon",   "hoy",         "manana",  "tarde",   "noche",     "pasado",  "сегодня",
      "завтра", "послезавтра", "утра",    "утром",   "дня",       "вечера",  "вечером",
      "besok",  "lusa",        "pagi",    "siang",   "sore",      "malam",   "aaj",
      "kal",    "parso",       "subah",   "shaam",   "sham",      "dopahar", "raat",
      "baje",   "saade",       "sawa",    "paune",   "dhai",      "dedh",    "bajkar"};
  const std::string w = time_spelling(folded);
  return words.count(w) > 0 || weekday_word(w).has_value() || month_word(w).has_value();
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

}  // namespace parley::brain::nlu
