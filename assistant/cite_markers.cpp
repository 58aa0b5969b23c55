#include "assistant/cite_markers.hpp"

#include <cctype>

namespace parley::assistant {
namespace {

constexpr size_t kNone = std::string_view::npos;
// "<document id>:<line>" is at most 64 + 1 + 10 bytes; more is not an id.
constexpr size_t kMaxCiteId = 100;

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t skip_blanks(std::string_view s, size_t i) {
  while (i < s.size() && blank(s[i])) ++i;
  return i;
}

// Where the marker "[cite: <id>]" that starts at `at` (a '[') ends, one past
// its ']', with the id in *id; kNone when there is none there. *open: `s`
// ends inside what may still become one (a stream has more to come).
size_t marker_end(std::string_view s, size_t at, std::string* id, bool* open) {
  *open = false;
  auto unfinished = [open] {
    *open = true;
    return kNone;
  };
  size_t i = skip_blanks(s, at + 1);
  for (char w : std::string_view("cite")) {
    if (i == s.size()) return unfinished();
    if (std::tolower(static_cast<unsigned char>(s[i])) != w) return kNone;
    ++i;
  }
  i = skip_blanks(s, i);
  if (i == s.size()) return unfinished();
  if (s[i] != ':') return kNone;
  const size_t from = skip_blanks(s, i + 1);
  for (i = from; i < s.size() && s[i] != ']'; ++i)
    if (s[i] == '[' || s[i] == '\n' || i - from >= kMaxCiteId) return kNone;
  if (i == s.size()) return unfinished();
  size_t to = i;
  while (to > from && blank(s[to - 1])) --to;
  if (to == from) return kNone;
  *id = std::string(s.substr(from, to - from));
  return i + 1;
}

// True when s[at..] is nothing but blanks and whole markers; with `open`, the
// last marker may still be being written.
bool marker_run(std::string_view s, size_t at, bool open) {
  size_t i = skip_blanks(s, at);
  while (i < s.size()) {
    if (s[i] != '[') return false;
    std::string id;
    bool unfinished = false;
    const size_t end = marker_end(s, i, &id, &unfinished);
    if (end == kNone) return open && unfinished;
    i = skip_blanks(s, end);
  }
  return true;
}

// Where the closing run of blanks and markers starts (s.size() if none). Only
// the first blank of a stretch, or a '[' right after text, can start it, and
// a try reads at most one marker past its blanks: linear in the reply.
size_t run_start(std::string_view s, bool open) {
  for (size_t p = 0; p < s.size(); ++p)
    if ((blank(s[p]) || s[p] == '[') && (p == 0 || !blank(s[p - 1])) && marker_run(s, p, open))
      return p;
  return s.size();
}

}  // namespace

CitedText strip_cite_markers(const std::string& text) {
  const size_t from = run_start(text, false);
  CitedText out{text.substr(0, from), {}};
  // run_start vouched for whole markers from `from` on: read their ids.
  size_t i = skip_blanks(text, from);
  while (i < text.size()) {
    std::string id;
    bool open = false;
    const size_t end = marker_end(text, i, &id, &open);
    if (end == kNone) break;
    out.ids.push_back(std::move(id));
    i = skip_blanks(text, end);
  }
  return out;
}

MarkerHoldback::MarkerHoldback(std::function<void(const std::string&)> out)
    : out_(std::move(out)) {}

void MarkerHoldback::write(std::string_view delta) {
  held_.append(delta);
  const size_t keep = run_start(held_, true);
  if (keep == 0) return;
  out_(held_.substr(0, keep));
  held_.erase(0, keep);
}

void MarkerHoldback::end_call(bool reply_ends) {
  if (!held_.empty() && !(reply_ends && strip_cite_markers(held_).text.empty())) out_(held_);
  held_.clear();
}

}  // namespace parley::assistant
