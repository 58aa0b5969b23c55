#include "channels/language_hint.hpp"

#include <cctype>

namespace parley::channels {
namespace {

// The calling codes of the countries where most people read each language,
// space-separated. Calling codes are prefix-free, except NANP's +1: its
// Spanish-reading area codes (the Dominican Republic's, Puerto Rico's) are
// tried before "1" itself.
struct Readers {
  const char* language;
  const char* codes;
};
constexpr Readers kReaders[] = {
    {"es", "1809 1829 1849 1787 1939"},
    {"en", "1 44 61 64 353"},
    {"ru", "7 375"},  // Russia and Kazakhstan, Belarus
    {"id", "62"},
    {"hi", "91"},
    // Spain, Mexico, Central and South America, Cuba, Equatorial Guinea.
    {"es", "34 52 502 503 504 505 506 507 53 51 54 56 57 58 591 593 595 598 240"},
};

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::string language_of_locale(const std::string& code) {
  if (code.size() > 16) return "";
  std::string primary;
  for (char c : code) {
    if (c == '-' || c == '_') break;  // "es-419", and "pt_BR" as some clients write it
    primary.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (primary == "in") return "id";  // Indonesian's code until 1989, still in old clients
  for (const char* known : {"en", "es", "ru", "id", "hi"})
    if (primary == known) return known;
  return "";
}

std::string language_of_phone(const std::string& number) {
  size_t i = starts_with(number, "whatsapp:") ? 9 : 0;
  if (i < number.size() && number[i] == '+') ++i;
  const size_t start = i;
  while (i < number.size() && std::isdigit(static_cast<unsigned char>(number[i]))) ++i;
  const std::string digits = number.substr(start, i - start);
  // E.164 numbers have at most 15 digits; no calling code starts with 0.
  if (digits.size() < 8 || digits.size() > 15 || digits[0] == '0') return "";
  // Only a person's number: a group ("7916…-1600000000@g.us" names its
  // creator) or an @lid id (not a phone number at all) says nothing.
  const std::string rest = number.substr(i);
  if (!rest.empty() && rest != "@c.us" && rest != "@s.whatsapp.net") return "";
  for (const auto& readers : kReaders) {
    const std::string codes = readers.codes;
    for (size_t from = 0; from < codes.size();) {
      size_t space = codes.find(' ', from);
      if (space == std::string::npos) space = codes.size();
      if (starts_with(digits, codes.substr(from, space - from))) return readers.language;
      from = space + 1;
    }
  }
  return "";
}

}  // namespace parley::channels
