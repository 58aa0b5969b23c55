// What one person may send, checked at the edge before any parsing and again
// by the deciders. Understanding, search and the CRM desk never see more.
//   a text (chat, CRM command, NLU parse, search query)  kMaxTextBytes  -> 422 text_too_long
//   an id (user, chat, order, message, path segment)     kMaxIdBytes    -> 400, never "retry"
#pragma once

#include <cstddef>
#include <string_view>

namespace parley::domain {

inline constexpr size_t kMaxTextBytes = 16 * 1024;
inline constexpr size_t kMaxIdBytes = 256;

// An id a platform or a client may hand us: 1..kMaxIdBytes bytes, no NUL or
// other control character.
inline bool valid_external_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdBytes) return false;
  for (unsigned char c : id)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

}  // namespace parley::domain
