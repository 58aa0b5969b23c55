// Plain text (paragraphs) and Markdown (sections under their headings).
#include "domain/knowledge_split_parts.hpp"

namespace parley::domain::knowledge::detail {
// ---- text and Markdown --------------------------------------------------------

void split_text(std::string_view body, const std::string& language, Out* out) {
  Lines lines(body);
  std::string_view line;
  Block paragraph;
  while (lines.next(&line)) {
    std::string text = collapse(line);
    if (text.empty()) {
      emit(paragraph, "", language, out);
      paragraph.clear();
    } else {
      paragraph.add(text, lines.number(), '\n');
    }
  }
  emit(paragraph, "", language, out);
}
namespace {

// [text](url) and ![alt](url) become text and alt; `**`, `__` and backticks go.
std::string plain_inline(std::string_view s) {
  std::string linked;
  linked.reserve(s.size());
  size_t close = 0, paren = 0;  // the first ']' after a '[', the first ')' after its '('
  for (size_t i = 0; i < s.size();) {
    size_t open = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[' ? i + 1 : i;
    if (s[open] == '[') {
      if (close <= open) close = std::min(s.find(']', open + 1), s.size());
      if (close + 1 < s.size() && s[close + 1] == '(') {
        if (paren <= close + 1) paren = std::min(s.find(')', close + 2), s.size());
        if (paren < s.size()) {
          linked.append(s.substr(open + 1, close - open - 1));
          i = paren + 1;
          continue;
        }
      }
    }
    linked.push_back(s[i++]);
  }
  std::string out;
  out.reserve(linked.size());
  for (size_t i = 0; i < linked.size(); ++i) {
    char c = linked[i];
    if (c == '`') continue;
    if ((c == '*' || c == '_') && i + 1 < linked.size() && linked[i + 1] == c) {
      ++i;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

size_t leading(std::string_view s, char c) {
  size_t n = 0;
  while (n < s.size() && s[n] == c) ++n;
  return n;
}

// "---", "* * *", "___" (a thematic break) or "===" / "---" under a paragraph.
bool is_rule(std::string_view t) {
  if (t.empty() || (t[0] != '-' && t[0] != '*' && t[0] != '_' && t[0] != '=')) return false;
  size_t marks = 0;
  for (char c : t) {
    if (c == t[0])
      ++marks;
    else if (c != ' ' && c != '\t')
      return false;
  }
  return marks >= 3;
}

// The bytes of a list item's marker ("- ", "* ", "+ ", "12. ", "3) "), or 0.
size_t list_marker(std::string_view s) {
  auto blank_at = [&](size_t i) { return i < s.size() && (s[i] == ' ' || s[i] == '\t'); };
  if (!s.empty() && (s[0] == '-' || s[0] == '*' || s[0] == '+') && blank_at(1)) return 2;
  size_t digits = 0;
  while (digits < s.size() && digits < 9 && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      blank_at(digits + 1))
    return digits + 2;
  return 0;
}

std::string heading_text(std::string_view s) {
  std::string_view t = trim(s);
  size_t end = t.size();
  while (end > 0 && t[end - 1] == '#') --end;  // "## Shipping ##"
  if (end == 0 || t[end - 1] == ' ' || t[end - 1] == '\t') t = trim(t.substr(0, end));
  return first_piece(collapse(plain_inline(t)), kMaxHeadingBytes);
}

}  // namespace

void split_markdown(std::string_view body, const std::string& language, Out* out) {
  Lines lines(body);
  std::string_view raw;
  Block paragraph;
  bool has_items = false;  // then "---" below it is a break, not an underline
  std::string heading;
  char fence = 0;  // '`' or '~' inside a fenced code block
  size_t fence_length = 0;
  auto flush = [&] {
    emit(paragraph, heading, language, out);
    paragraph.clear();
    has_items = false;
  };
  while (lines.next(&raw)) {
    std::string_view s = trim(raw);
    while (!s.empty() && s[0] == '>') s = trim(s.substr(1));  // block quotes read as text
    size_t ticks = leading(s, '`'), tildes = leading(s, '~');
    if (fence) {
      if (leading(s, fence) >= fence_length && trim(s.substr(leading(s, fence))).empty()) fence = 0;
      continue;
    }
    bool backtick_fence = ticks >= 3 && s.find('`', ticks) == npos;  // not "```code```"
    if (backtick_fence || tildes >= 3) {
      flush();
      fence = backtick_fence ? '`' : '~';
      fence_length = backtick_fence ? ticks : tildes;
      continue;
    }
    size_t hashes = leading(s, '#');
    if (s.empty()) {
      flush();
    } else if (hashes >= 1 && hashes <= 6 &&
               (hashes == s.size() || s[hashes] == ' ' || s[hashes] == '\t')) {
      flush();
      heading = heading_text(s.substr(hashes));
    } else if (is_rule(s)) {
      bool underline = (s[0] == '=' || s[0] == '-') && !paragraph.empty() && !has_items;
      if (underline) heading = first_piece(paragraph.text(), kMaxHeadingBytes);
      if (underline) paragraph.clear();
      flush();
    } else if (size_t marker = list_marker(s); marker > 0) {
      size_t before = paragraph.text().size();
      paragraph.add(collapse(plain_inline(s.substr(marker))), lines.number(), '\n');
      has_items = has_items || paragraph.text().size() > before;
    } else {
      paragraph.add(collapse(plain_inline(s)), lines.number(), ' ');
    }
  }
  flush();
}

}  // namespace parley::domain::knowledge::detail
