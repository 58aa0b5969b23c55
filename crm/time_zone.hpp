// The store's time zone (PARLEY_TIMEZONE): an IANA name ("Asia/Kolkata",
// "Europe/Madrid") read from the system's tz database, "UTC", or a fixed
// offset ("+05:30"). Converts UTC instants to local wall-clock time and back,
// daylight-saving time included.
//
// Contract: IANA zones are computed with the C library (TZ + localtime_r /
// mktime) under one process-wide lock. The process's TZ is set to the zone
// in use; the server uses a single zone, set before any thread starts, so
// nothing else observes TZ change. Tests that use several zones do so from
// one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace parley::crm {

struct LocalTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
  int weekday = 4;  // 0 = Sunday
  int offset_minutes = 0;

  std::string date() const;       // "2026-11-25"
  std::string date_time() const;  // "2026-11-25T15:00"
};

class TimeZone {
 public:
  // nullopt when the name is neither UTC, a ±HH:MM offset nor a zone in the tz database.
  static std::optional<TimeZone> load(const std::string& name);
  static TimeZone utc() { return *load("UTC"); }

  const std::string& name() const { return name_; }
  LocalTime local(int64_t utc_us) const;
  int offset_minutes_at(int64_t utc_us) const { return local(utc_us).offset_minutes; }
  // The UTC instant of a local wall-clock time ("2026-11-25T15:00"); a time
  // skipped by a DST change resolves forward, a repeated one to its first
  // occurrence. nullopt if the text is malformed.
  std::optional<int64_t> to_utc(const std::string& local_date_time) const;
  std::optional<int64_t> to_utc(int year, int month, int day, int hour, int minute) const;

 private:
  std::string name_;
  bool fixed_ = true;
  int fixed_offset_minutes_ = 0;
};

}  // namespace parley::crm
