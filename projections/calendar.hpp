// Local dates for views that count by day: the store's zone as a name (part
// of a view's fingerprint) and its offset at an instant. Offsets are cached
// per hour, so folding a million events asks the zone a few thousand times.
// Not thread-safe (the cache): each thread uses its own copy.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace parley::projections {

class Calendar {
 public:
  using OffsetAt = std::function<int64_t(int64_t utc_us)>;
  static Calendar utc() {
    return Calendar("UTC", [](int64_t) { return int64_t{0}; });
  }
  Calendar(std::string zone, OffsetAt offset)
      : zone_(std::move(zone)), offset_(std::move(offset)) {}

  const std::string& zone() const { return zone_; }
  // "2026-11-22" in the zone.
  std::string date(int64_t utc_us) const;
  // The UTC instant of local midnight starting `date` ("YYYY-MM-DD"); false if malformed.
  bool day_start(const std::string& date, int64_t* utc_us) const;
  int64_t offset(int64_t utc_us) const;

 private:
  std::string zone_;
  OffsetAt offset_;
  mutable int64_t cached_hour_ = INT64_MIN;
  mutable int64_t cached_offset_ = 0;
  mutable int64_t cached_day_ = INT64_MIN;  // local days since the epoch
  mutable std::string cached_date_;
};

// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
void civil_from_days(int64_t z, int64_t* y, unsigned* m, unsigned* d);

}  // namespace parley::projections
