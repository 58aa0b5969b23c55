#include "projections/calendar.hpp"

#include <cstdio>

namespace parley::projections {

namespace {
constexpr int64_t kHourUs = int64_t{3600} * 1000000;
constexpr int64_t kDayUs = 24 * kHourUs;

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
}  // namespace

// Howard Hinnant's algorithms (public domain), as in <chrono>'s sys_days.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

int64_t Calendar::offset(int64_t utc_us) const {
  const int64_t hour = floor_div(utc_us, kHourUs);
  if (hour != cached_hour_) {
    cached_offset_ = offset_ ? offset_(utc_us) : 0;
    cached_hour_ = hour;
  }
  return cached_offset_;
}

std::string Calendar::date(int64_t utc_us) const {
  const int64_t day = floor_div(utc_us + offset(utc_us), kDayUs);
  if (day == cached_day_) return cached_date_;
  int64_t y;
  unsigned m, d;
  civil_from_days(day, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  cached_day_ = day;
  cached_date_ = buf;
  return cached_date_;
}

bool Calendar::day_start(const std::string& date, int64_t* utc_us) const {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      m < 1 || m > 12 || d < 1 || d > 31)
    return false;
  const int64_t local = days_from_civil(y, m, d) * kDayUs;
  *utc_us = local - offset(local - offset(local));
  return true;
}

}  // namespace parley::projections
