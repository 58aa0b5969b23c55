// Dates and times in five languages, resolved against the message's `now`.
// Rules over tokens, each word looked up by one spelling: Devanagari is
// romanised first and the chat spellings of a word are made one
// ("tmrw" -> "tomorrow", "sade" -> "saade", "साढ़े" -> "sarhe" -> "saade").
// A date is the last one named that is not being replaced ("friday instead
// of tuesday", "en vez del martes", "shanivar ki jagah"); a time is the
// surest one named: a written time ("4:30pm", "15:00", "17h", "noon") over
// a number with a time word ("at 3", "a las 5", "в 11", "jam 3", "4 baje")
// over a bare number right after a day ("friday 10", "tomorrow 2").
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "brain/nlu_calendar.hpp"
#include "brain/nlu_numbers.hpp"

namespace parley::brain::nlu {
namespace {

bool all_digits(const std::string& s) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "1st", "2nd", "28th", "1ro", "1er", "3-го": a day of the month, else 0.
int day_ordinal(const std::string& w) {
  size_t i = 0;
  while (i < w.size() && i < 2 && w[i] >= '0' && w[i] <= '9') ++i;
  if (i == 0) return 0;
  static const std::set<std::string> suffixes = {"st", "nd", "rd", "th",  "ro", "er",
                                                 "do", "to", "vo", "-го", "го", "-е"};
  if (!suffixes.count(w.substr(i))) return 0;
  const int d = std::atoi(w.substr(0, i).c_str());
  return d >= 1 && d <= 31 ? d : 0;
}

// "первого" .. "двенадцатого": the hour "в половине третьего" counts toward.
int genitive_hour(const std::string& w) {
  static const std::map<std::string, int> hours = {
      {"первого", 1},  {"второго", 2},   {"третьего", 3},       {"четвертого", 4},
      {"пятого", 5},   {"шестого", 6},   {"седьмого", 7},       {"восьмого", 8},
      {"девятого", 9}, {"десятого", 10}, {"одиннадцатого", 11}, {"двенадцатого", 12}};
  auto it = hours.find(w);
  return it == hours.end() ? 0 : it->second;
}

// The words of one message, read for one date and one time.
class DatetimeReader {
 public:
  DatetimeReader(const Tokens& tk, const LocalNow& now)
      : tk_(tk), now_(now), today_(days_from_civil(now.year, now.month, now.day)) {
    words_.reserve(tk.size());
    for (size_t i = 0; i < tk.size(); ++i) words_.push_back(time_spelling(tk.f(i)));
  }

  std::string resolve() {
    read_dates();
    read_times();
    if (!hour_ && dates_.empty()) return "";
    int hour = hour_ ? hour_->hour : 9;  // a day without a time: the start of the working day
    const int minute = hour_ ? hour_->minute : 0;
    if (hour_ && hour <= 12) hour = with_period(hour);
    long day = today_;
    if (!dates_.empty()) {
      day = dates_.back().day;  // the last named that is not being replaced
      for (const auto& d : dates_)
        if (!d.replaced) day = d.day;
    } else if (hour < now_.hour || (hour == now_.hour && minute <= now_.minute)) {
      ++day;  // a time that has passed today is tomorrow's
    }
    int y, mo, d;
    civil_from_days(day, &y, &mo, &d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", y, mo, d, hour, minute);
    return buf;
  }

 private:
  struct Date {
    long day;
    size_t at;
    bool replaced;  // the old date of a move ("instead of tuesday")
  };
  struct Time {
    int hour, minute, strength;
  };

  size_t size() const { return words_.size(); }
  const std::string& w(size_t i) const {
    static const std::string none;
    return i < words_.size() ? words_[i] : none;
  }
  bool is(size_t i, const char* word) const { return i < size() && words_[i] == word; }
  bool number(size_t i) const { return i < size() && tk_.t[i].kind == Token::number; }
  int value(size_t i) const { return number(i) && all_digits(w(i)) ? std::atoi(w(i).c_str()) : -1; }

  // The next date with day of month `d` from today on (this month or the next).
  long day_of_month(int d) const {
    int y = now_.year, m = now_.month;
    for (int k = 0; k < 3; ++k) {
      const long candidate = days_from_civil(y, m, d);
      int cy, cm, cd;
      civil_from_days(candidate, &cy, &cm, &cd);
      if (cd == d && candidate >= today_) return candidate;
      if (++m > 12) m = 1, ++y;
    }
    return today_;
  }
  long civil(int d, int m) const {
    int y = now_.year;
    if (days_from_civil(y, m, d) < today_) ++y;
    return days_from_civil(y, m, d);
  }

  bool replaced_at(size_t i) const {
    // "instead of friday", "en vez del martes", "вместо среды", "from tuesday"
    for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
      const auto& b = w(k);
      if (b == "instead" || b == "vez" || b == "lugar" || b == "вместо" || b == "from" ||
          b == "dari" || b == "bukan")
        return true;
    }
    // "not today", "jangan hari ini", "не сегодня"
    for (size_t k = i >= 2 ? i - 2 : 0; k < i; ++k) {
      const auto& b = w(k);
      if (b == "not" || b == "jangan" || b == "не") return true;
    }
    // "kal nahi, parso": Hindi says no after the word
    if (is(i + 1, "nahi") || is(i + 1, "nahin") || is(i + 1, "nahim") || is(i + 1, "nhi"))
      return true;
    // "shanivar ki jagah", "शनिवार से हटाकर"
    const auto& a1 = w(i + 1);
    if ((a1 == "ki" || a1 == "ke") && (is(i + 2, "jagah") || is(i + 2, "jagah,"))) return true;
    if (a1 == "se" && (is(i + 2, "hatakar") || is(i + 2, "hata") || is(i + 2, "shift")))
      return true;
    return false;
  }
  void add_date(long day, size_t at) { dates_.push_back({day, at, replaced_at(at)}); }

