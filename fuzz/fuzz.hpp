// What every target shares: how a broken invariant is reported, and reading
// an input made of lines.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace parley::fuzz {

// A broken invariant: libFuzzer keeps the input as a crash.
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz: %s\n", what);
  std::abort();
}

// The next line of `in` from `*at` (without "\n" or "\r\n"); false at the end.
inline bool next_line(const std::string& in, size_t* at, std::string* line) {
  if (*at >= in.size()) return false;
  size_t nl = in.find('\n', *at);
  if (nl == std::string::npos) nl = in.size();
  *line = in.substr(*at, nl - *at);
  if (!line->empty() && line->back() == '\r') line->pop_back();
  *at = nl + 1;
  return true;
}

}  // namespace parley::fuzz
