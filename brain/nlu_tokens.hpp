// Tokens of one message as understanding sees them: words, numbers and the
// punctuation that separates clauses, each with its folded form and its
// original bytes (slots keep the words as the user typed them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::brain::nlu {

struct Token {
  enum Kind { word, number, punct };
  Kind kind = word;
  std::string folded;  // brain::fold of the text; punctuation as is
  size_t begin = 0;    // byte offsets into the original text
  size_t end = 0;
  bool capitalized = false;  // first letter upper case (Latin or Cyrillic)
};

struct Tokens {
  std::string text;  // the original message
  std::vector<Token> t;

  size_t size() const { return t.size(); }
  const std::string& f(size_t i) const { return t[i].folded; }
  bool is(size_t i, std::string_view folded) const { return i < t.size() && t[i].folded == folded; }
  // Original text from token i to token j (inclusive), trimmed.
  std::string span(size_t i, size_t j) const;
};

// Splits `text`: words (letters, digits, '-' and '.' inside a word: "t-shirts",
// "Альфа-Трейд", "A-7781"), numbers ("10:30", "2.500", "3.5" stay whole), and
// the separators , : ; . ! ? - – । # № @ ( ) as punctuation tokens.
Tokens tokenize_message(const std::string& text);

}  // namespace parley::brain::nlu