  static bool time_cue(const std::string& b) {
    static const std::set<std::string> cues = {
        "at", "@",     "by",   "around", "las",   "la",    "alas", "в",       "jam",  "pukul",
        "um", "saade", "sawa", "paune",  "subah", "shaam", "sham", "dopahar", "raat", "setengah"};
    return cues.count(b) > 0;
  }
  static bool hour_word_after(const std::string& a) {
    static const std::set<std::string> words = {
        "baje",   "bajkar", "pm", "am", "часов", "часа", "час", "ч",      "uhr",
        "oclock", "hrs",    "hr", "hs", "h",     "утра", "дня", "вечера", "ночи"};
    return words.count(a) > 0;
  }
  bool day_word(size_t i) const {
    const auto& b = w(i);
    return b == "today" || b == "tomorrow" || b == "hoy" || b == "manana" || b == "besok" ||
           b == "lusa" || b == "kal" || b == "aaj" || b == "parso" || b == "сегодня" ||
           b == "завтра" || b == "послезавтра" || weekday_word(b).has_value() || b == "morning" ||
           b == "evening" || b == "afternoon" || b == "tonight" || b == "pagi" || b == "siang" ||
           b == "sore" || b == "malam" || b == "subah" || b == "shaam" || b == "sham" ||
           b == "dopahar" || b == "raat" || b == "утром" || b == "вечером" || b == "днем" ||
           b == "вечер" || b == "утро";
  }

  void read_dates() {
    const size_t n = size();
    for (size_t i = 0; i < n; ++i) {
      if (used_.count(i)) continue;
      const auto& x = w(i);
      if (x == "today" || x == "hoy" || x == "сегодня" || x == "aaj" || x == "tonight" ||
          (x == "hari" && is(i + 1, "ini"))) {
        add_date(today_, i);
      } else if (x == "tomorrow" || x == "завтра" || x == "besok" || x == "kal") {
        add_date(today_ + 1, i);
      } else if (x == "manana" && !(i > 0 && (is(i - 1, "la") || is(i - 1, "de")))) {
        add_date(i > 0 && is(i - 1, "pasado") ? today_ + 2 : today_ + 1, i);
      } else if (x == "послезавтра" || x == "lusa" || x == "parso") {
        add_date(today_ + 2, i);
      } else if (x == "day" && is(i + 1, "after") && is(i + 2, "tomorrow")) {
        add_date(today_ + 2, i);
        i += 2;
      } else if (auto wd = weekday_word(x)) {
        long d = today_ + 1;
        while (weekday_of(d) != *wd) ++d;
        // "lunes 30", "martes 1 a las 2": the day of the month after a weekday.
        const int dom = value(i + 1);
        if (dom >= 1 && dom <= 31 && !month_word(w(i + 2)) &&
            (dom > 23 || time_cue(w(i + 2)) || is(i + 2, "a"))) {
          add_date(day_of_month(dom), i);
          used_.insert(i + 1);
          ++i;
        } else {
          add_date(d, i);
        }
      } else if (const int d = value(i) > 0 ? value(i) : day_ordinal(x); d >= 1 && d <= 31) {
        if (read_day_first(i, d)) continue;
      } else if (auto m = month_word(x)) {
        // "Nov 25", "December 3rd"
        const int day = value(i + 1) > 0 ? value(i + 1) : day_ordinal(w(i + 1));
        if (day >= 1 && day <= 31 && !hour_word_after(w(i + 2))) {
          add_date(civil(day, *m), i);
          used_.insert(i + 1);
          ++i;
        }
      } else if ((x == "tgl" || x == "tanggal") && value(i + 1) > 0 && !is(i + 2, "/") &&
                 !month_word(w(i + 2)) && value(i + 1) <= 31) {
        add_date(day_of_month(value(i + 1)), i);  // "tgl 27"
        used_.insert(i + 1);
        ++i;
      }
      read_dotted_date(i);
    }
  }

