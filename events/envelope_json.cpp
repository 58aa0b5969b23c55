#include "events/envelope_json.hpp"

#include <cctype>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace parley::events {

std::string format_timestamp(int64_t us) {
  int64_t secs = us >= 0 ? us / 1'000'000 : (us - 999'999) / 1'000'000;
  int64_t frac = us - secs * 1'000'000;
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(frac));
  return buf;
}

std::string format_utc(int64_t us, const char* format) {
  const int64_t secs = us >= 0 ? us / 1'000'000 : (us - 999'999) / 1'000'000;
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  const size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

bool parse_timestamp(const std::string& text, int64_t* out) {
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6)
    return false;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  int64_t frac = 0;
  size_t i = static_cast<size_t>(consumed);
  if (i < text.size() && text[i] == '.') {
    int digits = 0;
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      if (digits++ < 6) frac = frac * 10 + (text[i] - '0');
    }
    for (; digits < 6; ++digits) frac *= 10;
  }
  if (i + 1 != text.size() || text[i] != 'Z') return false;
  *out = static_cast<int64_t>(timegm(&tm)) * 1'000'000 + frac;
  return true;
}

nlohmann::json to_json(const EventEnvelope& e) {
  nlohmann::json payload = nlohmann::json::parse(e.payload, nullptr, false);
  if (payload.is_discarded()) payload = e.payload;  // not JSON: show it as text
  return {{"entity_type", e.entity_type},
          {"entity_id", e.entity_id},
          {"seq", e.seq},
          {"position", e.position},
          {"type", e.type},
          {"schema_version", e.schema_version},
          {"timestamp", format_timestamp(e.timestamp_us)},
          {"causation_id", e.causation_id},
          {"payload", std::move(payload)}};
}

}  // namespace parley::events
