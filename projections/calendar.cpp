#include "projections/calendar.hpp"

#include <cstdio>
#include "domain/civil_date.hpp"

namespace parley::projections {

namespace {
constexpr int64_t kHourUs = int64_t{3600} * 1000000;
constexpr int64_t kDayUs = 24 * kHourUs;

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
}  // namespace

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
  const auto c = domain::civil_from_days(day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month,
                c.day);
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
  const int64_t local =
      domain::days_from_civil(y, static_cast<int>(m), static_cast<int>(d)) * kDayUs;
  *utc_us = local - offset(local - offset(local));
  return true;
}

}  // namespace parley::projections