  // "25 Nov", "25 de noviembre", "28 ноября", "1st Dec", "25/11", "3/12/2026";
  // an ordinal day alone ("on the 30th" without a month) is this month's or the next.
  bool read_day_first(size_t i, int d) {
    size_t m = i + 1;
    if (is(m, "de") || is(m, "of")) ++m;
    if (auto month = month_word(w(m))) {
      add_date(civil(d, *month), i);
      used_.insert(i);
      used_.insert(m);
      return true;
    }
    if (number(i) && is(i + 1, "/") && value(i + 2) >= 1 && value(i + 2) <= 12) {
      add_date(civil(d, value(i + 2)), i);
      for (size_t k = i; k <= i + 2; ++k) used_.insert(k);
      if (is(i + 3, "/") && value(i + 4) >= 2000) used_.insert(i + 4);
      return true;
    }
    // "30th", "el 30 a las 10", "tgl 27 jam 10": a day of this month or the next
    const bool marked = i > 0 && (is(i - 1, "el") || is(i - 1, "tgl") || is(i - 1, "tanggal")) &&
                        (is(i + 1, "a") || time_cue(w(i + 1)));
    if (!number(i) || marked) {
      add_date(day_of_month(d), i);
      used_.insert(i);
      return true;
    }
    return false;
  }

  // "25.11", "3.12" as one token: a date unless a time word is before it
  // ("jam 10.12") or the part after the dot cannot be a month ("10.30").
  void read_dotted_date(size_t i) {
    if (!number(i) || used_.count(i)) return;
    int a = 0, b = 0;
    char sep = 0;
    const std::string& x = w(i);
    if (std::sscanf(x.c_str(), "%d%c%d", &a, &sep, &b) != 3 || sep != '.') return;
    if (a < 1 || a > 31 || b < 1 || b > 12 || x.size() - x.find('.') > 3) return;
    if (i > 0 && time_cue(w(i - 1))) return;
    if (hour_word_after(w(i + 1))) return;
    add_date(civil(a, b), i);
    used_.insert(i);
  }

  void offer(int hour, int minute, int strength) {
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return;
    if (!hour_ || strength > hour_->strength) hour_ = Time{hour, minute, strength};
  }

