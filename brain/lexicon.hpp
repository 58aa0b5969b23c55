// The multilingual shopping lexicon: words of es, ru, id and hi (Latin and
// Devanagari) mapped to the English vocabulary of the catalog, English need
// words expanded to the terms products are described with, colour words,
// and stop words. Keys are folded (brain::fold). A key ending in '*' matches
// every token that starts with it (inflections: "tornillos", "прыщей").
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley::brain {

class Lexicon {
 public:
  // The built-in lexicon (lexicon_data.cpp).
  static const Lexicon& builtin();
  // Parses "key = english terms" lines; '#' starts a comment.
  explicit Lexicon(std::string_view data);
  // The indexes point into the entries: not copied or moved.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // English terms for a folded token: an exact key first, else the longest
  // prefix key; empty if none.
  const std::vector<std::string>* translate(const std::string& token) const;
  bool is_stopword(const std::string& token) const;
  // A folded token that names something the shop sells or a colour: not a
  // stop word, and translated or a colour ("tornillos", "rojas").
  bool names_goods(const std::string& token) const;
  // How many words of `text` (any case) name goods.
  size_t goods_words(std::string_view text) const;
  // The English colour a folded token names ("rojas" -> "red"), or "".
  std::string color_of(const std::string& token) const;
  // Every exact and prefix key, for typo correction.
  const std::vector<std::string>& keys() const { return all_keys_; }

 private:
  struct Entry {
    std::string key;
    bool prefix;
    std::vector<std::string> terms;
  };
  std::vector<Entry> exact_;   // sorted by key
  std::vector<Entry> prefix_;  // sorted by key, equal keys in file order
  // The first entry of each key, hashed. A token's lookup was a binary search
  // over the exact keys, then one over the prefix keys for each of its
  // lengths: 5.5 % of a chat turn's instructions (callgrind, issue 22).
  std::unordered_map<std::string_view, const Entry*> exact_index_, prefix_index_;
  std::vector<bool> prefix_length_;  // [n]: some prefix key has n bytes
  std::vector<std::string> stop_;
  std::unordered_set<std::string_view> stop_index_;
  std::vector<std::string> all_keys_;
};

// English colour names products use.
bool is_color_word(const std::string& english);

}  // namespace parley::brain
