// Cue words of intents and slots across the five languages (folded; "a b" is a
// phrase of consecutive tokens; a trailing '*' matches a prefix).
#pragma once

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

#include "brain/nlu_tokens.hpp"

namespace parley::brain::nlu {

// A set of cues, folded once when built (so they may be written with accents).
struct Cues {
  Cues(std::initializer_list<const char*> list);
  std::vector<std::string> items;               // folded phrases
  std::vector<std::vector<std::string>> words;  // the same, split into words once
  // Phrases by their first word, and those whose first word is a prefix ("dusr*").
  std::unordered_map<std::string, std::vector<size_t>> by_first;
  std::vector<size_t> prefix_first;
  // The first byte and length of every first word in by_first: a token
  // that matches none is looked up no further. Most are not (find_cue was a
  // fifth of understanding, mostly hashing tokens no phrase starts with).
  std::bitset<256 * 16> first_shapes;
  static size_t shape(const std::string& word) {
    return static_cast<unsigned char>(word.empty() ? 0 : word[0]) * 16 +
           std::min<size_t>(word.size(), 15);
  }
  // The same for prefix_first: the first two bytes of every prefix, hashed
  // (a prefix of one byte is always tried).
  std::bitset<1024> prefix_pairs;
  bool short_prefix = false;
  static size_t pair(const std::string& word) {
    return (static_cast<unsigned char>(word[0]) * 31u + static_cast<unsigned char>(word[1])) &
           1023u;
  }
};

// Index of the first token where one of `cues` matches, or npos.
size_t find_cue(const Tokens& tk, const Cues& cues, size_t from = 0);
inline bool has_cue(const Tokens& tk, const Cues& cues) {
  return find_cue(tk, cues) != std::string::npos;
}
// Length in tokens of the cue matching at i (0 if none).
size_t cue_length_at(const Tokens& tk, const Cues& cues, size_t i);

// Which of several families match somewhere in a message, in one pass over
// its tokens: a union of the families' first-word indexes. Asking has_cue of
// each family in turn was ~250 cue_length_at calls a message for the intent
// model's 55 classes (21k instructions a chat turn; callgrind, issue 22).
class CueFamilies {
 public:
  explicit CueFamilies(std::vector<const Cues*> families);
  // present[k] == has_cue(tk, *families[k]).
  std::vector<bool> present(const Tokens& tk) const;

 private:
  struct Phrase {
    uint32_t family;
    const std::vector<std::string>* words;
  };
  std::vector<const Cues*> families_;
  std::unordered_map<std::string, std::vector<Phrase>> by_first_;
  std::bitset<256 * 16> first_shapes_;
  std::vector<Phrase> prefix_first_;
  std::bitset<1024> prefix_pairs_;
  bool short_prefix_ = false;
};

namespace cues {
extern const Cues greet, goodbye, thanks, affirm, deny, handoff, order_word, order_status, where,
    pay, payment_link_word, how, checkout, cart, clear, everything, view, total, remove, add,
    put_in, take, quantity_word, instead, product_info, search, category, details_name,
    details_phone, details_email, details_address, lead, new_word, create, qualify, reassign,
    meeting, demo, done, reschedule, schedule, activity, history, tasks, leads_plural, update,
    turnover, current_system, challenges, address_word, assign, contact, source, what, out_scope,
    filler;
// Every family above, in that order.
const std::vector<const Cues*>& all();
}  // namespace cues

}  // namespace parley::brain::nlu