  void read_times() {
    const size_t n = size();
    for (size_t i = 0; i < n; ++i) {
      const auto& x = w(i);
      read_period(i);
      if (used_.count(i)) continue;
      // Written times: "10:30", "10.30", "4:30pm", "11am", "17h", "noon".
      int a = 0, b = 0;
      char sep = 0;
      char suffix[8] = {0};
      const int got = std::sscanf(x.c_str(), "%d%c%d%7s", &a, &sep, &b, suffix);
      if (got >= 3 && (sep == ':' || sep == '.') && x.find(sep) + 3 <= x.size() &&
          std::isdigit(static_cast<unsigned char>(x[x.find(sep) + 2]))) {
        const std::string s = got == 4 ? suffix : "";
        if (s.empty() || s == "am" || s == "pm" || s == "hrs" || s == "h") {
          offer(meridian(a, s), b, 3);
          continue;
        }
      }
      if (std::sscanf(x.c_str(), "%d%7s", &a, suffix) == 2) {
        const std::string s = suffix;
        if ((s == "am" || s == "pm") && a >= 1 && a <= 12) offer(meridian(a, s), 0, 3);
        if ((s == "h" || s == "hs" || s == "hrs" || s == "hr") && a <= 23) offer(a, 0, 3);
        continue;
      }
      if (x == "noon") {
        offer(12, 0, 2);
        continue;
      }
      if (x == "midnight" || x == "medianoche" || x == "полночь") offer(0, 0, 3);
      if (x == "dhai" || x == "dedh") offer(x == "dhai" ? 2 : 1, 30, 2);
      if (x == "half" && value(i + 1) > 0 && !is(i + 2, "past")) {
        offer(value(i + 1), 30, 2);  // British "half 2" is 2:30
        continue;
      }
      if ((x == "half" || x == "quarter") && is(i + 1, "past") && value(i + 2) > 0) {
        offer(value(i + 2), x == "half" ? 30 : 15, 2);
        continue;
      }
      if (x == "quarter" && is(i + 1, "to") && value(i + 2) > 0) {
        offer(value(i + 2) - 1, 45, 2);
        continue;
      }
      if (x == "setengah" && value(i + 1) > 0) {  // Indonesian "setengah 10" is 9:30
        offer(value(i + 1) - 1, 30, 2);
        continue;
      }
      if (x.rfind("половин", 0) == 0 && genitive_hour(w(i + 1))) {
        offer(genitive_hour(w(i + 1)) - 1, 30, 2);  // "в половине третьего" is 2:30
        continue;
      }
      // An hour in digits, or in words after a time word ("a las diez", "at three").
      int h = value(i);
      if (h < 0 && i > 0 && time_cue(w(i - 1)) && tk_.t[i].kind == Token::word)
        if (auto c = cardinal(x); c && *c <= 12) h = *c;
      if (h < 0 || h > 23) continue;
      const std::string& before = i > 0 ? w(i - 1) : std::string();
      const std::string& after = w(i + 1);
      // "на 12" is a time only when no date word follows ("на 28 ноября" is a date)
      const bool cue = (time_cue(before) && !(before == "la" && !is(i - 2, "a"))) ||
                       hour_word_after(after) || (before == "на" && !month_word(after)) ||
                       (after == "de" && (is(i + 2, "la") || is(i + 2, "manana"))) ||
                       is(i + 1, "y") || (after == "menos" && is(i + 2, "cuarto")) ||
                       after == "lewat" || after == "kurang";
      const bool after_day = i > 0 && day_word(i - 1) && !is(i + 1, "/");
      if (!cue && !after_day) continue;
      int hour = h, minute = 0;
      if (after == "pm" || after == "am") hour = meridian(h, after);
      if (before == "saade") minute = 30;
      if (before == "sawa") minute = 15;
      if (before == "paune") hour -= 1, minute = 45;
      if (before == "setengah") hour -= 1, minute = 30;
      if (is(i + 1, "y") && is(i + 2, "media")) minute = 30;
      if (is(i + 1, "y") && is(i + 2, "cuarto")) minute = 15;
      if (is(i + 1, "y") && value(i + 2) > 0 && value(i + 2) < 60) minute = value(i + 2);
      if (after == "menos" && is(i + 2, "cuarto")) hour -= 1, minute = 45;
      if (after == "lewat" && value(i + 2) > 0 && value(i + 2) < 60) minute = value(i + 2);
      if (after == "lewat" && is(i + 2, "seperempat")) minute = 15;
      if (after == "kurang" && is(i + 2, "seperempat")) hour -= 1, minute = 45;
      if (after == "kurang" && value(i + 2) > 0 && value(i + 2) < 60)
        hour -= 1, minute = 60 - value(i + 2);
      offer(hour, minute, cue ? 2 : 1);
    }
  }

  static int meridian(int h, const std::string& s) {
    if (s == "pm") return h % 12 + 12;
    if (s == "am") return h % 12;
    return h;
  }

  // Words for a part of the day, which say how an hour up to 12 is read.
  void read_period(size_t i) {
    const auto& x = w(i);
    if (x == "am" || x == "morning" || x == "утра" || x == "утром" || x == "pagi" || x == "subah" ||
        (x == "manana" && i > 0 && is(i - 1, "la")))
      period_ = -1;
    if (x == "pm" || x == "tarde" || x == "noche" || x == "дня" || x == "днем" || x == "вечера" ||
        x == "вечером" || x == "вечер" || x == "ночи" || x == "sore" || x == "malam" ||
        x == "shaam" || x == "sham" || x == "dopahar" || x == "raat" || x == "evening" ||
        x == "afternoon" || x == "night" || x == "tonight")
      period_ = 1;
    if (x == "siang") period_ = 2;
  }

  int with_period(int hour) const {
    if (period_ == -1) return hour == 12 ? 0 : hour;
    if (period_ == 1) return hour < 12 ? hour + 12 : hour;
    if (period_ == 2) return hour >= 1 && hour <= 5 ? hour + 12 : hour;
    return hour >= 1 && hour <= 7 ? hour + 12 : hour;  // the contract: 1-7 is the afternoon
  }

  const Tokens& tk_;
  const LocalNow now_;
  const long today_;
  std::vector<std::string> words_;
  std::vector<Date> dates_;
  std::set<size_t> used_;  // tokens read as part of a date
  std::optional<Time> hour_;
  int period_ = 0;  // -1 morning, +1 afternoon or evening, 2 midday
};

}  // namespace

std::string resolve_datetime(const Tokens& tk, const LocalNow& now) {
  return DatetimeReader(tk, now).resolve();
}

}  // namespace parley::brain::nlu
