#include "brain/text.hpp"

#include <algorithm>
#include <cstdint>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace parley::brain {
namespace {

// Decodes one code point; advances i. Returns 0xFFFFFFFF on invalid input.
uint32_t next_cp(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFFFFFF;
  }
  uint32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFFFFFF;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

void put_cp(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Latin-1 Supplement and Latin Extended-A letters without their accents.
uint32_t strip_latin(uint32_t cp) {
  static const char* kLatin1 =  // U+00C0 .. U+00FF, lower-cased, '?' = keep
      "aaaaaaaceeeeiiiidnooooo?ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo?ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) {
    char c = kLatin1[cp - 0xC0];
    return c == '?' ? cp : static_cast<uint32_t>(c);
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    static const char* kExtA =  // U+0100 .. U+017F
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
        "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    return static_cast<uint32_t>(kExtA[cp - 0x100]);
  }
  return cp;
}

bool is_devanagari(uint32_t cp) {
  return cp >= 0x0900 && cp <= 0x097F;
}
bool is_cyrillic(uint32_t cp) {
  return cp >= 0x0400 && cp <= 0x04FF;
}
// Devanagari's punctuation: the danda "।" and double danda "॥" end sentences,
// and the abbreviation sign "॰" stands alone.
bool is_devanagari_mark(uint32_t cp) {
  return cp == 0x0964 || cp == 0x0965 || cp == 0x0970;
}
bool is_word_cp(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || is_cyrillic(cp) ||
         (is_devanagari(cp) && !is_devanagari_mark(cp)) ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}
bool is_digit(uint32_t cp) {
  return cp >= '0' && cp <= '9';
}

// A Latin letter without its accents by ICU's canonical decomposition
// ("ệ" -> "e", "Ž" -> "z"); letters that do not decompose (ø, đ, ł, ß, æ, þ)
// by the table above.
uint32_t latin_base(uint32_t cp) {
  static const icu::Normalizer2* nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  icu::UnicodeString parts;
  if (nfd && nfd->getDecomposition(static_cast<UChar32>(cp), parts) && parts.length() > 0) {
    const UChar32 base = parts.char32At(0);
    if (base < 0x80) return static_cast<uint32_t>(u_tolower(base));
  }
  return cp >= 0xC0 && cp <= 0x17F ? strip_latin(cp) : cp;
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = next_cp(s, i);
    if (cp == 0xFFFFFFFF) continue;
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') cp += 32;
    } else {
      // ICU's case folding for every script; accents off Latin letters only
      // (й stays й, and Devanagari's vowel signs stay in their word).
      cp = static_cast<uint32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
      if ((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF)) cp = latin_base(cp);
      if (cp == 0x0451) cp = 0x0435;  // ё -> е
    }
    put_cp(out, cp);
  }
  return out;
}

std::vector<std::string> tokenize(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  int cur_kind = 0;        // 1 digits, 2 letters
  size_t letters_run = 0;  // letters in the current token
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
    cur_kind = 0;
    letters_run = 0;
  };
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    uint32_t cp = next_cp(s, i);
    if (cp == 0xFFFFFFFF) continue;
    // A '.' between digits stays inside a number: "3.5".
    if (cp == '.' && cur_kind == 1 && i < s.size() && is_digit(static_cast<unsigned char>(s[i])) &&
        cur.find('.') == std::string::npos) {
      cur.push_back('.');
      continue;
    }
    if (!is_word_cp(cp)) {
      flush();
      continue;
    }
    int kind = is_digit(cp) ? 1 : 2;
    if (cur_kind == 1 && kind == 2) flush();                     // "8mm" -> "8" "mm"
    if (cur_kind == 2 && kind == 1 && letters_run > 1) flush();  // "spf50" -> "spf" "50"
    cur.append(s.substr(start, i - start));
    if (kind == 2) ++letters_run;
    cur_kind = kind;
  }
  flush();
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

bool is_number(std::string_view t) {
  if (t.empty()) return false;
  int dots = 0;
  for (char c : t) {
    if (c == '.') {
      if (++dots > 1) return false;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return t.front() != '.' && t.back() != '.';
}

}  // namespace parley::brain
