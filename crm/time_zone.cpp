#include "crm/time_zone.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include "domain/civil_date.hpp"

namespace parley::crm {
namespace {

std::mutex& tz_mutex() {
  static std::mutex mu;
  return mu;
}

// Makes `name` the process's zone; the caller holds tz_mutex().
void use_zone(const std::string& name) {
  static std::string current;
  if (current == name) return;
  setenv("TZ", (":" + name).c_str(), 1);
  tzset();
  current = name;
}

bool zone_file_exists(const std::string& name) {
  if (name.empty() || name.find("..") != std::string::npos || name[0] == '/') return false;
  const char* dir = std::getenv("TZDIR");
  std::string path = std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + name;
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

LocalTime civil(int64_t local_seconds, int offset_minutes) {
  int64_t days = local_seconds / 86400;
  int64_t secs = local_seconds % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  const auto date = domain::civil_from_days(days);
  LocalTime t;
  t.day = date.day;
  t.month = date.month;
  t.year = static_cast<int>(date.year);
  t.hour = static_cast<int>(secs / 3600);
  t.minute = static_cast<int>(secs % 3600 / 60);
  t.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  t.offset_minutes = offset_minutes;
  return t;
}

}  // namespace

std::string LocalTime::date() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string LocalTime::date_time() const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
  return buf;
}

std::optional<TimeZone> TimeZone::load(const std::string& name) {
  TimeZone tz;
  tz.name_ = name.empty() ? "UTC" : name;
  const auto& n = tz.name_;
  if (n == "UTC" || n == "Etc/UTC" || n == "Z") return tz;
  int h = 0, m = 0;
  char sign = 0;
  if (n.size() == 6 && std::sscanf(n.c_str(), "%c%2d:%2d", &sign, &h, &m) == 3 &&
      (sign == '+' || sign == '-') && h <= 14 && m < 60) {
    tz.fixed_offset_minutes_ = (sign == '-' ? -1 : 1) * (h * 60 + m);
    return tz;
  }
  if (!zone_file_exists(n)) return std::nullopt;
  tz.fixed_ = false;
  return tz;
}

LocalTime TimeZone::local(int64_t utc_us) const {
  int64_t secs = utc_us >= 0 ? utc_us / 1000000 : -((-utc_us + 999999) / 1000000);
  if (fixed_) return civil(secs + fixed_offset_minutes_ * 60, fixed_offset_minutes_);
  std::tm tm{};
  std::time_t t = static_cast<std::time_t>(secs);
  {
    std::lock_guard<std::mutex> lock(tz_mutex());
    use_zone(name_);
    localtime_r(&t, &tm);
  }
  int offset = static_cast<int>(tm.tm_gmtoff / 60);
  return civil(secs + tm.tm_gmtoff, offset);
}

std::optional<int64_t> TimeZone::to_utc(int year, int month, int day, int hour, int minute) const {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59)
    return std::nullopt;
  const int64_t local_secs =
      domain::days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60;
  if (fixed_) return (local_secs - fixed_offset_minutes_ * 60) * 1000000;
  // The offsets a day before and after: at most one change lies between.
  const int oa = offset_minutes_at((local_secs - 86400) * 1000000);
  const int ob = offset_minutes_at((local_secs + 86400) * 1000000);
  const int64_t ta = local_secs - oa * 60, tb = local_secs - ob * 60;
  const bool a_ok = ta + offset_minutes_at(ta * 1000000) * 60 == local_secs;
  const bool b_ok = tb + offset_minutes_at(tb * 1000000) * 60 == local_secs;
  int64_t corrected = ta;  // in a gap: read with the earlier offset, i.e. forward
  if (a_ok && b_ok)
    corrected = std::min(ta, tb);  // an overlap: the first occurrence
  else if (b_ok)
    corrected = tb;
  return corrected * 1000000;
}

std::optional<int64_t> TimeZone::to_utc(const std::string& s) const {
  int y, mo, d, h, mi;
  if (s.size() < 16 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
    return std::nullopt;
  return to_utc(y, mo, d, h, mi);
}

}  // namespace parley::crm
