// Offline understanding (brain::understand, brain/nlu*.cpp) and the "now"
// it resolves dates against (nlu::parse_now), as POST /api/v1/nlu/parse,
// chat turns and the CRM desk use them. Input: the first line is "now"
// (ISO 8601; when it does not parse, the tests' 2026-11-22T10:00:00+05:30
// is used), the rest the message.
//
// The text is cut at domain::kMaxTextBytes (16 KiB): every edge refuses a
// longer text before any parsing (domain/limits.hpp), so understanding never
// sees more. Longer inputs are still run, cut, so the fuzzer's mutations of
// them are not wasted.
#include <cmath>
#include <set>
#include <string>

#include "brain/nlu.hpp"
#include "domain/limits.hpp"
#include "fuzz/fuzz.hpp"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::set<std::string> kLanguages = {"en", "es", "ru", "id", "hi"};
  const std::string in(reinterpret_cast<const char*>(data), size);
  size_t at = 0;
  std::string now_text;
  fuzz::next_line(in, &at, &now_text);
  brain::nlu::LocalNow now;
  if (!brain::nlu::parse_now(now_text, &now))
    brain::nlu::parse_now("2026-11-22T10:00:00+05:30", &now);
  std::string text = at < in.size() ? in.substr(at) : "";
  if (text.size() > domain::kMaxTextBytes) text.resize(domain::kMaxTextBytes);

  const auto u = brain::understand(text, now);
  if (u.intent.empty()) fuzz::fail("no intent");
  if (!(u.confidence >= 0 && u.confidence <= 1)) fuzz::fail("confidence outside [0, 1]");
  if (!kLanguages.count(u.language)) fuzz::fail("a language outside the five");
  for (const auto& [slot, value] : u.number_slots)
    if (!std::isfinite(value)) fuzz::fail("a number slot that is not finite");
  return 0;
}
