#include "brain/nlu_tokens.hpp"

#include <cstdint>

#include "brain/text.hpp"

namespace parley::brain::nlu {
namespace {

uint32_t decode(std::string_view s, size_t i, size_t* len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (i + n > s.size()) n = 1;
  // A lead byte without its continuation bytes is not a character, as fold()
  // reads it (brain/text.cpp): a word of such bytes would fold to nothing.
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) n = 1;
  *len = n;
  if (n == 1) return 0xFFFD;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

bool letter(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F) ||
         (cp >= 0x0400 && cp <= 0x04FF) || (cp >= 0x0900 && cp <= 0x097F && cp != 0x0964);
}
bool digit(uint32_t cp) {
  return cp >= '0' && cp <= '9';
}
bool upper(uint32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x0400 && cp <= 0x042F);
}

}  // namespace

std::string Tokens::span(size_t i, size_t j) const {
  if (i > j || j >= t.size()) return "";
  std::string s = text.substr(t[i].begin, t[j].end - t[i].begin);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
  return s;
}

Tokens tokenize_message(const std::string& text) {
  Tokens out;
  out.text = text;
  const std::string_view s = text;
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 0;
    uint32_t cp = decode(s, i, &len);
    if (letter(cp) || digit(cp)) {
      size_t start = i;
      bool has_letter = false, has_digit = false;
      while (i < s.size()) {
        size_t l2 = 0;
        uint32_t c2 = decode(s, i, &l2);
        if (letter(c2) || digit(c2) || (c2 >= 0x0900 && c2 <= 0x097F && c2 != 0x0964)) {
          has_letter |= letter(c2) && !digit(c2);
          has_digit |= digit(c2);
          i += l2;
          continue;
        }
        // Joiners between word characters: "t-shirts" and "INV-3321" ('-'),
        // "2.500" and "10.30" ('.' between digits), "10:30" (':' after digits),
        // "i'll" (apostrophe before a letter).
        if (i + l2 < s.size()) {
          size_t l3 = 0;
          uint32_t c3 = decode(s, i + l2, &l3);
          size_t lp = 0;
          uint32_t prev = decode(s, i - 1, &lp);  // ASCII joiners only follow ASCII digits
          bool ok = (c2 == '-' && (letter(c3) || digit(c3))) ||
                    (c2 == '.' && digit(prev) && digit(c3)) ||
                    (c2 == ':' && has_digit && !has_letter && digit(c3)) ||
                    ((c2 == '\'' || c2 == 0x2019) && letter(c3));
          if (ok) {
            i += l2;
            continue;
          }
        }
        break;
      }
      Token tok;
      tok.begin = start;
      tok.end = i;
      tok.folded = fold(s.substr(start, i - start));
      tok.kind = has_letter ? Token::word : Token::number;
      size_t l0 = 0;
      tok.capitalized = upper(decode(s, start, &l0));
      out.t.push_back(std::move(tok));
      continue;
    }
    static const std::u32string kPunct = U",:;.!?-\u2013\u2014\u0964#\u2116@()/";
    if (kPunct.find(static_cast<char32_t>(cp)) != std::u32string::npos) {
      Token tok;
      tok.kind = Token::punct;
      tok.begin = i;
      tok.end = i + len;
      tok.folded = std::string(s.substr(i, len));
      out.t.push_back(std::move(tok));
    }
    i += len;
  }
  return out;
}

}  // namespace parley::brain::nlu
