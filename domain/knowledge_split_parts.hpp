// The pieces every knowledge format's splitter shares (domain/knowledge_text.cpp
// and domain/knowledge_split_*.cpp): UTF-8 and lines, whitespace, cutting a
// block at sentence ends, and the Out that numbers passages and caps errors.
// Internal to domain/; include only from those files.
//
// Everything here is plain loops over the bytes: an upload is untrusted, so no
// regex or backtracking, and whatever looks ahead or back is bounded (a cut
// looks back at most one passage; a link's ']' and ')' are found by pointers
// that only move forward).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/knowledge_text.hpp"

namespace parley::domain::knowledge::detail {

inline constexpr size_t npos = std::string_view::npos;

// ---- bytes, lines and whitespace --------------------------------------------

inline bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// The first byte that is not well-formed UTF-8 (no overlong forms, surrogates
// or code points past U+10FFFF), or npos.
inline size_t invalid_utf8_at(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t more = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      more = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      more = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      more = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + more >= s.size()) return i;
    unsigned char second = s[i + 1];
    if (second < lo || second > hi) return i;
    for (size_t k = 2; k <= more; ++k)
      if (!is_continuation(s[i + k])) return i;
    i += more + 1;
  }
  return npos;
}

// A line ends at "\n", "\r\n" or a lone "\r".
inline bool ends_line(std::string_view s, size_t i) {
  return s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'));
}

inline uint32_t line_of(std::string_view s, size_t offset) {
  uint32_t line = 1;
  for (size_t i = 0; i < offset; ++i) line += ends_line(s, i) ? 1 : 0;
  return line;
}

// The body's lines without their breaks, each with its 1-based number.
class Lines {
 public:
  explicit Lines(std::string_view s) : s_(s) {}
  bool next(std::string_view* line) {
    if (at_ >= s_.size()) return false;
    size_t end = at_;
    while (end < s_.size() && s_[end] != '\n' && s_[end] != '\r') ++end;
    *line = s_.substr(at_, end - at_);
    at_ = end;
    if (at_ < s_.size())
      at_ += s_[at_] == '\r' && at_ + 1 < s_.size() && s_[at_ + 1] == '\n' ? 2 : 1;
    ++number_;
    return true;
  }
  uint32_t number() const { return number_; }

 private:
  std::string_view s_;
  size_t at_ = 0;
  uint32_t number_ = 0;
};

// Spaces, tabs and the other control characters: a run of them is one space.
inline bool is_blank(unsigned char c) {
  return c <= 0x20 || c == 0x7F;
}

inline std::string collapse(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool gap = false;
  for (char c : line) {
    if (is_blank(c)) {
      gap = !out.empty();
    } else {
      if (gap) out.push_back(' ');
      gap = false;
      out.push_back(c);
    }
  }
  return out;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// Text gathered line by line (each line already collapsed), remembering where
// each source line starts in it, so a piece cut from the middle knows its line.
class Block {
 public:
  void add(std::string_view text, uint32_t line, char joiner) {
    if (text.empty()) return;
    if (!text_.empty()) text_.push_back(joiner);
    starts_.emplace_back(text_.size(), line);
    text_.append(text);
  }
  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }
  uint32_t line_at(size_t offset) const {
    auto after = std::upper_bound(starts_.begin(), starts_.end(), offset,
                                  [](size_t o, const auto& start) { return o < start.first; });
    return after == starts_.begin() ? 0 : std::prev(after)->second;
  }
  void clear() {
    text_.clear();
    starts_.clear();
  }

 private:
  std::string text_;
  std::vector<std::pair<size_t, uint32_t>> starts_;  // offset in text_, source line
};

// ---- cutting ----------------------------------------------------------------

// The gaps collapse() leaves.
inline bool is_gap(char c) {
  return c == ' ' || c == '\n';
}

