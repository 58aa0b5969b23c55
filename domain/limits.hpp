// What one person may send, checked at the edge before any parsing and again
// by the deciders. Understanding, search and the CRM desk never see more.
//   a text (chat, CRM command, NLU parse, search query)  kMaxTextBytes  -> 422 text_too_long
//   an id a platform or client names (chat, user, message) kMaxIdBytes  -> 400, or for a
//                                                          webhook 200 and refused; never 503
//   an id in a path (conversation, order, lead, …)        kMaxPathIdBytes -> 400
//   a price, quantity, cart, order total, stock           kMax…          -> refused by the deciders
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley::domain {

// Money and quantities are bounded where they enter (the product and
// conversation deciders), so no total can overflow: 4.6e18 cents once made a
// negative total (issue 17, item 14).
inline constexpr int64_t kMaxPriceCents = 10'000'000'000;     // 100,000,000.00 a unit
inline constexpr int64_t kMaxQuantity = 999;                  // of one cart line
inline constexpr size_t kMaxCartLines = 50;                   // lines in one cart
inline constexpr int64_t kMaxOrderCents = 1'000'000'000'000;  // 10,000,000,000.00 an order
inline constexpr int64_t kMaxStock = 1'000'000'000;

inline constexpr size_t kMaxTextBytes = 16 * 1024;
// A product's name, category and each colour, size or tag; its description
// and image URL; its colours, sizes and tags together.
inline constexpr size_t kMaxProductNameBytes = 256;
inline constexpr size_t kMaxProductDescriptionBytes = 4096;
inline constexpr size_t kMaxProductListValues = 100;
// 128, so that "<channel>:<id>" and the dedupe keys built on it stay within
// the log's 256-byte entity ids (events/keys.hpp): a longer chat id used to
// fail in the store and answer 503 "deliver again", and platforms retried forever.
inline constexpr size_t kMaxIdBytes = 128;
inline constexpr size_t kMaxPathIdBytes = 256;

// 1..max_bytes bytes, no NUL or other control character.
inline bool valid_id(std::string_view id, size_t max_bytes = kMaxIdBytes) {
  if (id.empty() || id.size() > max_bytes) return false;
  for (unsigned char c : id)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

}  // namespace parley::domain
