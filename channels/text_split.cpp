#include "channels/text_split.hpp"

#include <algorithm>

namespace parley::channels {
namespace {

size_t seq_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;  // a stray continuation byte counts alone
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

}  // namespace

size_t utf16_length(const std::string& s) {
  size_t units = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n = seq_len(static_cast<unsigned char>(s[i]));
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return units;
}

std::vector<std::string> split_text(const std::string& s, size_t limit) {
  std::vector<std::string> out;
  if (limit == 0) limit = 1;
  size_t start = 0;
  while (start < s.size()) {
    while (start < s.size() && is_space(s[start])) ++start;
    if (start >= s.size()) break;
    // The byte offset where `limit` units end.
    size_t end = start, units = 0;
    while (end < s.size()) {
      size_t n = seq_len(static_cast<unsigned char>(s[end]));
      size_t u = n == 4 ? 2 : 1;
      if (units + u > limit) break;
      units += u;
      end = std::min(s.size(), end + n);
    }
    if (end < s.size()) {
      // Prefer the last paragraph, line, sentence or word break in the second half.
      const size_t floor = start + (end - start) / 2;
      size_t cut = std::string::npos;
      for (const char* sep : {"\n\n", "\n", ". ", " "}) {
        size_t p = s.rfind(sep, end - 1);
        if (p != std::string::npos && p >= floor && p < end) {
          cut = p + (sep[0] == '.' ? 1 : 0);
          break;
        }
      }
      if (cut != std::string::npos && cut > start) end = cut;
    }
    size_t stop = end;
    while (stop > start && is_space(s[stop - 1])) --stop;
    out.push_back(s.substr(start, stop - start));
    start = end;
  }
  return out;
}

}  // namespace parley::channels