// Where a piece of s from b (with more than `limit` bytes left) ends: after the
// last sentence end within `limit` bytes ('.', '!' or '?' before a gap, '。',
// '।', or a line break), else at the last space, else at the last character
// that fits whole. Looks back at most `limit` bytes.
inline size_t cut_at(std::string_view s, size_t b, size_t limit) {
  size_t hard = b + limit;  // < s.size()
  while (hard > b && is_continuation(s[hard])) --hard;
  if (hard == b) return b + limit;  // not UTF-8; split() never gets here
  for (size_t c = hard; c > b; --c) {
    char before = s[c - 1];
    if (s[c] == '\n') return c;
    if ((before == '.' || before == '!' || before == '?') && is_gap(s[c])) return c;
    if (c >= b + 3) {
      std::string_view mark = s.substr(c - 3, 3);
      if (mark == "\xE3\x80\x82" || mark == "\xE0\xA5\xA4") return c;  // 。 ।
    }
  }
  for (size_t c = hard; c > b; --c)
    if (s[c] == ' ') return c;
  return hard;
}

// s in pieces of at most `limit` bytes, as [begin, end) without edge gaps.
// Of any three pieces in a row the last ends past the first one's window (no
// cut point was left in it), so the look-backs add up to O(s.size()).
inline std::vector<std::pair<size_t, size_t>> cut(std::string_view s, size_t limit) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t b = 0;
  while (true) {
    while (b < s.size() && is_gap(s[b])) ++b;
    if (b == s.size()) break;
    size_t next = s.size() - b <= limit ? s.size() : cut_at(s, b, limit);
    size_t e = next;
    while (e > b && is_gap(s[e - 1])) --e;
    out.emplace_back(b, e);
    b = next;
  }
  return out;
}

inline std::string first_piece(std::string text, size_t limit) {
  if (text.size() <= limit) return text;
  auto [b, e] = cut(text, limit).front();
  return text.substr(b, e - b);
}

// ---- what comes out ---------------------------------------------------------

// Numbers the passages, keeps the first kMaxPassages and kMaxErrors and
// counts the rest.
class Out {
 public:
  void passage(Passage p) {
    if (split_.passages.size() >= kMaxPassages) {
      if (dropped_++ == 0) first_dropped_line_ = p.line;
      return;
    }
    p.position = static_cast<uint32_t>(split_.passages.size());
    split_.passages.push_back(std::move(p));
  }
  void error(uint32_t line, std::string message) {
    if (split_.errors.size() < kMaxErrors)
      split_.errors.push_back({line, std::move(message)});
    else
      ++unlisted_errors_;
  }
  Split finish() {
    if (unlisted_errors_ > 0)
      split_.errors.push_back({0, std::to_string(unlisted_errors_) + " more errors not listed"});
    if (dropped_ > 0)
      split_.errors.push_back({first_dropped_line_, "a document keeps at most " +
                                                        std::to_string(kMaxPassages) +
                                                        " passages; " + std::to_string(dropped_) +
                                                        " more, from this line on, were dropped"});
    return std::move(split_);
  }

 private:
  Split split_;
  size_t dropped_ = 0, unlisted_errors_ = 0;
  uint32_t first_dropped_line_ = 0;
};

inline void emit(const Block& block, const std::string& heading, const std::string& language,
                 Out* out, uint32_t page = 0) {
  for (auto [b, e] : cut(block.text(), kMaxPassageBytes)) {
    Passage p;
    p.text = block.text().substr(b, e - b);
    p.heading = heading;
    p.language = language;
    p.line = block.line_at(b);
    p.page = page;
    out->passage(std::move(p));
  }
}

inline bool starts_with(std::string_view s, std::string_view start) {
  return s.substr(0, start.size()) == start;
}

void split_text(std::string_view body, const std::string& language, Out* out);
void split_markdown(std::string_view body, const std::string& language, Out* out);
void split_faq(std::string_view body, Out* out);
void split_whatsapp(std::string_view body, const std::string& language, Out* out);
void split_docx(std::string_view body, const std::string& language, Out* out);
void split_pdf(std::string_view body, const std::string& language, Out* out);

}  // namespace parley::domain::knowledge::detail
